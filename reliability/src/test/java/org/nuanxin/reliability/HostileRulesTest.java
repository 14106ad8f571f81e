package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;
import org.nuanxin.Nuanxin;
import org.nuanxin.ReloadResult;
import org.nuanxin.RuleProblem;
import org.nuanxin.TestFiles;
import org.nuanxin.authoring.LintReport;
import org.nuanxin.authoring.RuleLinter;
import org.nuanxin.cli.Cli;

/**
 * The hostile rule corpus ({@code src/test/resources/hostile-rules/}, one rule file per attack, plus
 * symbolic links made here): each file is added to a copy of the core's test region and goes through
 * every path that reads a rule folder — {@code lint} in the API and on the command line,
 * {@code assess --rules}, {@code verify --rules} and {@link Nuanxin#reload} of a serving engine, with a
 * scenario suite the candidate would run. Payloads create a canary file; it must never appear (a
 * control shows the same payload does create it when plain Drools runs it). Every case runs under a
 * deadline. Escapes, hangs and exit code 3 are counted, and all three must be 0; every attack must be
 * refused with a {@code file:line:column}.
 */
@Order(65)
class HostileRulesTest {

    static final Path CORPUS = Path.of("src/test/resources/hostile-rules");
    static final Path TESTLAND = Corpus.ROOT.resolve("core/src/test/resources/regions/testland");
    /** The deadline of one case: every path it takes, together. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    static Path canary;
    static Path worker;
    static Nuanxin serving;
    static ExecutorService runner;

    /** One attack: a rule file's text (or a folder set up by hand) with what it tries. */
    record Attack(String name, String group, String attack, String text) {}

    @BeforeAll
    static void setUp() throws IOException {
        canary = tmp.resolve("canary-code-ran");
        worker = tmp.resolve("worker.yaml");
        Files.writeString(worker, """
                region: testland
                as_of: 2025-06-01
                worker: {new_employment_form: true, work_city: xian}
                """);
        serving = Nuanxin.builder().noClasspathRegions().ruleFolder(TESTLAND).build();
        runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-rules");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void tearDown() {
        runner.shutdownNow();
    }

