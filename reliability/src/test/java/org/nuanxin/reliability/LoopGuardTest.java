package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Assessment;
import org.nuanxin.Nuanxin;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.model.Situation;
import org.nuanxin.model.Worker;
import org.nuanxin.scenario.ScenarioCase;

/**
 * The firing limit. A rule can no longer trigger itself (the guard refuses {@code update},
 * {@code insert} and {@code modify}: see {@code HostileRulesTest}), but a rule that joins facts still
 * fires once per combination, so one input with many events makes many firings. A rule added to a copy
 * of the Xi'an folder joins every trip with every stay of a worker; a worker with 120 trips and 100
 * stays (12,000 combinations) is stopped by the firing limit (10,000 per assessment by default) and
 * reported as a {@link RuleExecutionException} naming the rule, within one second; and the engine keeps
 * deciding the other workers exactly as before.
 */
@Order(60)
class LoopGuardTest {

    static final String RULE = "RELIABILITY 组合：每次返乡与每次住院";
    static final String TRIGGER = "LOOP_TRIGGER";

    @TempDir
    static Path tmp;

    private static Path folder;

    @BeforeAll
    static void folderWithALoop() throws IOException {
        folder = Corpus.copyFolder(Corpus.ruleFolder("xian"), tmp.resolve("xian-with-loop"));
        Files.writeString(folder.resolve("loop.drl"), """
                // A rule that fires once per trip and stay of a worker: many events, many firings.
                package org.nuanxin.region.xian;

                import org.nuanxin.rules.Profile;
                import org.nuanxin.rules.Trip;
                import org.nuanxin.rules.Stay;
                import org.nuanxin.rules.Truth;

                global org.nuanxin.rules.Verdict verdict;

                rule "%s"
                    @benefit("XIAN_SPRING_FESTIVAL_TRAIN")
                    @source("XA-2025")
                    @clause("(reliability test: a rule that fires per combination of events)")
                    @zh("每次返乡与每次住院的组合")
                    @en("every trip with every stay")
                when
                    $p : Profile()
                    eval( $p.employer().is("%s").isTrue() )
                    $t : Trip()
                    $s : Stay()
                then
                    verdict.check(Truth.TRUE);
                end
                """.formatted(RULE, TRIGGER));
        Path manifest = folder.resolve("region.yaml");
        Files.writeString(manifest, Files.readString(manifest).stripTrailing() + "\n  - loop.drl\n");
    }

    static Situation looping() {
        Worker w = Worker.builder()
                .newEmploymentForm(true)
                .workCity("xian")
                .employer(TRIGGER)
                .id(Canaries.ID)
                .build();
        List<org.nuanxin.model.Event> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(
                    new org.nuanxin.model.HomecomingTrip(null, org.nuanxin.model.TripReason.URGENT_MATTER, true, null));
        }
        for (int i = 0; i < 100; i++) {
            events.add(new org.nuanxin.model.Hospitalisation(Canaries.HOSPITAL, null, null, null, null));
        }
        return new Situation(w, events, List.of());
    }

    @Test
    void theLoopIsStoppedAndNamedWithinOneSecond() {
        Nuanxin engine =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        LocalDate asOf = LocalDate.of(2026, 3, 10);
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            RuleExecutionException e = assertThrows(
                    RuleExecutionException.class, () -> engine.assess("xian", looping(), asOf), "the loop is stopped");
            long ms = (System.nanoTime() - start) / 1_000_000;
            millis.add(ms);
            Observed.exception("loop guard", e);
            assertTrue(e.getMessage().contains(RULE), () -> "names the rule: " + e.getMessage());
            assertTrue(ms < 1_000, "stopped within one second: " + ms + " ms");
        }
        Figures.put("loop.defaultLimit", Nuanxin.DEFAULT_MAX_FIRINGS);
        Figures.put("loop.stops", millis.size());
        Figures.put(
                "loop.maxMillis",
                millis.stream().mapToLong(Long::longValue).max().orElse(0));
        Figures.put("timing.loop.firstMillis", millis.get(0));
        System.out.println("loop guard: stopped at " + Nuanxin.DEFAULT_MAX_FIRINGS + " firings in " + millis + " ms");
    }

    @Test
    void aLowerLimitStopsItSooner() {
        Nuanxin engine = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(folder)
                .maxFiringsPerAssessment(200)
                .build();
        long start = System.nanoTime();
        RuleExecutionException e = assertThrows(
                RuleExecutionException.class, () -> engine.assess("xian", looping(), LocalDate.of(2026, 3, 10)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        Observed.exception("loop guard (200)", e);
        // at 200 the rules that fire once per trip or stay may reach the limit before the join does
        java.util.regex.Matcher fired =
                java.util.regex.Pattern.compile("fired (\\d+) times").matcher(e.getMessage());
        assertTrue(fired.find() && e.getMessage().contains("rule \""), e::getMessage);
        int times = Integer.parseInt(fired.group(1));
        assertTrue(times >= 200 && times < 1_000, "stopped near the lower limit: " + e.getMessage());
        assertTrue(ms < 1_000, ms + " ms");
    }

    /** Loops stopped on some threads leave no trace in the pooled sessions the other threads get. */
    @Test
    void theEngineKeepsDecidingEveryOtherWorkerAlike() throws Exception {
        Nuanxin engine =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        Nuanxin plain = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(Corpus.ruleFolder("xian"))
                .build();
        List<ScenarioCase> cases = Corpus.cases("xian");
        List<Assessment> expected = new ArrayList<>();
        for (ScenarioCase c : cases) {
            expected.add(plain.assess("xian", c.situation(), c.asOf()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int loops = 0;
                    for (int i = 0; i < cases.size(); i++) {
                        if ((i + offset) % 5 == 0) {
                            try {
                                engine.assess("xian", looping(), LocalDate.of(2026, 3, 10));
                                return "a loop was not stopped";
                            } catch (RuleExecutionException e) {
                                loops++;
                            }
                        }
                        ScenarioCase c = cases.get(i);
                        Assessment a = engine.assess("xian", c.situation(), c.asOf());
                        Assessment b = expected.get(i);
                        if (!a.decisions().equals(b.decisions())) {
                            return c + ": "
                                    + ConcurrencyHammerTest.firstDifference(
                                            b, new Assessment(a.region(), a.asOf(), b.ruleSetVersion(), a.decisions()));
                        }
                    }
                    return "ok " + loops;
                }));
            }
            for (Future<String> f : results) {
                String r = f.get();
                assertTrue(r.startsWith("ok"), r);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLoopingRuleIsNotTriggeredByOthers() {
        Nuanxin engine =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        Assessment a = engine.assess(
                "xian", Situation.of(Worker.builder().employer("SF_EXPRESS").build()), LocalDate.of(2026, 3, 10));
        assertEquals("xian", a.region());
    }
}
