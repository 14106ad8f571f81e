package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.NuanxinException;
import org.nuanxin.ReloadResult;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Claim;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;
import org.nuanxin.rules.Profile;
import org.nuanxin.rules.Stay;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;
import org.nuanxin.scenario.WorkerFile;

/**
 * No personal data leaks. Fixtures all through this module carry canaries (a valid-format resident ID
 * number as {@code id}, a unique employer name, a unique hospital name). Each test here makes the
 * library handle canaries and asserts, on its own, that none comes out of what it made: the
 * {@code toString()} of every type of the library built from canaries, the messages and stack traces of
 * failing and malformed input around canary values, and reloads (promoted and rejected, with
 * canary-bearing suites) with what they logged meanwhile. The last test also sweeps the whole run so
 * far (it runs after every other test class of the module but for the report): the slf4j-simple log
 * file, everything written to System.out and System.err, and every exception and {@code toString()}
 * the module's tests handed to {@link Observed}; it makes canary work of its own first, so it checks
 * something in whatever order it runs.
 */
@Order(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CanaryLeakTest {

    @TempDir
    static Path tmp;

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);

    static Worker canaryWorker() {
        return Worker.builder()
                .id(Canaries.ID)
                .employer(Canaries.EMPLOYER)
                .newEmploymentForm(true)
                .workCity("xian")
                .hukouProvince("henan")
                .birthDate(LocalDate.of(1987, 6, 23))
                .children(List.of(new Child(LocalDate.of(2015, 6, 1), SchoolStage.PRIMARY)))
                .certificates(List.of(new Certificate(CertificateKind.SKILL, LocalDate.of(2025, 12, 1))))
                .build();
    }

    static Situation canarySituation() {
        return new Situation(
                canaryWorker(),
                List.of(
                        new HomecomingTrip(
                                LocalDate.of(2026, 2, 1), TripReason.URGENT_MATTER, true, new BigDecimal("356.50")),
                        new Hospitalisation(
                                Canaries.HOSPITAL,
                                LocalDate.of(2026, 1, 5),
                                LocalDate.of(2026, 1, 10),
                                new BigDecimal("2000.00"),
                                new BigDecimal("300.00")),
                        new WageArrears(LocalDate.of(2026, 1, 20), new BigDecimal("5000.00"))),
                List.of(new Claim("XIAN_FREE_HEALTH_CHECK", LocalDate.of(2025, 5, 1))));
    }

    @Test
    @Order(1)
    void theCanariesAreWellFormed() {
        assertTrue(Canaries.valid(Canaries.ID), Canaries.ID.substring(0, 6) + "… has a valid MOD 11-2 check character");
        assertTrue(Canaries.valid("11010519491231002X"), "the check matches the standard's own example");
        assertFalse(Canaries.valid(Canaries.ID.substring(0, 17) + "0"), "a wrong check character is caught");
        assertEquals(Canaries.EMPLOYER, canaryWorker().employer(), "the worker carries the employer canary");
    }

    /** Every type of the library, built from canaries: no canary in any toString(). */
    @Test
    @Order(2)
    void toStringOfEveryTypeBuiltFromCanaries() throws IOException {
        LogWindow logs = LogWindow.open();
        List<Object> objects = canaryObjects();
        List<String> found = new ArrayList<>();
        for (Object o : objects) {
            Observed.object("canary types", o);
            leaks(found, o.getClass().getSimpleName() + ".toString()", String.valueOf(o));
        }
        leaks(found, "log", logs.since());
        Figures.put("canary.types", objects.size());
        assertTrue(objects.size() > 100, "every region's decisions and reasons were built: " + objects.size());
        assertNoLeak(found);
    }

    /** Input errors around canary values: the messages and stack traces name fields, never the values. */
    @Test
    @Order(3)
    void failuresAroundCanaryValues() {
        List<InvalidInputException> failures = canaryFailures();
        List<String> found = new ArrayList<>();
        for (int n = 0; n < failures.size(); n++) {
            Observed.exception("canary failure " + n, failures.get(n));
            leaks(found, "probe " + n, stackTrace(failures.get(n)));
        }
        Figures.put("canary.failures", failures.size());
        assertNoLeak(found);
    }

    /** Reloads, promoted and rejected, whose suites carry the canaries. */
    @Test
    @Order(4)
    void reloadsWithCanaryBearingSuites() throws IOException {
        LogWindow logs = LogWindow.open();
        Nuanxin engine = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(Corpus.ruleFolder("xian"))
                .build();
        Path suite = Files.createDirectories(tmp.resolve("suite"));
        for (Path p : ScenarioRunner.files(List.of(Corpus.scenarios("xian")))) {
            Files.copy(p, suite.resolve(p.getFileName()));
        }
        String canaryCase = """
                region: xian
                cases:
                  - name: a courier with a stay at the canary hospital
                    as_of: 2026-03-10
                    worker:
                      id: "%s"
                      employer: "%s"
                      new_employment_form: true
                      work_city: xian
                    events:
                      - {type: HOSPITALISATION, hospital: "%s", admission_date: 2026-01-05, out_of_pocket_cost: 10.00}
                    expect:
                      XIAN_HOSPITALISATION_SUBSIDY: %s
                """;
        Files.writeString(
                suite.resolve("canary.yaml"),
                canaryCase.formatted(Canaries.ID, Canaries.EMPLOYER, Canaries.HOSPITAL, "NOT_ELIGIBLE"),
                StandardCharsets.UTF_8);
        List<ReloadResult> results = new ArrayList<>();
        ReloadResult promoted = engine.reload(Corpus.ruleFolder("xian"), List.of(suite));
        assertTrue(promoted.promoted(), promoted::toString);
        results.add(promoted);
        Files.writeString(
                suite.resolve("canary.yaml"),
                canaryCase.formatted(
                        Canaries.ID, Canaries.EMPLOYER, Canaries.HOSPITAL, "{status: ELIGIBLE, amount: 10.00}"),
                StandardCharsets.UTF_8);
        ReloadResult failing = engine.reload(Corpus.ruleFolder("xian"), List.of(suite));
        assertFalse(failing.promoted(), "a failing suite is not promoted");
        results.add(failing);
        Files.writeString(
                suite.resolve("canary.yaml"),
                canaryCase
                        .formatted(Canaries.ID, Canaries.EMPLOYER, Canaries.HOSPITAL, "NOT_ELIGIBLE")
                        .replace("work_city: xian", "work_city: atlantis"),
                StandardCharsets.UTF_8);
        results.add(engine.reload(Corpus.ruleFolder("xian"), List.of(suite)));
        Path broken = Corpus.copyFolder(Corpus.ruleFolder("xian"), tmp.resolve("broken"));
        Files.writeString(
                broken.resolve("rights.drl"),
                Files.readString(broken.resolve("rights.drl")).replaceFirst("when", "when ("));
        results.add(engine.reload(broken, List.of(suite)));
        List<String> found = new ArrayList<>();
        for (ReloadResult r : results) {
            Observed.object("reload", r);
            leaks(found, "reload", r.toString());
            r.problems().forEach(p -> {
                Observed.object("reload problem", p);
                leaks(found, "reload problem", p.toString());
            });
        }
        assertTrue(results.stream().anyMatch(r -> !r.problems().isEmpty()), "the rejections name their problems");
        try {
            ScenarioRunner.Report report = new ScenarioRunner(engine).run(List.of(suite));
            report.results()
                    .forEach(r -> leaks(found, "case result", r.mismatches().toString()));
        } catch (NuanxinException e) {
            Observed.exception("scenario run", e);
            leaks(found, "scenario run", stackTrace(e));
        }
        leaks(found, "log", logs.since());
        Figures.put("canary.reloads", results.size());
        assertNoLeak(found);
    }

    /**
     * The sweep of the whole run so far: everything the module's tests handed to {@link Observed} and
     * every log. It first makes canary work of its own, so that there is something to find in any order.
     */
    @Test
    @Order(10)
    void noCanaryInLogsMessagesOrToStrings() throws IOException {
        canaryObjects().forEach(o -> Observed.object("sweep", o));
        canaryFailures().forEach(e -> Observed.exception("sweep", e));
        ConsoleCapture.flush();
        List<String> found = new ArrayList<>(Observed.leaks());
        long logBytes = 0;
        List<Path> logs = new ArrayList<>();
        if (ConsoleCapture.slf4jLog() != null) {
            logs.add(ConsoleCapture.slf4jLog());
        }
        logs.add(ConsoleCapture.consoleLog());
        assertTrue(Files.exists(ConsoleCapture.consoleLog()), "the run's console output is captured");
        for (Path log : logs) {
            if (!Files.exists(log)) {
                continue; // the slf4j file appears with the first line logged
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            logBytes += text.length();
            int lineNo = 0;
            for (String line : text.split("\n")) {
                lineNo++;
                if (!Canaries.in(line).isEmpty()) {
                    found.add(log.getFileName() + ":" + lineNo + ": " + Canaries.in(line));
                }
            }
        }
        Figures.put("canary.needles", Canaries.NEEDLES.size());
        Figures.put("canary.logChars", logBytes);
        Figures.put("canary.exceptions", Observed.EXCEPTIONS.get());
        Figures.put("canary.texts", Observed.TEXTS.get());
        Figures.put("canary.found", found.size());
        System.out.printf(
                "canaries: %d log characters, %d exceptions and %d texts scanned; %d found%n",
                logBytes, Observed.EXCEPTIONS.get(), Observed.TEXTS.get(), found.size());
        assertTrue(
                found.isEmpty(),
                () -> found.size() + " canary occurrence(s):\n  "
                        + String.join("\n  ", found.subList(0, Math.min(20, found.size()))));
        assertTrue(
                Observed.EXCEPTIONS.get() > 10 && Observed.TEXTS.get() > 100 && logBytes > 0,
                "the run produced exceptions, texts and logs to scan");
    }

    /** Every type of the library built from canaries, with every region's assessment, decisions and reasons. */
    static List<Object> canaryObjects() {
        Nuanxin engine = Corpus.engine(Corpus.Kind.BUNDLED);
        Situation s = canarySituation();
        Worker w = s.worker();
        List<Object> objects = new ArrayList<>(List.of(w, s, w.toBuilder(), new Profile(w, AS_OF), engine));
        objects.addAll(s.events());
        objects.addAll(s.claims());
        objects.addAll(w.children());
        objects.addAll(w.certificates());
        objects.add(new Stay((Hospitalisation) s.events().get(1), 1));
        objects.add(new Profile(w, AS_OF).employer());
        objects.add(new Stay((Hospitalisation) s.events().get(1), 1).hospital());
        for (String region : engine.regionIds()) {
            Assessment a = engine.assess(region, s, AS_OF);
            objects.add(a);
            for (Decision d : a.decisions()) {
                objects.add(d);
                objects.addAll(d.reasons());
            }
            objects.add(a.toJson());
            objects.add(engine.region(region));
        }
        return objects;
    }

    /** Input around canary values that the library refuses: each probe's exception. */
    static List<InvalidInputException> canaryFailures() {
        Nuanxin engine = Corpus.engine(Corpus.Kind.BUNDLED);
        List<Runnable> failing = List.of(
                () -> engine.assess(
                        "xian",
                        canaryWorker().toBuilder().birthDate(AS_OF.plusDays(1)).build(),
                        AS_OF),
                () -> engine.assess("atlantis", canarySituation(), AS_OF),
                () -> engine.assess("xian", canarySituation(), null),
                () -> new Hospitalisation(Canaries.HOSPITAL, AS_OF, AS_OF.minusDays(1), null, null),
                () -> new Hospitalisation(Canaries.HOSPITAL, AS_OF, null, new BigDecimal("-1"), null),
                () -> canaryWorker().toBuilder().workProvince("zhejiang").build(),
                () -> WorkerFile.parse(
                        "w.yaml",
                        "worker:\n  id: \"" + Canaries.ID + "\"\n  employer: [\"" + Canaries.EMPLOYER + "\"]\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: {x: \"" + Canaries.ID + "\"}\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: \"" + Canaries.ID + "\n  employer: x\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  employer: \"" + Canaries.EMPLOYER + "\"\n  employer: x\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: " + Canaries.ID + ": x\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: @" + Canaries.ID + "\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: \"" + Canaries.ID + "\"\n  name: 1\n"),
                () -> WorkerFile.parse(
                        "w.yaml",
                        "events:\n  - type: HOSPITALISATION\n    hospital: \"" + Canaries.HOSPITAL
                                + "\"\n    meal_cost: -1\nworker: {id: \"" + Canaries.ID + "\"}\n"),
                () -> ScenarioFile.parse(
                        "s.yaml",
                        "region: xian\ncases:\n  - name: x\n    as_of: 2026-03-10\n    worker: {employer: \""
                                + Canaries.EMPLOYER + "\"}\n    expect: {XIAN_FREE_HEALTH_CHECK: MAYBE}\n"));
        List<InvalidInputException> failures = new ArrayList<>();
        for (int n = 0; n < failing.size(); n++) {
            int probe = n;
            failures.add(assertThrows(
                    InvalidInputException.class, () -> failing.get(probe).run(), "probe " + n + " should fail"));
        }
        return failures;
    }

    private static void leaks(List<String> found, String where, String text) {
        List<String> in = Canaries.in(text);
        if (!in.isEmpty()) {
            found.add(where + ": " + in);
        }
    }

    private static void assertNoLeak(List<String> found) {
        assertTrue(
                found.isEmpty(),
                () -> found.size() + " canary occurrence(s):\n  "
                        + String.join("\n  ", found.subList(0, Math.min(20, found.size()))));
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    /** What the run's logs (console copy and slf4j file) gain from now on. */
    private record LogWindow(List<Path> files, List<Long> starts) {

        static LogWindow open() throws IOException {
            ConsoleCapture.flush();
            List<Path> files = new ArrayList<>();
            if (ConsoleCapture.slf4jLog() != null) {
                files.add(ConsoleCapture.slf4jLog());
            }
            files.add(ConsoleCapture.consoleLog());
            List<Long> starts = new ArrayList<>();
            for (Path f : files) {
                starts.add(Files.exists(f) ? Files.size(f) : 0L);
            }
            return new LogWindow(files, starts);
        }

        /** The text written since the window opened. */
        String since() throws IOException {
            ConsoleCapture.flush();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                if (Files.exists(f)) {
                    byte[] all = Files.readAllBytes(f);
                    int from = (int) Math.min(all.length, starts.get(i));
                    text.append(new String(all, from, all.length - from, StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        }
    }
}
