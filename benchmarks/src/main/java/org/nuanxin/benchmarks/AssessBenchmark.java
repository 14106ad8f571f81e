package org.nuanxin.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Reason;
import org.nuanxin.Nuanxin;
import org.nuanxin.internal.RegionCompiler;
import org.nuanxin.rules.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One assessment per operation, three ways, over the same generated workers ({@link Workers}: 1,000
 * cases per region, fixed seed; each thread cycles through them):
 *
 * <ul>
 *   <li>{@code facade}: {@link Nuanxin#assess} as a host calls it: the bundled, precompiled rules
 *       and the decisions, whose explanations are assembled when a host reads them (this benchmark
 *       reads statuses and amounts only). Parameters: {@code region}; {@code cachedDecisions} (the
 *       engine's decision cache as shipped, or off); {@code evaluation}: {@code direct} (as shipped:
 *       the compiled rules run without the Rete network) or {@code rete} (the same compiled rules in
 *       a pooled Drools session, {@code -Dnuanxin.rete=true}).</li>
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
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
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
        /** How the compiled rules run: {@code direct} as shipped, or {@code rete} in a Drools session. */
        @Param({"direct", "rete"})
        public String evaluation;
        Nuanxin engine;
        Workers.Case[] cases;

        @Setup(Level.Trial)
        public void setup() {
            boolean rete = switch (evaluation) {
                case "direct" -> false;
                case "rete" -> true;
                default -> throw new IllegalArgumentException("evaluation is direct or rete, not " + evaluation);
            };
            System.setProperty(RegionCompiler.RETE_PROPERTY, Boolean.toString(rete));
            try {
                engine = Nuanxin.builder().regions(region).cachedDecisions(cachedDecisions).build();
            } finally {
                System.clearProperty(RegionCompiler.RETE_PROPERTY);
            }
            if (engine.region(region).direct() == rete) {
                throw new IllegalStateException(region + " does not run as asked: " + engine.region(region));
            }
            cases = Workers.generate(region);
            for (Workers.Case c : cases) {              // every case is valid input; fail now, not mid-run
                engine.assess(region, c.situation(), c.asOf());
            }
        }
    }

    /** A region's DRL compiled with plain Drools, and the region's cases. */
    @State(Scope.Benchmark)
    public static class PlainDroolsState {
        @Param({"xian", "qingdao", "zhejiang", "neimenggu", "xinjiang"})
        public String region;
        PlainDrools rules;
        Workers.Case[] cases;

        @Setup(Level.Trial)
        public void setup() {
            rules = new PlainDrools(region);
            cases = Workers.generate(region);
            for (Workers.Case c : cases) {              // as for the facade: one pass before JMH's warm-up
                rules.assess(c.situation(), c.asOf());
            }
        }
    }

    /** The hand-coded Xi'an evaluator, and the Xi'an cases. */
    @State(Scope.Benchmark)
    public static class HandCodedState {
        XianHandCoded evaluator;
        Workers.Case[] cases;

        @Setup(Level.Trial)
        public void setup() {
            evaluator = XianHandCoded.fromClasspath();
            cases = Workers.generate("xian");
            for (Workers.Case c : cases) {
                evaluator.assess(c.situation(), c.asOf());
            }
        }
    }

    /** Each thread's position in the cases; two threads start half the ring apart. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        @Setup(Level.Trial)
        public void setup(ThreadParams thread) {
            next = (thread.getThreadIndex() * (Workers.COUNT / Math.max(1, thread.getThreadCount()))) % Workers.COUNT;
        }

        int next(int length) {
            int i = next;
            next = i + 1 == length ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public Assessment facade(FacadeState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        return s.engine.assess(s.region, c.situation(), c.asOf());
    }

    /** The facade, then every reason of every decision read, as a host showing the explanation does. */
    @Benchmark
    public long facadeExplained(FacadeState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        long chars = 0;
        for (Decision d : s.engine.assess(s.region, c.situation(), c.asOf()).decisions()) {
            for (Reason r : d.reasons()) {
                chars += r.textZh().length() + r.textEn().length();
            }
        }
        return chars;
    }

    @Benchmark
    public List<Verdict.Finding> plainDrools(PlainDroolsState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        return s.rules.assess(c.situation(), c.asOf()).findings();
    }

    @Benchmark
    public XianHandCoded.Result handCoded(HandCodedState s, Cursor cursor) {
        Workers.Case c = s.cases[cursor.next(s.cases.length)];
        return s.evaluator.assess(c.situation(), c.asOf());
    }
}
