package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * number as {@code id}, a unique employer name, a unique hospital name); this class adds reloads
 * (promoted and rejected, with canary-bearing suites), failing and malformed input and the
 * {@code toString()} of every type of the library built from canaries, and then, after every other test
 * class of the module (it runs last but for the report), scans the whole run: the slf4j-simple log
 * file, everything written to System.out and System.err, every exception the tests saw (message and
 * stack trace, with causes) and every {@code toString()} they took. Zero canaries may be found.
 */
@Order(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CanaryLeakTest {

    @TempDir
    static Path tmp;

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);

    static Worker canaryWorker() {
        return Worker.builder().id(Canaries.ID).employer(Canaries.EMPLOYER).newEmploymentForm(true).workCity("xian")
                .hukouProvince("henan").birthDate(LocalDate.of(1987, 6, 23))
                .children(List.of(new Child(LocalDate.of(2015, 6, 1), SchoolStage.PRIMARY)))
                .certificates(List.of(new Certificate(CertificateKind.SKILL, LocalDate.of(2025, 12, 1)))).build();
    }

    static Situation canarySituation() {
        return new Situation(canaryWorker(), List.of(
                new HomecomingTrip(LocalDate.of(2026, 2, 1), TripReason.URGENT_MATTER, true, new BigDecimal("356.50")),
                new Hospitalisation(Canaries.HOSPITAL, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 10),
                        new BigDecimal("2000.00"), new BigDecimal("300.00")),
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

    /** Every type of the library, built from canaries: its toString() is scanned. */
    @Test
    @Order(2)
    void toStringOfEveryTypeBuiltFromCanaries() {
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
        for (String region : Corpus.REGIONS) {
            Assessment a = engine.assess(region, s, AS_OF);
            objects.add(a);
            for (Decision d : a.decisions()) {
                objects.add(d);
                objects.addAll(d.reasons());
            }
            objects.add(a.toJson());
            objects.add(engine.region(region));
        }
        objects.forEach(o -> Observed.object("canary types", o));
        Figures.put("canary.types", objects.size());
    }

    /** Input errors around canary values: the messages name fields, never the values. */
    @Test
    @Order(3)
    void failuresAroundCanaryValues() {
        Nuanxin engine = Corpus.engine(Corpus.Kind.BUNDLED);
        List<Runnable> failing = List.of(
                () -> engine.assess("xian", canaryWorker().toBuilder().birthDate(AS_OF.plusDays(1)).build(), AS_OF),
                () -> engine.assess("atlantis", canarySituation(), AS_OF),
                () -> engine.assess("xian", canarySituation(), null),
                () -> new Hospitalisation(Canaries.HOSPITAL, AS_OF, AS_OF.minusDays(1), null, null),
                () -> new Hospitalisation(Canaries.HOSPITAL, AS_OF, null, new BigDecimal("-1"), null),
                () -> canaryWorker().toBuilder().workProvince("zhejiang").build(),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: \"" + Canaries.ID + "\"\n  employer: [\"" + Canaries.EMPLOYER + "\"]\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: {x: \"" + Canaries.ID + "\"}\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: \"" + Canaries.ID + "\n  employer: x\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  employer: \"" + Canaries.EMPLOYER + "\"\n  employer: x\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: " + Canaries.ID + ": x\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: @" + Canaries.ID + "\n"),
                () -> WorkerFile.parse("w.yaml", "worker:\n  id: \"" + Canaries.ID + "\"\n  name: 1\n"),
                () -> WorkerFile.parse("w.yaml", "events:\n  - type: HOSPITALISATION\n    hospital: \"" + Canaries.HOSPITAL
                        + "\"\n    meal_cost: -1\nworker: {id: \"" + Canaries.ID + "\"}\n"),
                () -> ScenarioFile.parse("s.yaml", "region: xian\ncases:\n  - name: x\n    as_of: 2026-03-10\n    worker: {employer: \""
                        + Canaries.EMPLOYER + "\"}\n    expect: {XIAN_FREE_HEALTH_CHECK: MAYBE}\n"));
        int n = 0;
        for (Runnable r : failing) {
            try {
                r.run();
                throw new AssertionError("probe " + n + " should fail");
            } catch (InvalidInputException e) {
                Observed.exception("canary failure " + n, e);
            }
            n++;
        }
        Figures.put("canary.failures", n);
    }

    /** Reloads, promoted and rejected, whose suites carry the canaries. */
    @Test
    @Order(4)
    void reloadsWithCanaryBearingSuites() throws IOException {
        Nuanxin engine = Nuanxin.builder().noClasspathRegions().ruleFolder(Corpus.ruleFolder("xian")).build();
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
        Files.writeString(suite.resolve("canary.yaml"), canaryCase.formatted(Canaries.ID, Canaries.EMPLOYER,
                Canaries.HOSPITAL, "NOT_ELIGIBLE"), StandardCharsets.UTF_8);
        List<ReloadResult> results = new ArrayList<>();
        ReloadResult promoted = engine.reload(Corpus.ruleFolder("xian"), List.of(suite));
        assertTrue(promoted.promoted(), promoted::toString);
        results.add(promoted);
        Files.writeString(suite.resolve("canary.yaml"), canaryCase.formatted(Canaries.ID, Canaries.EMPLOYER,
                Canaries.HOSPITAL, "{status: ELIGIBLE, amount: 10.00}"), StandardCharsets.UTF_8);
        ReloadResult failing = engine.reload(Corpus.ruleFolder("xian"), List.of(suite));
        assertFalse(failing.promoted(), "a failing suite is not promoted");
        results.add(failing);
        Files.writeString(suite.resolve("canary.yaml"), canaryCase.formatted(Canaries.ID, Canaries.EMPLOYER,
                Canaries.HOSPITAL, "NOT_ELIGIBLE").replace("work_city: xian", "work_city: atlantis"),
                StandardCharsets.UTF_8);
        results.add(engine.reload(Corpus.ruleFolder("xian"), List.of(suite)));
        Path broken = Corpus.copyFolder(Corpus.ruleFolder("xian"), tmp.resolve("broken"));
        Files.writeString(broken.resolve("rights.drl"), Files.readString(broken.resolve("rights.drl")).replaceFirst("when", "when ("));
        results.add(engine.reload(broken, List.of(suite)));
        for (ReloadResult r : results) {
            Observed.object("reload", r);
            r.problems().forEach(p -> Observed.object("reload problem", p));
        }
        try {
            new ScenarioRunner(engine).run(List.of(suite));
        } catch (NuanxinException e) {
            Observed.exception("scenario run", e);
        }
        Figures.put("canary.reloads", results.size());
    }

    /** The scan of the whole run. */
    @Test
    @Order(10)
    void noCanaryInLogsMessagesOrToStrings() throws IOException {
        ConsoleCapture.flush();
        List<String> found = new ArrayList<>(Observed.leaks());
        long logBytes = 0;
        List<Path> logs = new ArrayList<>();
        if (ConsoleCapture.slf4jLog() != null) {
            logs.add(ConsoleCapture.slf4jLog());
        }
        logs.add(ConsoleCapture.consoleLog());
        for (Path log : logs) {
            assertTrue(Files.exists(log), () -> log + " exists: the run's output is captured");
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
        System.out.printf("canaries: %d log characters, %d exceptions and %d texts scanned; %d found%n", logBytes,
                Observed.EXCEPTIONS.get(), Observed.TEXTS.get(), found.size());
        assertTrue(found.isEmpty(), () -> found.size() + " canary occurrence(s):\n  " + String.join("\n  ",
                found.subList(0, Math.min(20, found.size()))));
        assertTrue(Observed.EXCEPTIONS.get() > 10 && Observed.TEXTS.get() > 100 && logBytes > 0,
                "the run produced exceptions, texts and logs to scan");
    }
}
