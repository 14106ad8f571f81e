package org.nuanxin.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;
import org.nuanxin.Benefit;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Parameter;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.internal.DrlOutline;
import org.nuanxin.internal.RuleGuard;
import org.nuanxin.spi.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a region's rule set from its files: reads the data, compiles the DRL with the classic
 * compiler (author line numbers), and checks that every rule carries the metadata an explanation
 * needs and every catalogue benefit is decided by some rule.
 */
public final class RegionCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RegionCompiler.class);

    /**
     * System property that, set to {@code true}, runs precompiled rules in the Rete network even where
     * they could be run directly (for diagnosis and for comparing the two; decisions are identical).
     */
    public static final String RETE_PROPERTY = "nuanxin.rete";

    /** Metadata every rule must carry. */
    static final List<String> REQUIRED_META = List.of("benefit", "source", "clause", "zh", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)(?:\\.([A-Za-z0-9_.]+))?}");

    private RegionCompiler() {
    }

    /**
     * Compiles a region.
     *
     * @throws RuleBuildException with every problem, located by file and line
     */
    public static CompiledRegion compile(RuleFiles files) {
        long start = System.nanoTime();
        RegionData data;
        try {
            data = RegionData.read(files);
        } catch (MalformedFileException e) {
            throw new RuleBuildException("?", files.origin(), List.of(new RuleProblem(e.file(), e.line(), 0,
                    Severity.ERROR, "", (e.field().isEmpty() ? "" : e.field() + ": ") + e.problem())));
        }
        List<RuleProblem> problems = new ArrayList<>();
        // Rules precompiled into a region jar are code the host put on its classpath: their DRL text is not
        // what runs, so guarding it would protect nothing (the build guards it: HostileRulesTest). Rules
        // compiled here, from a folder or when a jar's model cannot be loaded, pass the guard first.
        List<org.drools.model.Model> models = files.precompiled() != null ? models(data.id(), files) : null;
        InternalKnowledgeBase kbase = models != null ? precompiled(data.id(), models, files) : null;
        boolean fromModel = kbase != null;
        Map<String, PackageDescr> checked = null;
        if (kbase == null) {
            checked = new java.util.LinkedHashMap<>();
            for (String file : files.drlFiles()) {
                RuleGuard.Checked guard = RuleGuard.guard(file, files.files().get(file));   // rules are code
                problems.addAll(guard.problems());
                checked.put(file, guard.descr());
            }
            if (!problems.isEmpty()) {
                throw new RuleBuildException(data.id(), files.origin(), problems);
            }
            kbase = compileDrl(data.id(), files, checked, problems);
        }

        Map<String, DrlOutline> outlines = new HashMap<>();
        Map<String, String> fileOfRule = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (String file : files.drlFiles()) {
            DrlOutline outline = checked != null ? DrlOutline.of(checked.get(file))   // the guard's parse
                    : DrlOutline.of(file, files.files().get(file));
            outlines.put(file, outline);
            // by file name, not manifest position: reordering region.yaml's list changes no explanation
            int fileIndex = files.drlFiles().stream().sorted().toList().indexOf(file);
            outline.ruleLines().forEach((rule, line) -> {
                fileOfRule.put(rule, file);
                order.put(rule, fileIndex * 1_000_000 + line);
            });
        }
        Map<String, RuleInfo> rules = new HashMap<>();
        Set<String> decided = new HashSet<>();
        Set<String> globals = new HashSet<>();
        Set<String> codes = new HashSet<>();
        data.benefits().forEach(b -> codes.add(b.code()));
        for (KiePackage pkg : kbase.getKiePackages()) {
            for (Global g : pkg.getGlobalVariables()) {
                globals.add(g.getName());
            }
            for (Rule rule : pkg.getRules()) {
                RuleInfo info = ruleInfo(rule, data, codes, outlines, fileOfRule, order, problems);
                if (info != null) {
                    rules.put(key(rule), info);
                    if (!"*".equals(String.valueOf(rule.getMetaData().get("benefit")).strip())) {
                        decided.addAll(info.benefits());   // programme-wide rules decide no benefit alone
                    }
                }
            }
        }
        if (!globals.contains("verdict")) {
            problems.add(new RuleProblem(files.drlFiles().isEmpty() ? RuleFiles.REGION : files.drlFiles().get(0), 0, 0,
                    Severity.ERROR, "", "no rule file declares 'global org.nuanxin.rules.Verdict verdict;'"));
        }
        for (Benefit b : data.benefits()) {
            if (!decided.contains(b.code())) {
                problems.add(new RuleProblem(RuleFiles.BENEFITS, data.lines().getOrDefault("benefit:" + b.code(), 0), 0,
                        Severity.ERROR, "",
                        "no rule decides benefit " + b.code() + "; give a rule @benefit(\"" + b.code() + "\")"));
            }
        }
        if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            throw new RuleBuildException(data.id(), files.origin(), problems);
        }
        String version = version(files);
        DirectRules direct = null;
        StringBuilder why = new StringBuilder();
        if (fromModel && !Boolean.getBoolean(RETE_PROPERTY)) {
            direct = DirectRules.of(models, rules, why);
        }
        LOG.info("Built rules of region {} ({} rules, {}, {}, version {}) in {} ms", data.id(), rules.size(),
                fromModel ? "precompiled" : "compiled from DRL",
                direct != null ? "run directly" : fromModel && why.length() > 0 ? "run in the Rete network: " + why
                        : "run in the Rete network",
                version, (System.nanoTime() - start) / 1_000_000);
        return new CompiledRegion(data, kbase, direct, Map.copyOf(rules), Set.copyOf(globals), version, problems,
                fromModel);
    }

    /**
     * The knowledge base from the rules compiled at build time, or {@code null} (logged) when they
     * cannot be loaded, so that the DRL is compiled instead.
     */
    private static InternalKnowledgeBase precompiled(String region, List<org.drools.model.Model> models, RuleFiles files) {
        try {
            return org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models, configuration(files.precompiled().loader()));
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("Precompiled rules of region {} could not be loaded ({}); compiling its DRL instead", region,
                    e.getClass().getSimpleName());
            return null;
        }
    }

    /** The executable model compiled at build time, or {@code null} (logged) when it cannot be loaded. */
    private static List<org.drools.model.Model> models(String region, RuleFiles files) {
        try {
            List<org.drools.model.Model> models = new ArrayList<>();
            for (String name : files.precompiled().modelClasses()) {
                Class<?> c = Class.forName(name, true, files.precompiled().loader());
                models.add((org.drools.model.Model) c.getDeclaredConstructor().newInstance());
            }
            return models;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn("Precompiled rules of region {} could not be loaded ({}); compiling its DRL instead", region,
                    e.getClass().getSimpleName());
            return null;
        }
    }

    private static KieBaseConfiguration configuration(ClassLoader loader) {
        KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration(null, loader);
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return conf;
    }

    /**
     * Compiles the rules with the classic compiler, which reports errors at the author's lines. It
     * compiles the packages exactly as the guard parsed and checked them, never the text again, so
     * that nothing the guard did not see can reach the compiler.
     */
    private static InternalKnowledgeBase compileDrl(String region, RuleFiles files, Map<String, PackageDescr> checked,
                                                    List<RuleProblem> problems) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(RegionCompiler.class.getClassLoader()));
        CompositeKnowledgeBuilder batch = builder.batch();
        for (String file : files.drlFiles()) {
            Resource r = ResourceFactory.newDescrResource(checked.get(file));
            r.setSourcePath(file);
            batch.add(r, ResourceType.DESCR);
        }
        batch.build();
        boolean several = builder.getResults(ResultSeverity.ERROR).size() > 1;
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
            if (several && "Parser returned a null Package".equals(r.getMessage())) {
                continue;                                   // a consequence of the parse error reported beside it
            }
            int[] lines = r.getLines();
            String file = r.getResource() == null ? "?" : r.getResource().getSourcePath();
            problems.add(new RuleProblem(file == null ? "?" : file, lines.length > 0 ? Math.max(lines[0], 0) : 0, 0,
                    r.getSeverity() == ResultSeverity.ERROR ? Severity.ERROR : Severity.WARNING, "", r.getMessage()));
        }
        if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            throw new RuleBuildException(region, files.origin(), problems);
        }
        InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase("nuanxin." + region,
                configuration(RegionCompiler.class.getClassLoader()));
        kbase.addPackages(builder.getKnowledgePackages());
        return kbase;
    }

    /** The key the engine finds a rule's info under. */
    static String key(Rule rule) {
        return rule.getPackageName() + "/" + rule.getName();
    }

    private static RuleInfo ruleInfo(Rule rule, RegionData data, Set<String> codes, Map<String, DrlOutline> outlines,
                                     Map<String, String> fileOfRule, Map<String, Integer> order,
                                     List<RuleProblem> problems) {
        Map<String, Object> meta = rule.getMetaData();
        String file = rule instanceof RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null ? impl.getResource().getSourcePath()
                : fileOfRule.getOrDefault(rule.getName(), "?");
        int line = outlines.containsKey(file) ? outlines.get(file).line(rule.getName()) : 0;
        boolean ok = true;
        for (String m : REQUIRED_META) {
            Object v = meta.get(m);
            if (v == null || v.toString().isBlank()) {
                problems.add(new RuleProblem(file, line, 0, Severity.ERROR, rule.getName(),
                        "missing metadata @" + m + "(\"…\"); every rule names its benefit, source, clause and"
                                + " states its criterion in Chinese (@zh) and English (@en)"));
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        List<String> benefits = new ArrayList<>();
        String list = meta.get("benefit").toString().strip();
        if (list.equals("*")) {
            data.benefits().forEach(b -> benefits.add(b.code()));
        } else {
            for (String code : list.split("\\s*,\\s*")) {
                if (!codes.contains(code)) {
                    problems.add(new RuleProblem(file, line, 0, Severity.ERROR, rule.getName(),
                            "@benefit names " + code + ", which is not in benefits.yaml"));
                    ok = false;
                }
                benefits.add(code);
            }
        }
        String source = meta.get("source").toString();
        String text = String.join("\n", meta.get("zh").toString(), meta.get("en").toString(),
                String.valueOf(meta.getOrDefault("unmet_zh", "")), String.valueOf(meta.getOrDefault("unmet_en", "")));
        String[] filled = fill(text, data.parameters(), file, line, rule.getName(), problems).split("\n", -1);
        int[] indexes = benefits.stream().mapToInt(c -> indexOf(data, c)).toArray();
        return ok ? new RuleInfo(rule.getName(), file, order.getOrDefault(rule.getName(), Integer.MAX_VALUE), benefits,
                indexes, source, meta.get("clause").toString(),
                filled[0], filled[1], filled[2], filled[3]) : null;
    }

    private static int indexOf(RegionData data, String code) {
        for (int i = 0; i < data.benefits().size(); i++) {
            if (data.benefits().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces {@code ${param.key}} with the parameter's value; {@code ${as_of}} stays for later. */
    private static String fill(String text, Map<String, Parameter> params, String file, int line, String rule,
                               List<RuleProblem> problems) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1).equals("param") && m.group(2) != null) {
                Parameter p = params.get(m.group(2));
                if (p == null) {
                    problems.add(new RuleProblem(file, line, 0, Severity.ERROR, rule,
                            "text refers to ${param." + m.group(2) + "}, which parameters.yaml does not define"));
                    replacement = m.group();
                } else {
                    replacement = Texts.show(p.value());
                }
            } else {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String version(RuleFiles files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.files().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
