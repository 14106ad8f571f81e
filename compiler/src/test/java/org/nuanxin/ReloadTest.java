package org.nuanxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.Worker;

/**
 * Reloading a region while it serves: only rule sets that compile, pass the guard and pass the
 * suite are promoted; assessments never fail and never mix versions; old rules are collected.
 */
class ReloadTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final Situation TRIP = new Situation(
            Worker.builder().newEmploymentForm(true).workCity("xian").build(),
            List.of(new HomecomingTrip(null, TripReason.URGENT_MATTER, true, new BigDecimal("1000.00"))),
            List.of());

    @TempDir
    Path dir;

    /** The kinds of rule set a reload may be handed. */
    enum Kind {
        GOOD_100,
        GOOD_300,
        BROKEN,
        HOSTILE,
        FAILS_SUITE
    }

    /** Writes a rule folder of the kind, with its suite in {@code scenarios/}, and returns it. */
    private Path ruleSet(Kind kind, int n) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("set-" + n));
        String cap = switch (kind) {
            case GOOD_300 -> "300.00";
            case FAILS_SUITE -> "150.00";
            default -> "100.00";
        };
        TestRegions.copy(
                folder,
                "parameters.yaml",
                t -> t.replace(
                        "cap: {type: money, values: {2025-01-01: 100.00}",
                        "cap: {type: money, values: {2025-01-01: " + cap + "}"));
        if (kind == Kind.BROKEN) {
            edit(folder.resolve("rules.drl"), t -> t.replace("    not Stay()\n", "    not Stay( \n"));
        } else if (kind == Kind.HOSTILE) {
            edit(folder.resolve("rules.drl"), t -> t.replace("verdict.check(Truth.TRUE);", "System.exit(3);"));
        }
        String expected = kind == Kind.GOOD_300 ? "300.00" : "100.00";
        Files.createDirectories(folder.resolve("scenarios"));
        Files.writeString(folder.resolve("scenarios/trip.yaml"), """
                region: testland
                cases:
                  - name: urgent trip, capped
                    as_of: 2025-06-01
                    worker: {new_employment_form: true, work_city: xian}
                    events: [{type: HOMECOMING_TRIP, reason: URGENT_MATTER, union_certified: true, ticket_cost: 1000.00}]
                    expect:
                      TEST_TRIP_CASH: {status: ELIGIBLE, amount: %s}
                      TEST_SERVICE: ELIGIBLE
                """.formatted(expected));
        return folder;
    }

    private static void edit(Path file, java.util.function.UnaryOperator<String> f) throws IOException {
        Files.writeString(file, f.apply(Files.readString(file)));
    }

    @Test
    void onlyRuleSetsThatBuildPassTheGuardAndTheSuiteArePromoted() throws IOException {
        Nuanxin engine = TestRegions.testland();
        String initial = engine.region("testland").ruleSetVersion();
        ReloadResult good = engine.reload(ruleSet(Kind.GOOD_300, 1), List.of());
        assertTrue(good.promoted(), good::toString);
        assertEquals(
                new BigDecimal("300.00"),
                engine.assess("testland", TRIP, AS_OF)
                        .decision("TEST_TRIP_CASH")
                        .orElseThrow()
                        .amount());
        assertEquals(good.version(), engine.assess("testland", TRIP, AS_OF).ruleSetVersion());
        assertFalse(good.version().equals(initial));

        for (Kind bad : List.of(Kind.BROKEN, Kind.HOSTILE, Kind.FAILS_SUITE)) {
            ReloadResult r = engine.reload(ruleSet(bad, 2 + bad.ordinal()), List.of());
            assertFalse(r.promoted(), r::toString);
            assertEquals(good.version(), r.version(), "the old rules keep serving");
            assertFalse(r.problems().isEmpty());
            assertEquals(good.version(), engine.assess("testland", TRIP, AS_OF).ruleSetVersion());
        }
        ReloadResult hostile = engine.reload(ruleSet(Kind.HOSTILE, 10), List.of());
        assertTrue(hostile.problems().get(0).message().startsWith("guard:"), hostile::toString);
        ReloadResult suite = engine.reload(ruleSet(Kind.FAILS_SUITE, 11), List.of());
        assertEquals(1, suite.casesFailed());
        assertTrue(suite.problems().get(0).message().contains("urgent trip, capped"), suite::toString);
    }

    /** A reload has a deadline: past it the candidate is rejected and the serving rules keep serving. */
    @Test
    void aReloadPastItsDeadlineIsRejected() throws IOException {
        Nuanxin hurried = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(TestRegions.TESTLAND)
                .reloadTimeout(java.time.Duration.ofMillis(1))
                .build();
        String initial = hurried.region("testland").ruleSetVersion();
        ReloadResult late = hurried.reload(ruleSet(Kind.GOOD_300, 30), List.of());
        assertFalse(late.promoted(), late::toString);
        assertTrue(late.problems().get(0).message().contains("did not finish within 1 ms"), late::toString);
        assertEquals(initial, hurried.assess("testland", TRIP, AS_OF).ruleSetVersion(), "the old rules keep serving");
        assertEquals(initial, hurried.region("testland").ruleSetVersion());
    }

    @Test
    void aRuleSetWithoutASuiteIsNotPromoted() throws IOException {
        Nuanxin engine = TestRegions.testland();
        Path folder = ruleSet(Kind.GOOD_300, 1);
        ReloadResult r = engine.reload(folder, List.of(dir.resolve("no-such-suite")));
        assertFalse(r.promoted());
        assertTrue(r.problems().get(0).message().contains("no scenario suite"), r::toString);
    }

    @Test
    void assessmentsNeverFailNorMixVersionsWhileRuleSetsComeAndGo() throws Exception {
        Nuanxin engine = TestRegions.testland();
        Map<String, Set<BigDecimal>> amountsByVersion = new ConcurrentHashMap<>();
        AtomicLong assessments = new AtomicLong();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(3);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(() -> {
                started.countDown();
                while (!stop.get()) {
                    try {
                        Assessment a = engine.assess("testland", TRIP, AS_OF);
                        amountsByVersion
                                .computeIfAbsent(a.ruleSetVersion(), v -> ConcurrentHashMap.newKeySet())
                                .add(a.decision("TEST_TRIP_CASH").orElseThrow().amount());
                        assessments.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        started.await();
        Set<String> promoted = ConcurrentHashMap.newKeySet();
        Set<String> rejected = ConcurrentHashMap.newKeySet();
        promoted.add(engine.region("testland").ruleSetVersion());
        Kind[] cycle = {
            Kind.GOOD_300, Kind.BROKEN, Kind.GOOD_100, Kind.HOSTILE, Kind.GOOD_300, Kind.FAILS_SUITE, Kind.GOOD_100
        };
        for (int i = 0; i < 28; i++) {
            Kind kind = cycle[i % cycle.length];
            ReloadResult r = engine.reload(ruleSet(kind, i), List.of());
            boolean good = kind == Kind.GOOD_100 || kind == Kind.GOOD_300;
            assertEquals(good, r.promoted(), r::toString);
            (good ? promoted : rejected).add(r.candidate());
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        rejected.remove("");
        assertEquals(List.of(), failures, "no assessment failed");
        assertTrue(assessments.get() > 100, "assessed " + assessments.get());
        for (Map.Entry<String, Set<BigDecimal>> e : amountsByVersion.entrySet()) {
            assertTrue(promoted.contains(e.getKey()), "version " + e.getKey() + " was never promoted");
            assertEquals(1, e.getValue().size(), "version " + e.getKey() + " decided " + e.getValue());
        }
        rejected.forEach(v -> assertFalse(amountsByVersion.containsKey(v), "a rejected rule set served"));
    }

    @Test
    void oldRuleSetsAreCollectedAfterHundredsOfReloads() throws IOException {
        Nuanxin engine = TestRegions.testland();
        Path a = ruleSet(Kind.GOOD_100, 1);
        Path b = ruleSet(Kind.GOOD_300, 2);
        long heapAt20 = 0;
        long classesAt20 = 0;
        for (int i = 1; i <= 200; i++) {
            assertTrue(engine.reload(i % 2 == 0 ? a : b, List.of()).promoted());
            if (i == 20) {
                heapAt20 = usedHeapAfterGc();
                classesAt20 = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            }
        }
        long heapGrowth = usedHeapAfterGc() - heapAt20;
        long classGrowth = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() - classesAt20;
        System.out.printf("reloads 20→200: heap %+d KB, loaded classes %+d%n", heapGrowth / 1024, classGrowth);
        assertTrue(heapGrowth < 8L * 1024 * 1024, "heap grew by " + heapGrowth / 1024 + " KB over 180 reloads");
        assertTrue(classGrowth < 1500, "loaded classes grew by " + classGrowth + " over 180 reloads");
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
