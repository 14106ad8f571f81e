package org.nuanxin.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.nuanxin.Benefit;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Parameter;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.spi.RuleCompiler;
import org.nuanxin.spi.RuleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a region's rule set from its files: reads the data, takes the rules' executable model —
 * compiled at build time into a region jar, or compiled here from the guarded DRL by the
 * {@link RuleCompiler} on the classpath ({@code nuanxin-compiler}) — checks that every rule carries the metadata an explanation needs and every
 * catalogue benefit is decided by some rule, and hands the model to {@link DirectRules}, the one
 * way rules run.
 */
public final class RegionCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(RegionCompiler.class);

    /** Metadata every rule must carry. */
    static final List<String> REQUIRED_META = List.of("benefit", "source", "clause", "zh", "en");

    private RegionCompiler() {}

    /**
     * Compiles a region.
     *
     * @throws RuleBuildException with every problem, located by file and line
     */
    public static CompiledRegion compile(RuleFiles files) {
        return compile(files, null);
    }

    /**
     * As {@link #compile(RuleFiles)}; rules compiled here from DRL also leave their classes in
     * {@code classesOut} (binary name → class file), which the compiler module's {@code Precompile} writes
     * into a region jar.
     */
    public static CompiledRegion compile(RuleFiles files, Map<String, byte[]> classesOut) {
        long start = System.nanoTime();
        RegionData data;
        try {
            data = RegionData.read(files);
        } catch (MalformedFileException e) {
            throw new RuleBuildException(
                    "?",
                    files.origin(),
                    List.of(new RuleProblem(
                            e.file(),
                            e.line(),
                            0,
                            Severity.ERROR,
                            "",
                            (e.field().isEmpty() ? "" : e.field() + ": ") + e.problem())));
        }
        List<RuleProblem> problems = new ArrayList<>();
        // Rules precompiled into a region jar are code the host put on its classpath: their DRL text is not
        // what runs, so guarding it would protect nothing (the build guards it: HostileRulesTest). Rules
        // compiled here, from a folder or when a jar's model cannot be loaded, pass the guard first.
        List<Model> models = files.precompiled() != null ? models(data.id(), files) : null;
        boolean precompiled = models != null;
        String declared = declarations(data, files);
        List<String> ruleFiles = new ArrayList<>(files.drlFiles());
        if (declared != null) {
            ruleFiles.add(Declarations.FILE); // the catalogue's declared criteria, after every rule file
        }
        Map<String, String> drl = new LinkedHashMap<>();
        for (String file : ruleFiles) {
            drl.put(
                    file,
                    file.equals(Declarations.FILE) ? declared : files.files().get(file));
        }
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        if (models == null) {
            RuleCompiler.Compiled compiled =
                    compiler(data.id(), files.origin()).compile(data.id(), files.origin(), drl, problems, classesOut);
            models = compiled.models();
            lines.putAll(compiled.ruleLines());
        } else {
            drl.forEach((file, text) -> lines.put(file, new DrlSource(text).ruleLines()));
        }

        Map<String, String> fileOfRule = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        List<String> sorted = files.drlFiles().stream().sorted().toList();
        for (String file : ruleFiles) {
            // by file name, not manifest position: reordering region.yaml's list changes no explanation
            int fileIndex = file.equals(Declarations.FILE) ? ruleFiles.size() : sorted.indexOf(file);
            lines.getOrDefault(file, Map.of()).forEach((rule, line) -> {
                fileOfRule.put(rule, file);
                order.put(rule, fileIndex * 1_000_000 + line);
            });
        }
        Map<String, RuleInfo> rules = new HashMap<>();
        Set<String> decided = new HashSet<>();
        Set<String> globals = new HashSet<>();
        Set<String> codes = new HashSet<>();
        data.benefits().forEach(b -> codes.add(b.code()));
        for (Model model : models) {
            for (org.drools.model.Global<?> g : model.getGlobals()) {
                globals.add(g.getName());
            }
            for (Rule rule : model.getRules()) {
                RuleInfo info = ruleInfo(rule, data, codes, lines, fileOfRule, order, problems);
                if (info != null) {
                    rules.put(key(rule), info);
                    if (!"*"
                            .equals(String.valueOf(metadata(rule).get("benefit"))
                                    .strip())) {
                        decided.addAll(info.benefits()); // programme-wide rules decide no benefit alone
                    }
                }
            }
        }
        problems.addAll(Citations.check(files, data)); // an assumption cited but not defined is an error
        if (!globals.contains("verdict")) {
            problems.add(new RuleProblem(
                    files.drlFiles().isEmpty()
                            ? RuleFiles.REGION
                            : files.drlFiles().get(0),
                    0,
                    0,
                    Severity.ERROR,
                    "",
                    "no rule file declares 'global org.nuanxin.rules.Verdict verdict;'"));
        }
        for (Benefit b : data.benefits()) {
            if (!decided.contains(b.code())) {
                problems.add(new RuleProblem(
                        RuleFiles.BENEFITS,
                        data.lines().getOrDefault("benefit:" + b.code(), 0),
                        0,
                        Severity.ERROR,
                        "",
                        "no rule decides benefit " + b.code() + "; give a rule @benefit(\"" + b.code() + "\")"));
            }
        }
        if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            throw new RuleBuildException(data.id(), files.origin(), problems);
        }
        StringBuilder why = new StringBuilder();
        DirectRules direct = DirectRules.of(models, rules, why);
        if (direct == null) { // only a precompiled jar can get here: the guard refuses such shapes
            problems.add(new RuleProblem(
                    files.drlFiles().isEmpty()
                            ? RuleFiles.REGION
                            : files.drlFiles().get(0),
                    0,
                    0,
                    Severity.ERROR,
                    "",
                    why + "; rules run one way, without the Rete network, and this shape needs it"));
            throw new RuleBuildException(data.id(), files.origin(), problems);
        }
        String version = version(files);
        LOG.info(
                "Built rules of region {} ({} rules, {}, version {}) in {} ms",
                data.id(),
                rules.size(),
                precompiled ? "precompiled" : "compiled from DRL",
                version,
                (System.nanoTime() - start) / 1_000_000);
        return new CompiledRegion(
                data,
                direct,
                models.stream().map(m -> m.getClass().getName()).toList(),
                Map.copyOf(rules),
                Set.copyOf(globals),
                version,
                problems,
                precompiled);
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    /**
     * The catalogue's declared criteria as DRL ({@link Declarations}), in the package of the region's
     * first rule file, or {@code null} when no benefit declares one.
     */
    private static String declarations(RegionData data, RuleFiles files) {
        if (!Declarations.any(data.benefits())) {
            return null;
        }
        String pkg = "org.nuanxin.region." + data.id();
        if (!files.drlFiles().isEmpty()) {
            Matcher m = PACKAGE.matcher(files.files().get(files.drlFiles().get(0)));
            if (m.find()) {
                pkg = m.group(1);
            }
        }
        return Declarations.drl(pkg, data.benefits());
    }

    /** The rule compiler on the classpath, found once; {@code null} when there is none. */
    private static final class Compiler {
        static final RuleCompiler FOUND = java.util.ServiceLoader.load(
                        RuleCompiler.class, RegionCompiler.class.getClassLoader())
                .findFirst()
                .orElse(null);
    }

    /** The rule compiler, or a build error that says how to get one. */
    private static RuleCompiler compiler(String region, String origin) {
        if (Compiler.FOUND == null) {
            throw new RuleBuildException(
                    region,
                    origin,
                    List.of(new RuleProblem(
                            RuleFiles.REGION,
                            0,
                            0,
                            Severity.ERROR,
                            "",
                            "these rules must be compiled from DRL, and no rule compiler is on the classpath: add"
                                    + " the dependency org.nuanxin:nuanxin-compiler (rule folders, reload and lint"
                                    + " need it), or use the region's jar, whose rules are compiled at build time")));
        }
        return Compiler.FOUND;
    }

    /** The executable model compiled at build time, or {@code null} (logged) when it cannot be loaded. */
    private static List<Model> models(String region, RuleFiles files) {
        try {
            List<Model> models = new ArrayList<>();
            for (String name : files.precompiled().modelClasses()) {
                Class<?> c = Class.forName(name, true, files.precompiled().loader());
                models.add((Model) c.getDeclaredConstructor().newInstance());
            }
            return models;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.warn(
                    "Precompiled rules of region {} could not be loaded ({}); compiling its DRL instead",
                    region,
                    e.getClass().getSimpleName());
            return null;
        }
    }

    /** The key the engine finds a rule's info under. */
    static String key(Rule rule) {
        return rule.getPackage() + "/" + rule.getName();
    }

    private static RuleInfo ruleInfo(
            Rule rule,
            RegionData data,
            Set<String> codes,
            Map<String, Map<String, Integer>> lines,
            Map<String, String> fileOfRule,
            Map<String, Integer> order,
            List<RuleProblem> problems) {
        Map<String, Object> meta = metadata(rule);
        String file = fileOfRule.getOrDefault(rule.getName(), "?");
        int line = lines.getOrDefault(file, Map.of()).getOrDefault(rule.getName(), 0);
        boolean ok = true;
        for (String m : REQUIRED_META) {
            Object v = meta.get(m);
            if (v == null || v.toString().isBlank()) {
                problems.add(new RuleProblem(
                        file,
                        line,
                        0,
                        Severity.ERROR,
                        rule.getName(),
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
                    problems.add(new RuleProblem(
                            file,
                            line,
                            0,
                            Severity.ERROR,
                            rule.getName(),
                            "@benefit names " + code + ", which is not in benefits.yaml"));
                    ok = false;
                }
                benefits.add(code);
            }
        }
        String source = meta.get("source").toString();
        if (!data.sources().contains(source)) {
            problems.add(new RuleProblem(
                    file,
                    line,
                    0,
                    Severity.ERROR,
                    rule.getName(),
                    "@source " + RegionData.unknownSource(source, data.sources())));
            ok = false;
        }
        java.util.function.Consumer<String> undefined = key -> problems.add(new RuleProblem(
                file,
                line,
                0,
                Severity.ERROR,
                rule.getName(),
                "text refers to ${param." + key + "}, which parameters.yaml does not define"));
        Map<String, Parameter> dated = new HashMap<>();
        String[] filled = new String[4];
        String[] keys = {"zh", "en", "unmet_zh", "unmet_en"};
        for (int i = 0; i < 4; i++) {
            filled[i] = Sentences.parameters(
                    String.valueOf(meta.getOrDefault(keys[i], "")), i % 2 == 0, data.parameters(), undefined, dated);
        }
        int[] indexes = benefits.stream().mapToInt(c -> indexOf(data, c)).toArray();
        return ok
                ? new RuleInfo(
                        rule.getName(),
                        file,
                        order.getOrDefault(rule.getName(), Integer.MAX_VALUE),
                        benefits,
                        indexes,
                        source,
                        meta.get("clause").toString(),
                        filled[0],
                        filled[1],
                        filled[2],
                        filled[3],
                        dated)
                : null;
    }

    /**
     * The rule's metadata as text. Drools' own project build ({@code kie-maven-plugin}) keeps a value as
     * it was written, a string literal with its quotes, where the rule guard's packages carry it
     * unquoted; a jar built either way reads the same here.
     */
    static Map<String, Object> metadata(Rule rule) {
        Map<String, Object> out = new HashMap<>();
        rule.getMetaData().forEach((k, v) -> out.put(k, v instanceof String s ? unquoted(s) : v));
        return out;
    }

    private static String unquoted(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                c = s.charAt(++i);
                c = switch (c) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> c; // \" and \\ (the guard refuses unicode escapes)
                };
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int indexOf(RegionData data, String code) {
        for (int i = 0; i < data.benefits().size(); i++) {
            if (data.benefits().get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
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
