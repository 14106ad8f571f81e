package org.nuanxin.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.model.Model;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.spi.RuleCompiler;

/**
 * The engine's {@link RuleCompiler}: every file passes the {@link RuleGuard} (rules are untrusted code
 * and may use only the rule vocabulary), then {@link ModelCompiler} turns the guard's parse into
 * Drools' executable model. Registered in {@code META-INF/services/org.nuanxin.spi.RuleCompiler}.
 */
public final class DrlCompiler implements RuleCompiler {

    @Override
    public Compiled compile(
            String region,
            String origin,
            Map<String, String> drl,
            List<RuleProblem> warnings,
            Map<String, byte[]> classesOut) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, PackageDescr> checked = new LinkedHashMap<>();
        drl.forEach((file, text) -> {
            RuleGuard.Checked guard = RuleGuard.guard(file, text); // rules are code
            problems.addAll(guard.problems());
            checked.put(file, guard.descr());
        });
        if (!problems.isEmpty()) {
            throw new RuleBuildException(region, origin, problems);
        }
        List<Model> models = ModelCompiler.compile(region, origin, checked, warnings, classesOut);
        Map<String, Map<String, Integer>> lines = new LinkedHashMap<>();
        checked.forEach((file, descr) -> lines.put(file, DrlOutline.of(descr).ruleLines()));
        return new Compiled(models, lines);
    }

    @Override
    public String toString() {
        return "DrlCompiler[guard, Drools executable model]";
    }
}
