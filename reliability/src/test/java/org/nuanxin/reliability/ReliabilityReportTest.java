package org.nuanxin.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.nuanxin.Nuanxin;
import org.nuanxin.reliability.Corpus.Kind;

/**
 * Writes {@code docs/reliability.md} from the figures this run measured, so that the document cannot go
 * stale: it runs last, and writes the document only after a full run of the module in its default
 * configuration (a partial run, {@code -Dtest=…}, writes nothing; a heavy or re-seeded run writes
 * {@code target/reliability-report.md} instead; a run in which a test ended with an error other than a failed
 * assertion, e.g. a jar replaced by a concurrent install, writes nothing). Every figure, timings included, also goes to
 * {@code target/reliability-logs/figures.properties}.
 */
@Order(100)
class ReliabilityReportTest {

    /** Figures every section needs: without them the run was partial. */
    static final List<String> REQUIRED = required();

    private static List<String> required() {
        List<String> keys = new ArrayList<>();
        for (Kind k : Kind.values()) {
            for (ConcurrencyHammerTest.Settings s : ConcurrencyHammerTest.Settings.values()) {
                for (int t : new int[] {2, 8, 32}) {
                    keys.add("hammer." + k + "." + s + "." + t + ".assessments");
                }
                keys.add("determinism.repeat." + k + "." + s + ".cases");
            }
        }
        keys.addAll(List.of(
                "determinism.jit0.cases",
                "determinism.shuffle.decisions.cases",
                "determinism.shuffle.identical.cases",
                "determinism.zoneLocale.assessments",
                "generated.workers",
                "sweep.yaml.documents",
                "sweep.builder.probes",
                "sweep.nulls.probes",
                "cli.files",
                "cli.arguments",
                "hostileInput.files",
                "loop.stops",
                "hostileRules.cases",
                "canary.found"));
        return List.copyOf(keys);
    }

    static String settings(ConcurrencyHammerTest.Settings s) {
        return s == ConcurrencyHammerTest.Settings.SHIPPED ? "as shipped (decision cache on)" : "decision cache off";
    }

    @Test
    void writeTheReport() throws IOException {
        Map<String, Object> f = new TreeMap<>(Figures.all());
        Path logDir = ConsoleCapture.logDir();
        Files.createDirectories(logDir);
        StringBuilder props = new StringBuilder("# every figure of the last run of the reliability module\n");
        f.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Files.writeString(logDir.resolve("figures.properties"), props, StandardCharsets.UTF_8);

        List<String> missing = REQUIRED.stream().filter(k -> !f.containsKey(k)).toList();
        Assumptions.assumeTrue(
                missing.isEmpty(), () -> "partial run, docs/reliability.md left as it is (missing " + missing + ")");
        List<String> errors = ConsoleCapture.errors();
        Assumptions.assumeTrue(
                errors.isEmpty(),
                () -> "broken run (" + errors.size() + " test(s) ended with an error, not a"
                        + " failed assertion, e.g. " + errors.get(0) + "), docs/reliability.md left as it is");
        boolean standard = !Corpus.heavy()
                && Corpus.seed() == 20260310L
                && System.getProperty("nuanxin.reliability.workers") == null
                && System.getProperty("nuanxin.reliability.shuffles") == null
                && System.getProperty("nuanxin.reliability.hammer.perThread") == null;
        Path target = standard
                ? Path.of(System.getProperty("nuanxin.reliability.docs", "../docs/reliability.md"))
                : Path.of("target/reliability-report.md");
        String text = render(f, standard);
        if (!Files.exists(target)
                || !Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            System.out.println(
                    "reliability report written to " + target.toAbsolutePath().normalize());
        } else {
            System.out.println(
                    "reliability report unchanged: " + target.toAbsolutePath().normalize());
        }
    }

