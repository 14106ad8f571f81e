package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.reliability.Corpus.Input;
import org.nuanxin.reliability.Corpus.Kind;

/**
 * Many threads on one shared engine, released together by a latch, each assessing a mix of every
 * region's scenario workers: every result must equal the single-thread result, with no exception.
 * Run on the bundled (precompiled) rules and on the same rules compiled from their folders, each on a
 * fresh (cold) engine so that the threads also race through Drools' first evaluations and its
 * jitting threshold (20 evaluations): with the engine's shipped settings (its decision cache on, so
 * that workers with the same facts share a decision), and with the cache off, so that the rules decide
 * every one of the assessments.
 */
@Order(20)
class ConcurrencyHammerTest {

    /** Assessments per thread. */
    static final int PER_THREAD = Integer.getInteger("nuanxin.reliability.hammer.perThread", 10_000);
    /** Fresh engines per configuration: 1, or 3 in the heavy variant. */
    static final int ROUNDS = Corpus.heavy() ? 3 : 1;

    private static List<Input> inputs;
    private static final Map<Kind, List<Assessment>> BASELINE = new EnumMap<>(Kind.class);

    @BeforeAll
    static void singleThreadBaseline() {
        inputs = Corpus.inputs();
        for (Kind kind : Kind.values()) {
            Nuanxin engine = Corpus.engine(kind, false);
            List<Assessment> expected = new ArrayList<>();
            for (Input in : inputs) {
                expected.add(engine.assess(in.region(), in.situation(), in.asOf()));
            }
            BASELINE.put(kind, expected);
        }
        Figures.put("hammer.inputs", inputs.size());
        Figures.put(
                "hammer.regions", inputs.stream().map(Input::region).distinct().count());
    }

    @Test
    void bundledAndFolderRulesAgreeSingleThreaded() {
        List<Assessment> a = BASELINE.get(Kind.BUNDLED);
        List<Assessment> b = BASELINE.get(Kind.FOLDERS);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(a.get(i), b.get(i), inputs.get(i).label());
        }
    }

    /** The engine's settings under test. */
    enum Settings {
        /** As shipped: the facade's decision cache on. */
        SHIPPED,
        /** {@code cachedDecisions(0)}: the rules decide every assessment. */
        NO_CACHE
    }

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (Settings settings : Settings.values()) {
            for (Kind kind : Kind.values()) {
                for (int threads : new int[] {2, 8, 32}) {
                    all.add(Arguments.of(kind, settings, threads));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} rules, {1}, {2} threads")
    @MethodSource("configurations")
    void everyThreadGetsTheSingleThreadResult(Kind kind, Settings settings, int threads) throws Exception {
        List<Assessment> expected = BASELINE.get(kind);
        long total = 0;
        long diffs = 0;
        long errors = 0;
        long millis = 0;
        List<String> details = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Nuanxin engine = Corpus.engine(kind, settings == Settings.SHIPPED); // cold: the threads evaluate first
            Result r = hammer(engine, expected, threads, Corpus.seed() + round * 1_000L);
            total += r.done;
            diffs += r.diffs;
            errors += r.errors.size();
            millis += r.millis;
            details.addAll(r.details);
            for (Throwable t : r.errors) {
                Observed.exception("hammer", t);
                if (details.size() < 10) {
                    details.add(t.toString());
                }
            }
        }
        String key = "hammer." + kind + "." + settings + "." + threads;
        Figures.put(key + ".threads", threads);
        Figures.put(key + ".perThread", PER_THREAD);
        Figures.put(key + ".rounds", ROUNDS);
        Figures.put(key + ".assessments", total);
        Figures.put(key + ".diffs", diffs);
        Figures.put(key + ".exceptions", errors);
        Figures.put("timing." + key + ".ms", millis);
        System.out.printf(
                "hammer %s %s %d threads: %d assessments in %d ms (%.0f/s), %d diffs, %d exceptions%n",
                kind, settings, threads, total, millis, total * 1000.0 / Math.max(1, millis), diffs, errors);
        assertEquals((long) threads * PER_THREAD * ROUNDS, total, "every assessment ran");
        if (diffs > 0 || errors > 0) {
            fail(diffs + " results differ from the single-thread result and " + errors + " exceptions, e.g.:\n  "
                    + String.join("\n  ", details));
        }
    }

    private record Result(long done, long diffs, List<Throwable> errors, List<String> details, long millis) {}

    private static Result hammer(Nuanxin engine, List<Assessment> expected, int threads, long seed)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong done = new AtomicLong();
        AtomicLong diffs = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> details = new ConcurrentLinkedQueue<>();
        int n = inputs.size();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + t);
            pool.submit(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int k = 0; k < PER_THREAD; k++) {
                    int i = random.nextInt(n);
                    Input in = inputs.get(i);
                    try {
                        Assessment a = engine.assess(in.region(), in.situation(), in.asOf());
                        if (!a.equals(expected.get(i))) {
                            diffs.incrementAndGet();
                            if (details.size() < 10) {
                                details.add(in.label() + ": " + firstDifference(expected.get(i), a));
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                    done.incrementAndGet();
                }
            });
        }
        assertTrue(ready.await(60, TimeUnit.SECONDS), "threads started");
        long start = System.nanoTime();
        go.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(15, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            fail("the hammer did not finish in 15 minutes");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(done.get(), diffs.get(), List.copyOf(errors), List.copyOf(details), millis);
    }

    static String firstDifference(Assessment expected, Assessment actual) {
        if (!expected.ruleSetVersion().equals(actual.ruleSetVersion())) {
            return "rule-set version " + expected.ruleSetVersion() + " vs " + actual.ruleSetVersion();
        }
        if (expected.decisions().size() != actual.decisions().size()) {
            return expected.decisions().size() + " decisions vs "
                    + actual.decisions().size();
        }
        for (int i = 0; i < expected.decisions().size(); i++) {
            Decision e = expected.decisions().get(i);
            Decision a = actual.decisions().get(i);
            if (!e.equals(a)) {
                return "expected " + brief(e) + ", got " + brief(a);
            }
        }
        if (!expected.toJson().equals(actual.toJson())) {
            return "equal assessments with different JSON";
        }
        return "assessments differ (region/date)";
    }

    /** A decision with its reasons by rule name and outcome, without their texts. */
    static String brief(Decision d) {
        return d + " reasons "
                + d.reasons().stream()
                        .map(r -> r.outcome() + " \"" + r.rule() + "\"")
                        .toList();
    }
}