    static List<Attack> corpus() throws IOException {
        List<Attack> attacks = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String attack = header(text, "// attack: ");
                String group = header(text, "// group: ");
                attacks.add(new Attack(f.getFileName().toString(), group, attack, text));
            }
        }
        return attacks;
    }

    private static String header(String text, String prefix) {
        return text.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new IllegalStateException("no '" + prefix + "' line"));
    }

    /** A copy of the test region with {@code hostile.drl} listed, and a suite that the plain region passes. */
    static Path folder(String name) throws IOException {
        Path folder = Corpus.copyFolder(TESTLAND, tmp.resolve(name));
        Path manifest = folder.resolve("region.yaml");
        Files.writeString(
                manifest, Files.readString(manifest).replace("rules: [rules.drl]", "rules: [rules.drl, hostile.drl]"));
        Files.createDirectories(folder.resolve("scenarios"));
        Files.writeString(folder.resolve("scenarios/basic.yaml"), """
                region: testland
                cases:
                  - name: a local worker
                    as_of: 2025-06-01
                    worker: {new_employment_form: true, work_city: xian}
                    expect:
                      TEST_SERVICE: ELIGIBLE
                """);
        return folder;
    }

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(
                        new Cli(
                                java.time.Clock.systemUTC(),
                                () -> Nuanxin.builder().noClasspathRegions()),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))
                .execute(args);
        Observed.text("hostile rules stdout", out.toString());
        Observed.text("hostile rules stderr", err.toString());
        return new Run(code, out.toString(), err.toString());
    }

    /** What one attack came to on every path. */
    record Outcome(boolean located, List<Integer> codes, boolean reloadRejected, String firstProblem) {}

    /** Takes the folder through every path; {@code file} is the file the first error must locate, or "link". */
    static Outcome attempt(Path folder, String file) {
        LintReport report = RuleLinter.lint(folder);
        RuleProblem first = report.problems().stream()
                .filter(p -> p.severity() == RuleProblem.Severity.ERROR)
                .findFirst()
                .orElse(null);
        // a rule file that is a symbolic link is refused whole, before it is read: no line to point at
        boolean located = first != null
                && (file.equals("hostile.drl")
                        ? first.file().equals(file) && first.line() > 0 && first.column() > 0
                        : first.file().endsWith("hostile.drl")
                                && first.message().contains("symbolic link"));
        List<Integer> codes = new ArrayList<>();
        codes.add(cli("lint", folder.toString()).code());
        codes.add(cli("assess", "--rules", folder.toString(), worker.toString()).code());
        codes.add(cli(
                        "verify",
                        "--rules",
                        folder.toString(),
                        folder.resolve("scenarios").toString())
                .code());
        ReloadResult r = serving.reload(folder, List.of(folder.resolve("scenarios")));
        Observed.object("hostile rules reload", r);
        return new Outcome(located, codes, !r.promoted(), first == null ? "(none)" : first.toString());
    }

    /** Payloads write the canary; this shows they do when nothing guards them (plain Drools). */
    @Test
    @Order(1)
    void theCanaryPayloadDoesRunWithoutTheGuard() throws IOException {
        String drl = """
                package org.nuanxin.test.control;
                rule "control"
                when
                then
                    java.nio.file.Files.createFile(java.nio.file.Path.of("%s"));
                end
                """.formatted(canary.toString().replace("\\", "\\\\"));
        KieBase base = new KieHelper().addContent(drl, ResourceType.DRL).build();
        KieSession session = base.newKieSession();
        try {
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        assertTrue(Files.exists(canary), "the control payload created the canary");
        Files.delete(canary);
    }

    @Test
    @Order(2)
    void everyHostileRuleIsRefusedOnEveryPathAndNoCodeRuns() throws Exception {
        List<Attack> attacks = new ArrayList<>(corpus());
        assertTrue(attacks.size() >= 60, "at least 60 hostile rule files, found " + attacks.size());
        int links = linkAttacks(attacks);
        int escapes = 0;
        int hangs = 0;
        int exit3 = 0;
        int crashes = 0;
        int located = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        Map<String, Integer> groups = new TreeMap<>();
        Map<String, List<String>> attacksByGroup = new TreeMap<>();
        for (int i = 0; i < attacks.size(); i++) {
            Attack a = attacks.get(i);
            Path folder = a.text() == null ? tmp.resolve(a.name()) : folder("case-" + i);
            if (a.text() != null) {
                Files.writeString(
                        folder.resolve("hostile.drl"),
                        a.text().replace("@CANARY@", canary.toString().replace("\\", "\\\\")),
                        StandardCharsets.UTF_8);
            }
            String expected = a.text() == null ? "link" : "hostile.drl";
            Future<Outcome> f = runner.submit(() -> attempt(folder, expected));
            Outcome o;
            try {
                o = f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                hangs++;
                failures.add(a.name() + ": did not finish within " + DEADLINE.toSeconds() + " s");
                continue;
            } catch (java.util.concurrent.ExecutionException e) {
                crashes++;
                Observed.exception("hostile rules", e.getCause());
                failures.add(a.name() + ": the library threw " + e.getCause());
                continue;
            }
            groups.merge(a.group(), 1, Integer::sum);
            attacksByGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(a.attack());
            if (Files.exists(canary)) {
                escapes++;
                failures.add(a.name() + ": CODE RAN (the canary file appeared)");
                Files.delete(canary);
            }
            exit3 += (int) o.codes().stream().filter(c -> c == 3).count();
            boolean allRefused = o.codes().stream().allMatch(c -> c == 2) && o.reloadRejected();
            refused += allRefused ? 1 : 0;
            located += o.located() ? 1 : 0;
            if (!allRefused || !o.located()) {
                failures.add(a.name() + ": exit codes " + o.codes() + " (lint, assess, verify), reload "
                        + (o.reloadRejected() ? "rejected" : "PROMOTED") + ", first problem " + o.firstProblem());
            }
        }
        Figures.put("hostileRules.cases", attacks.size());
        Figures.put("hostileRules.links", links);
        Figures.put("hostileRules.refused", refused);
        Figures.put("hostileRules.located", located);
        Figures.put("hostileRules.escapes", escapes);
        Figures.put("hostileRules.hangs", hangs);
        Figures.put("hostileRules.exit3", exit3);
        Figures.put("hostileRules.crashes", crashes);
        groups.forEach((g, n) -> Figures.put("hostileRules.group." + g, n));
        attacksByGroup.forEach((g, list) -> Figures.put("hostileRules.attacks." + g, String.join("; ", list)));
        System.out.println("hostile rules: " + attacks.size() + " cases, " + refused + " refused on every path, "
                + located + " located, escapes " + escapes + ", hangs " + hangs + ", exit 3 " + exit3 + ", thrown "
                + crashes);
        assertEquals(List.of(), failures);
        assertEquals(0, escapes);
        assertEquals(0, hangs);
        assertEquals(0, exit3);
        assertEquals(0, crashes);
        assertFalse(Files.exists(canary));
    }

    /**
     * Rule files that are symbolic links, to a file outside the folder holding a secret and to a
     * hostile rule file: refused as links, and the secret never echoed.
     */
    private static int linkAttacks(List<Attack> attacks) throws IOException {
        Path outside = tmp.resolve("outside-secret.drl");
        Files.writeString(outside, "SECRET-OUTSIDE-THE-FOLDER " + Canaries.ID + "\n");
        Path hostileOutside = tmp.resolve("outside-hostile.drl");
        Files.writeString(hostileOutside, attacks.get(0).text().replace("@CANARY@", canary.toString()));
        int n = 0;
        List<String> what = List.of(
                "hostile.drl is a symbolic link to a file outside the folder holding a secret",
                "hostile.drl is a symbolic link to a hostile rule file outside the folder");
        for (Path target : List.of(outside, hostileOutside)) {
            String attack = what.get(n);
            String name = "link-" + n++;
            Path folder = folder(name);
            if (!TestFiles.link(folder.resolve("hostile.drl"), target)) {
                return 0; // no symbolic links on this file system
            }
            attacks.add(new Attack(name, "symbolic links", attack, null));
        }
        return n;
    }

    /** The allow-list lets the shipped rules of every region through as they are. */
    @Test
    @Order(4)
    void theBundledRuleFoldersPassTheGuardUnchanged() {
        for (String region : Corpus.REGIONS) {
            LintReport report = RuleLinter.lint(Corpus.ruleFolder(region));
            assertFalse(report.hasErrors(), () -> region + ": " + report.problems());
        }
    }

    /** A rule file named through a symbolic link is refused without echoing what it points at. */
    @Test
    @Order(3)
    void aLinkedFilesContentIsNeverEchoed() throws IOException {
        Path outside = tmp.resolve("outside-echo.drl");
        Files.writeString(outside, "SECRET-OUTSIDE-THE-FOLDER\n");
        Path folder = folder("link-echo");
        if (!TestFiles.link(folder.resolve("hostile.drl"), outside)) {
            return; // no symbolic links on this file system
        }
        LintReport report = RuleLinter.lint(folder);
        assertTrue(report.hasErrors());
        assertFalse(report.problems().toString().contains("SECRET"), report.problems()::toString);
        Run assess = cli("assess", "--rules", folder.toString(), worker.toString());
        assertEquals(2, assess.code());
        assertFalse(assess.err().contains("SECRET"), assess.err());
    }
}