    static long n(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static String num(long x) {
        return String.format(java.util.Locale.ROOT, "%,d", x);
    }

    static String status(long bad) {
        return bad == 0 ? "pass" : "**FAILS**";
    }

    static String render(Map<String, Object> f, boolean standard) {
        StringBuilder d = new StringBuilder();
        d.append("# Reliability and safety figures\n\n");
        d.append(
                "<!-- Generated by reliability/src/test/java/org/nuanxin/reliability/ReliabilityReportTest.java from the "
                        + "figures of the last full run of the reliability module. Do not edit: run the module instead. -->\n\n");
        d.append("These are the figures the `reliability` module measures on every run (`mvn -B verify`, or just this "
                + "module with `mvn -o -q verify -pl reliability` once the library is installed with "
                + "`mvn -o -q install -DskipTests`). The module's last test writes this file from what the run "
                + "measured, so it cannot go stale. A status other than *pass* is a failing test: see its name in the "
                + "surefire report.\n\n");
        if (!standard) {
            d.append("**These figures come from a heavy or re-seeded run, not the default one.**\n\n");
        }
        d.append("The rules are exercised as they ship: the five region jars on the classpath (*bundled*, precompiled "
                + "into Drools' executable model) and the same rule folders compiled at run time (*folders*, "
                + "`Nuanxin.builder().noClasspathRegions().ruleFolder(...)`), with the engine's shipped settings. "
                + "Regions: " + String.join(", ", Corpus.REGIONS) + ".\n\n");

        // concurrency
        d.append("## Concurrency: the hammer\n\n");
        d.append("`ConcurrencyHammerTest`. Threads are released together by a latch on one shared, freshly built "
                + "(cold) engine, each assessing scenario workers of every region picked at random ("
                + num(n(f, "hammer.inputs"))
                + " scenario cases from " + n(f, "hammer.regions") + " regions); every result is compared with the "
                + "single-thread result of the rules alone. The engine runs as shipped (its decision cache answers "
                + "workers without events or claims whose facts equal an earlier worker's) and with the cache off "
                + "(`cachedDecisions(0)`), so that the rules decide every assessment.\n\n");
        d.append(
                "| rules | engine | threads × assessments each | assessments | results differing | exceptions | status |\n");
        d.append("|---|---|---|---|---|---|---|\n");
        for (ConcurrencyHammerTest.Settings s : ConcurrencyHammerTest.Settings.values())
            for (Kind k : Kind.values()) {
                for (int t : new int[] {2, 8, 32}) {
                    String key = "hammer." + k + "." + s + "." + t;
                    long bad = n(f, key + ".diffs") + n(f, key + ".exceptions");
                    d.append("| ")
                            .append(k.name().toLowerCase(java.util.Locale.ROOT))
                            .append(" | ")
                            .append(settings(s))
                            .append(" | ")
                            .append(t)
                            .append(" × ")
                            .append(num(n(f, key + ".perThread")))
                            .append(n(f, key + ".rounds") > 1 ? " × " + n(f, key + ".rounds") + " engines" : "")
                            .append(" | ")
                            .append(num(n(f, key + ".assessments")))
                            .append(" | ")
                            .append(num(n(f, key + ".diffs")))
                            .append(" | ")
                            .append(num(n(f, key + ".exceptions")))
                            .append(" | ")
                            .append(status(bad))
                            .append(" |\n");
                }
            }

        // determinism
        d.append("\n## Determinism\n\n");
        d.append("`DeterminismTest`. Identical output means equal `Assessment`s and identical `toJson()`.\n\n");
        d.append("| check | cases × runs | differing | status |\n|---|---|---|---|\n");
        for (Kind k : Kind.values())
            for (ConcurrencyHammerTest.Settings s : ConcurrencyHammerTest.Settings.values()) {
                String key = "determinism.repeat." + k + "." + s;
                d.append("| ")
                        .append(k.name().toLowerCase(java.util.Locale.ROOT))
                        .append(" rules, ")
                        .append(settings(s))
                        .append(", each case run ")
                        .append(n(f, key + ".repeats"))
                        .append(" times in one JVM")
                        .append(
                                s == ConcurrencyHammerTest.Settings.NO_CACHE
                                        ? " (the rules decide each time: past Drools'" + " jitting threshold of 20)"
                                        : "")
                        .append(" | ")
                        .append(num(n(f, key + ".cases")))
                        .append(" × ")
                        .append(n(f, key + ".repeats"))
                        .append(" | ")
                        .append(num(n(f, key + ".diffs")))
                        .append(" | ")
                        .append(status(n(f, key + ".diffs")))
                        .append(" |\n");
            }
        d.append("| folder rules with `drools.jittingThreshold=0` (every constraint jitted at once) | ")
                .append(num(n(f, "determinism.jit0.cases")))
                .append(" × ")
                .append(n(f, "determinism.jit0.repeats"))
                .append(" | ")
                .append(num(n(f, "determinism.jit0.diffs")))
                .append(" | ")
                .append(status(n(f, "determinism.jit0.diffs")))
                .append(" |\n");
        d.append("| rule files loaded in shuffled orders (region.yaml's `rules:` list, ")
                .append(n(f, "determinism.shuffle.perRegion"))
                .append(
                        " seeded orders per region): same decisions (status, amounts, missing fields, the set of reasons) | ")
                .append(num(n(f, "determinism.shuffle.decisions.cases")))
                .append(" | ")
                .append(num(n(f, "determinism.shuffle.decisions.diffs")))
                .append(" | ")
                .append(status(n(f, "determinism.shuffle.decisions.diffs")))
                .append(" |\n");
        d.append("| the same, identical output (reasons in the same order, same JSON; rule-set version aside) | ")
                .append(num(n(f, "determinism.shuffle.identical.cases")))
                .append(" | ")
                .append(num(n(f, "determinism.shuffle.identical.diffs")))
                .append(" | ")
                .append(status(n(f, "determinism.shuffle.identical.diffs")))
                .append(" |\n");
        d.append(
                        "| time zones UTC, Asia/Shanghai, America/Los_Angeles × locales en_US, zh_CN, engines built and scenario "
                                + "files read under each, both kinds of rules | ")
                .append(num(n(f, "determinism.zoneLocale.cases")))
                .append(" × ")
                .append(n(f, "determinism.zones") * n(f, "determinism.locales") * 2)
                .append(" | ")
                .append(num(n(f, "determinism.zoneLocale.diffs")))
                .append(" | ")
                .append(status(n(f, "determinism.zoneLocale.diffs")))
                .append(" |\n");

        // generated
        d.append("\n## Generated workers\n\n");
        d.append("`GeneratedWorkersTest`, a seeded generator (seed ")
                .append(f.get("generated.seed"))
                .append("; every field unknown one time in four) — ")
                .append(num(n(f, "generated.workers")))
                .append(" workers ")
                .append(f.get("generated.perRegion"))
                .append(", ")
                .append(num(n(f, "generated.assessments")))
                .append(" assessments, ")
                .append(num(n(f, "generated.decisions")))
                .append(" decisions (")
                .append(num(n(f, "generated.eligible")))
                .append(" ELIGIBLE, ")
                .append(num(n(f, "generated.notEligible")))
                .append(" NOT_ELIGIBLE, ")
                .append(num(n(f, "generated.needsInfo")))
                .append(" NEEDS_INFO). Invariants: no "
                        + "negative amount or amount finer than a fen; amounts only on ELIGIBLE cash benefits; every cash amount "
                        + "within its cap from the region's parameters (")
                .append(num(n(f, "generated.capChecks")))
                .append(
                        " checked: the Xi'an ticket cap per trip, hospitalisation cap per stay × stays, meal cap per stay, "
                                + "Xinjiang's ranges); every ELIGIBLE decision has a reason, every reason a source and a clause; "
                                + "NEEDS_INFO names only fields really absent from the input; filling one in (")
                .append(num(n(f, "generated.fillIns")))
                .append(" tried) never leaves it missing; assessing never changes "
                        + "the input, the model copies the lists it is given and hands out unmodifiable ones (")
                .append(num(n(f, "generated.copyChecks")))
                .append(" checked); the same input gives the same output, on "
                        + "bundled and folder rules alike, and the engine as shipped gives what its rules alone decide, also "
                        + "for each worker without its events and claims and for a neighbour differing in one field (")
                .append(num(n(f, "generated.cacheChecks")))
                .append(" such checks of the decision cache). Workers breaking an invariant: ")
                .append(num(n(f, "generated.failures")))
                .append(" — ")
                .append(status(n(f, "generated.failures")))
                .append(".\n");

        // sweep
        d.append("\n## Null and garbage sweep\n\n");
        d.append(
                "`NullAndGarbageSweepTest`. Every worker, event and claim field of a fully known worker file per region, "
                        + "absent, null, empty, blank, of the wrong type, out of range (born 1826, year 9999, cost −1, a fraction "
                        + "of a fen, a billion), malformed and oddly spelled (full-width digits, stray and ideographic spaces, "
                        + "case), through the worker-file and the scenario-file reader. Each must decide or raise the library's "
                        + "own input error naming the field; an odd spelling that is accepted must decide as the plain one; and "
                        + "an unknown field must never give a silent NOT_ELIGIBLE.\n\n");
        d.append("| check | inputs | rejected with an input error | problems | status |\n|---|---|---|---|---|\n");
        d.append("| YAML documents (both readers) | ")
                .append(num(n(f, "sweep.yaml.documents")))
                .append(" | ")
                .append(num(n(f, "sweep.yaml.rejected")))
                .append(" | ")
                .append(num(n(f, "sweep.yaml.failures")))
                .append(" | ")
                .append(status(n(f, "sweep.yaml.failures")))
                .append(" |\n");
        d.append("| unknown fields against every valid value (no silent NOT_ELIGIBLE) | ")
                .append(num(n(f, "sweep.yaml.unknownChecks")))
                .append(" | – | (in the row above) | |\n");
        d.append("| `Worker.builder()` and the records: odd places, extreme dates, bad amounts | ")
                .append(num(n(f, "sweep.builder.probes")))
                .append(" | ")
                .append(num(n(f, "sweep.builder.rejected")))
                .append(" | ")
                .append(num(n(f, "sweep.builder.failures")))
                .append(" | ")
                .append(status(n(f, "sweep.builder.failures")))
                .append(" |\n");
        d.append("| nulls the Java API requires (claim code and date, worker, situation, null list elements) | ")
                .append(num(n(f, "sweep.nulls.probes")))
                .append(" | – | ")
                .append(num(n(f, "sweep.nulls.failures")))
                .append(" | ")
                .append(status(n(f, "sweep.nulls.failures")))
                .append(" |\n");
        d.append(
                        "\nOptimistic defaults listed (an unknown event date read as a date that qualifies; documented in the rule "
                                + "files, not failed): ")
                .append(num(n(f, "sweep.optimisticDefaults")))
                .append(".\n");

        // command line
        d.append("\n## Command line\n\n");
        d.append(
                        "`CommandLineMalformedInputTest`, in-process. Malformed files (`reliability/src/test/resources/malformed/`): ")
                .append(num(n(f, "cli.files")))
                .append(" (")
                .append(num(n(f, "cli.files.assess")))
                .append(" worker files for " + "`assess`, ")
                .append(num(n(f, "cli.files.verify")))
                .append(" scenario files for `verify`), and ")
                .append(num(n(f, "cli.arguments")))
                .append(" malformed command lines. Ending with exit code 2, nothing on "
                        + "stdout and exactly one stderr line naming the problem: ")
                .append(num(n(f, "cli.files.exit2") + n(f, "cli.arguments.exit2")))
                .append(" of ")
                .append(num(n(f, "cli.files") + n(f, "cli.arguments")))
                .append(" — ")
                .append(status(n(f, "cli.files")
                        + n(f, "cli.arguments")
                        - n(f, "cli.files.exit2")
                        - n(f, "cli.arguments.exit2")))
                .append(".\n");

        // bad input files
        d.append("\n## Bad input files\n\n");
        long hostile = n(f, "hostileInput.files");
        long hostileBad = n(f, "hostileInput.exit3") + n(f, "hostileInput.hangs") + n(f, "hostileInput.other");
        d.append("`HostileInputTest`, in-process, each file under a deadline of ")
                .append(HostileInputTest.DEADLINE.toSeconds())
                .append(" s: ")
                .append(num(hostile))
                .append(" bad input files, ")
                .append(num(n(f, "hostileInput.committed")))
                .append(
                        " of them committed under `reliability/src/test/resources/hostile-input/` and the rest (large, deep "
                                + "or special files) made by the test, given to `assess`, `verify`, `population` and `assess --rules` "
                                + "(a copy of the Xi'an rule folder with one file replaced). Each must end with exit code 2, nothing on "
                                + "stdout and exactly one stderr line naming the file and the field, without a canary or a stack trace. "
                                + "Exit 2 so: ")
                .append(num(n(f, "hostileInput.exit2")))
                .append("; exit 3: ")
                .append(num(n(f, "hostileInput.exit3")))
                .append("; hangs: ")
                .append(num(n(f, "hostileInput.hangs")))
                .append("; anything else: ")
                .append(num(n(f, "hostileInput.other")))
                .append(" — ")
                .append(status(hostileBad))
                .append(
                        ". The limits (1 MiB a file, 32 levels of nesting, 65,536 characters a value, the YAML core "
                                + "schema's tags, dates in 1900-2200) are described in [the scenario format](scenario-format.md#input-limits).\n\n");
        d.append("| attack | files | outcome |\n|---|---|---|\n");
        HostileInputTest.KINDS.forEach((kind, what) -> {
            String key = "hostileInput.kind." + kind;
            long files = n(f, key + ".files");
            long bad = files - n(f, key + ".exit2");
            d.append("| ")
                    .append(what)
                    .append(" | ")
                    .append(num(files))
                    .append(" | ")
                    .append(bad == 0 ? "exit 2, one line naming the file and field" : "**" + num(bad) + " not exit 2**")
                    .append(" |\n");
        });
        if (f.containsKey("hostileInput.enormousRowChars")) {
            d.append("\nA member register is streamed, not capped: one with a row of ")
                    .append(num(n(f, "hostileInput.enormousRowChars")))
                    .append(
                            " characters after a good header is assessed, that row "
                                    + "reported as a bad row and skipped as it is read (at most 64 Ki characters of a row are kept).\n");
        }

        // firing limit
        d.append("\n## Firing limit\n\n");
        d.append("`LoopGuardTest`. A rule can no longer trigger itself (the guard refuses `update`, `insert` and "
                        + "`modify`; see below), but a rule that joins facts fires once per combination. A rule added to a copy "
                        + "of the Xi'an folder joins every trip with every stay; a worker with 120 trips and 100 stays is stopped "
                        + "at the firing limit (")
                .append(num(n(f, "loop.defaultLimit")))
                .append(" per assessment by default) and reported as a `RuleExecutionException` naming the rule, "
                        + "each time within one second (")
                .append(n(f, "loop.stops"))
                .append(" stops measured); the same engine "
                        + "keeps deciding every other Xi'an case as the plain rules do, from four threads.\n");

        // hostile rules
        long hostileRules = n(f, "hostileRules.cases");
        long rulesBad = n(f, "hostileRules.escapes")
                + n(f, "hostileRules.hangs")
                + n(f, "hostileRules.exit3")
                + n(f, "hostileRules.crashes")
                + hostileRules
                - n(f, "hostileRules.refused")
                + hostileRules
                - n(f, "hostileRules.located");
        d.append("\n## Hostile rule folders\n\n");
        d.append("`HostileRulesTest`. Rule folders are untrusted input. Each attack of "
                        + "`reliability/src/test/resources/hostile-rules/` (and ")
                .append(num(n(f, "hostileRules.links")))
                .append(
                        " rule files that are symbolic links to files outside the folder, made by the test) is added to a "
                                + "copy of the core's test region and taken through every path that reads a rule folder: `lint` in the "
                                + "API and on the command line, `assess --rules`, `verify --rules`, and `reload` of a serving engine with "
                                + "a scenario suite the candidate would run. Payloads create a canary file; a control shows that the same "
                                + "payload does create it when plain Drools runs it. Each case runs under a 60-second deadline.\n\n");
        d.append("| attacks | outcome |\n|---|---|\n");
        for (Map.Entry<String, Object> e : f.entrySet()) {
            if (e.getKey().startsWith("hostileRules.group.")) {
                String group = e.getKey().substring("hostileRules.group.".length());
                d.append("| **")
                        .append(group)
                        .append("** (")
                        .append(e.getValue())
                        .append("): ")
                        .append(String.valueOf(f.getOrDefault("hostileRules.attacks." + group, ""))
                                .replace("|", "\\|"))
                        .append(
                                group.equals("symbolic links")
                                        ? " | refused when the folder is read, before any parsing: the link is never followed"
                                                + " and its target never read or echoed; lint, assess and verify exit 2; reload rejected;"
                                                + " no canary |\n"
                                        : " | refused by the guard at `file:line:column`; lint, assess and verify exit 2; reload "
                                                + "rejected, the serving rules kept; no canary |\n");
            }
        }
        d.append("\n| check | count |\n|---|---|\n");
        d.append("| attacks | ").append(num(hostileRules)).append(" |\n");
        d.append("| refused on every path (exit 2 ×3, reload rejected) | ")
                .append(num(n(f, "hostileRules.refused")))
                .append(" |\n");
        d.append(
                        "| first error located in the attacking file at `line:column` (a linked file: refused whole, as a link) | ")
                .append(num(n(f, "hostileRules.located")))
                .append(" |\n");
        d.append("| escapes (the canary appeared) | ")
                .append(num(n(f, "hostileRules.escapes")))
                .append(" |\n");
        d.append("| hangs (past the deadline) | ")
                .append(num(n(f, "hostileRules.hangs")))
                .append(" |\n");
        d.append("| exit code 3 | ").append(num(n(f, "hostileRules.exit3"))).append(" |\n");
        d.append("| exceptions out of the library | ")
                .append(num(n(f, "hostileRules.crashes")))
                .append(" |\n");
        d.append("\nStatus: ").append(status(rulesBad)).append(".\n\n");
        d.append(
                "**Why runaway work is impossible.** The guard is an allow-list on the parsed rule, not a search of its "
                        + "text: Drools' own DRL parser reads the file, JavaParser reads every consequence and `eval`, and every "
                        + "expression is typed and checked against one reviewed table of the rule vocabulary "
                        + "(`compiler/src/main/java/org/nuanxin/compiler/RuleVocabulary.java`); the compiler then gets the very "
                        + "package the guard checked. What it accepts has no loops, no recursion (no functions, no lambdas, no "
                        + "method of the rule's own), no arrays, no string building and no string, regex, reflection, thread, "
                        + "I/O or system-property method; no `update`/`insert`/`modify`, so a rule fires at most once per "
                        + "combination of the assessment's facts (and the firing limit bounds that too). Each vocabulary member is "
                        + "pure and bounded: it reads a fact, a parameter or the date, or combines three-valued truths, in time "
                        + "and memory bounded by the size of the assessment's input (a worker's children, say) and of the "
                        + "region's parameters (both under the input limits), never by an argument's value. So a consequence "
                        + "costs at most that per call, one call per expression of its text, and the text is bounded (a consequence or `eval` at most 20,000 characters, "
                        + "nesting at most 32 levels, a string literal at most 4,000 characters, and the file's size cap). A "
                        + "reload still builds and tries its candidate on a thread of its own under a deadline (30 s by default) "
                        + "without holding the lock, and turns any `Throwable` into a rejection: defence in depth, not the "
                        + "argument.\n");

        // canaries
        d.append("\n## Personal-data canaries\n\n");
        d.append(
                        "`CanaryLeakTest`, last. Fixtures all through the module carry canaries: a valid-format resident ID number "
                                + "as `id`, a unique employer name and a unique hospital name. After every test above, including failures, "
                                + "reloads (promoted and rejected) and bad input, the run's slf4j-simple log file and everything written to "
                                + "System.out and System.err are scanned, with ")
                .append(num(n(f, "canary.exceptions")))
                .append(" exception messages and stack traces and ")
                .append(num(n(f, "canary.texts")))
                .append(" `toString()`s and command-line outputs. Canaries found: **")
                .append(num(n(f, "canary.found")))
                .append("** — ")
                .append(status(n(f, "canary.found")))
                .append(".\n");

        // heavy
        d.append("\n## Heavier variants (opt-in)\n\n");
        d.append("The default run stays within a few minutes on two cores. For more, on the same module:\n\n");
        d.append("```sh\n");
        d.append(
                "mvn -o -q verify -pl reliability -Dnuanxin.reliability.heavy=true   # 100,000 workers, 20 shuffled orders per region, 3 fresh engines per hammer configuration\n");
        d.append(
                "mvn -o -q verify -pl reliability -Dnuanxin.reliability.seed=random  # a new seed (printed; rerun one with -Dnuanxin.reliability.seed=N)\n");
        d.append(
                "mvn -o -q verify -pl reliability -Dnuanxin.reliability.workers=50000 -Dnuanxin.reliability.shuffles=10 -Dnuanxin.reliability.hammer.perThread=20000\n");
        d.append("```\n\n");
        d.append(
                "Such runs write `reliability/target/reliability-report.md` rather than this file. Every run leaves its "
                        + "logs and all figures, timings included, in `reliability/target/reliability-logs/` (`slf4j.log`, "
                        + "`console.log`, `figures.properties`).\n");
        return d.toString();
    }

    /** Keeps the engine classes referenced (the report names the default firing limit). */
    static final int LIMIT = Nuanxin.DEFAULT_MAX_FIRINGS;
}
