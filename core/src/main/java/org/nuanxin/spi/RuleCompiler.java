package org.nuanxin.spi;

import java.util.List;
import java.util.Map;
import org.drools.model.Model;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;

/**
 * Compiles DRL files into Drools' executable model at run time: what a rule folder, a reload, lint and
 * the region modules' build need, and what a host that runs only precompiled region jars does not. The
 * engine finds one with {@link java.util.ServiceLoader}; {@code org.nuanxin:nuanxin-compiler} provides it
 * (with the rule guard, which refuses anything beyond the rule vocabulary, and Drools' code generator and
 * Java compiler). Without it on the classpath the engine still runs every region jar whose rules were
 * compiled at build time, and refuses a rule folder with a {@link RuleBuildException} that says so.
 */
public interface RuleCompiler {

    /**
     * Guards and compiles one region's DRL.
     *
     * @param region     the region id, for messages
     * @param origin     where the files came from, for messages
     * @param drl        file name → DRL text: the rule files in manifest order, then the catalogue's
     *                   declared criteria
     * @param warnings   receives the compiler's warnings (deprecated syntax, say); errors are thrown
     * @param classesOut receives the compiled classes (binary name → class file) for a build to write
     *                   into a region jar; {@code null} when not needed
     * @return the model and where each rule is declared
     * @throws RuleBuildException with every problem, located by file and line, when the guard refuses the
     *                            rules or they do not compile
     */
    Compiled compile(
            String region,
            String origin,
            Map<String, String> drl,
            List<RuleProblem> warnings,
            Map<String, byte[]> classesOut);

    /**
     * Compiled rules.
     *
     * @param models    the executable model's packages
     * @param ruleLines file name → rule name → 1-based line of its {@code rule} keyword
     */
    record Compiled(List<Model> models, Map<String, Map<String, Integer>> ruleLines) {
        public Compiled {
            models = List.copyOf(models);
            ruleLines = Map.copyOf(ruleLines);
        }
    }
}
