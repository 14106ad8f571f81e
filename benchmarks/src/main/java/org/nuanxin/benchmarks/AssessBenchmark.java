package org.nuanxin.benchmarks;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Reason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One assessment per operation, three ways, over the same generated workers ({@link Workers}: 1,000
 * cases per region, fixed seed; each thread cycles through them):
 *
 * <ul>
 *   <li>{@code facade}: {@link Nuanxin#assess} as a host calls it: the bundled, precompiled rules
 *       and the decisions, whose explanations are assembled when a host reads them (this benchmark
 *       reads statuses and amounts only). Parameters: {@code region}; {@code cachedDecisions} (the
 *       engine's decision cache as shipped, or off); {@code evaluation}: {@code direct}, the one way
 *       the library runs rules (the compiled rules without the Rete network).</li>
 *   <li>{@code facadeExplained}: the same, then every decision's reasons read (each sentence
 *       touched), as a host that shows the explanation does.</li>
 *   <li>{@code plainDrools}: the same region's DRL compiled at run time with the classic
 *       {@code KnowledgeBuilder}, a new {@code StatelessKieSession} per call, no explanations
 *       ({@link PlainDrools}).</li>
 *   <li>{@code handCoded}: the Xi'an programme in plain Java ({@link XianHandCoded}), the physical
 *       limit.</li>
 * </ul>
 *
 * <p>The subclasses fix mode and threads: {@link Throughput1T}/{@link Throughput2T} (ops/s with one
 * and two threads), {@link Latency1T}/{@link Latency2T} (sample mode, µs per op, for p50/p99).
 * Allocation per operation comes from {@code -prof gc} on the command line (see README.md).
 */
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 10, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class AssessBenchmark {

    /** The engine of one region, built once per fork, and that region's cases. */
    @State(Scope.Benchmark)
    public static class FacadeState {
        @Param({"xian", "qingdao", "zhejiang", "neimenggu", "xinjiang"})
        public String region;
        /** The engine's decision cache: as shipped (10,000 per region and date), or off (every call fires the rules). */
        @Param({"10000", "0"})
        public int cachedDecisions;
        /**
         * How the compiled rules run: {@code direct}, the one way the library runs rules. (Until the engine
         * had one path, {@code rete} ran the same model in a pooled Drools session; the plain-Drools
         * benchmark keeps a session-based baseline.) Kept so that recorded commands and results still read.
         */
        @Param({"direct"})
        public String evaluation;
        /** Which cases: see {@link AssessBenchmark#cases}. */
        @Param({"spread", "distinct", "day"})
        public String workload;

        Nuanxin engine;
        Workers.Case[] cases;

        @Setup(Level.Trial)
        public void setup() {
            if (!evaluation.equals("direct")) {
                throw new IllegalArgumentException("evaluation is direct (the one engine path), not " + evaluation);
            }
            engine = Nuanxin.builder()
                    .regions(region)
                    .cachedDecisions(cachedDecisions)
                    .build();
            cases = cases(region, workload);
            for (Workers.Case c : cases) { // every case is valid input; fail now, not mid-run
                engine.assess(region, c.situation(), c.asOf());
            }
        }
    }

    /** A region's DRL compiled with plain Drools, and the region's cases. */
    @State(Scope.Benchmark)
    public static class PlainDroolsState {
        @Param({"xian", "qingdao", "zhejiang", "neimenggu", "xinjiang"})
        public String region;

        @Param({"spread", "distinct", "day"})
        public String workload;

        PlainDrools rules;
        Workers.Case[] cases;

        @Setup(Level.Trial)
        public void setup() {
            rules = new PlainDrools(region);
            cases = cases(region, workload);
            for (Workers.Case c : cases) { // as for the facade: one pass before JMH's warm-up
                rules.assess(c.situation(), c.asOf());
            }
        }
    }

    /** The hand-coded Xi'an evaluator, and the Xi'an cases. */
    @State(Scope.Benchmark)
    public static class HandCodedState {
        @Param({"spread", "distinct", "day"})
        public String workload;

        XianHandCoded evaluator;
        Workers.Case[] cases;

        @Setup(Level.Trial)
        public void setup() {
            evaluator = XianHandCoded.fromClasspath();
            cases = cases("xian", workload);
            for (Workers.Case c : cases) {
                evaluator.assess(c.situation(), c.asOf());
            }
        }
    }

    /** Workers of the {@code distinct} and {@code day} workloads: a working set far larger than the CPU's caches. */
    static final int DISTINCT_COUNT = 20_000;

    /**
     * The cases of a workload:
     * <ul>
     *   <li>{@code spread}: the benchmarks' 1,000 workers ({@link Workers#generate(String)}), assessment
     *       dates spread over the programme. Their data fits in a core's cache, which flatters an evaluator
     *       whose cost is reading its input (the hand-coded one).</li>
     *   <li>{@code distinct}: {@value #DISTINCT_COUNT} workers of the same mix and the same spread dates: a
     *       working set that, like a host's requests, is not all in the CPU's caches.</li>
     *   <li>{@code day}: {@value #DISTINCT_COUNT} workers all assessed on the programme's middle day, as a
     *       hotline or a planner assesses them (see {@link Cursor} for how each pass becomes a new day, so
     *       that the engine's decision cache, kept per date, serves only workers whose facts equal an
     *       earlier worker's; workers with events or claims are always decided afresh).</li>
     * </ul>
     */
    static Workers.Case[] cases(String region, String workload) {
        return switch (workload) {
            case "spread" -> Workers.generate(region);
            case "distinct" -> Workers.generate(region, DISTINCT_COUNT, Workers.SEED);
            case "day" -> Workers.generate(region, DISTINCT_COUNT, Workers.SEED, Workers.midpoint(region));
            default -> throw new IllegalArgumentException("workload is spread, distinct or day, not " + workload);
        };
    }

    /**
     * Each thread's position in the cases and the date it assesses them on. {@code spread} and
     * {@code distinct}: every thread cycles through all cases, two threads half the ring apart, each case
     * on its own date. {@code day}: each thread cycles through its own slice of the workers, and each pass
     * over the slice is a new day (the programme's middle day plus the pass number, modulo {@value #DAYS}):
     * no worker comes back on a day it was assessed, so the engine's decision cache (kept for a few dates)
     * serves only workers whose facts equal an earlier worker's that day, never the same worker again.
     */
    @State(Scope.Thread)
    public static class Cursor {
        /** Days the {@code day} workload moves through before it starts over (well within every programme). */
        static final int DAYS = 61;

        private int thread;
        private int threads;
        private boolean day;
        private int from;
        private int to;
        private int next = -1; // placed on the first call, when the ring's length is known
        private int passes;
        private int shift;

        @Setup(Level.Trial)
        public void setup(ThreadParams params, BenchmarkParams benchmark) {
            thread = params.getThreadIndex();
            threads = Math.max(1, params.getThreadCount());
            day = "day".equals(benchmark.getParam("workload"));
        }

        int next(int length) {
            if (next < 0) {
                from = day ? (int) ((long) thread * length / threads) : 0;
                to = day ? (int) ((long) (thread + 1) * length / threads) : length;
                next = day ? from : (int) ((long) thread * length / threads);
            }
            int i = next;
            shift = day ? passes % DAYS : 0;
            if (++next == to) {
                next = from;
                passes++;
            }
            return i;
        }

        /** The assessment date of the case {@link #next} gave. */
        LocalDate asOf(Workers.Case c) {
            return shift == 0 ? c.asOf() : c.asOf().plusDays(shift);
        }
    }

    @Benchmark
    public Assessment facade(FacadeState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        return s.engine.assess(s.region, c.situation(), cursor.asOf(c));
    }

    /** The facade, then every reason of every decision read, as a host showing the explanation does. */
    @Benchmark
    public long facadeExplained(FacadeState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        long chars = 0;
        for (Decision d :
                s.engine.assess(s.region, c.situation(), cursor.asOf(c)).decisions()) {
            for (Reason r : d.reasons()) {
                chars += r.textZh().length() + r.textEn().length();
            }
        }
        return chars;
    }

    @Benchmark
    public Object plainDrools(PlainDroolsState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        return s.rules.assess(c.situation(), cursor.asOf(c)); // the findings, as the blackhole takes them
    }

    @Benchmark
    public XianHandCoded.Result handCoded(HandCodedState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        return s.evaluator.assess(c.situation(), cursor.asOf(c));
    }
}
