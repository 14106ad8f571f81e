package org.nuanxin.benchmarks;

import java.util.concurrent.TimeUnit;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing one assessment as JSON, one thread: core's hand-written writer ({@link Assessment#toJson()}, which
 * builds {@link Assessment#toTree()} and writes it) against Jackson's streaming generator writing the same
 * bytes ({@link JacksonJson}; {@code JsonAgreementTest} checks they are equal), once walking the assessment
 * directly ({@code jackson}) and once writing the same tree core's writer writes ({@code jacksonTree}). The
 * assessments are the 1,000 Xi'an {@code spread} workers' ({@link Workers#generate(String)}), decided and
 * their reasons made before the run, so only the writing is measured (about 24 KB of JSON each).
 */
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonBenchmark {

    /** The assessments, decided once. */
    @State(Scope.Benchmark)
    public static class Assessments {
        Assessment[] all;

        @Setup(Level.Trial)
        public void setup() {
            all = assessments();
        }
    }

    /** The 1,000 Xi'an {@code spread} assessments, every reason made. */
    static Assessment[] assessments() {
        Nuanxin engine = Nuanxin.builder().regions("xian").cachedDecisions(0).build();
        Workers.Case[] cases = Workers.generate("xian");
        Assessment[] all = new Assessment[cases.length];
        for (int i = 0; i < cases.length; i++) {
            all[i] = engine.assess("xian", cases[i].situation(), cases[i].asOf());
            for (Decision d : all[i].decisions()) {
                d.reasons().size(); // made on first access: made now, not in the run
            }
        }
        return all;
    }

    /** Each thread's place in the assessments. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Assessment next(Assessment[] all) {
            Assessment a = all[next];
            next = next + 1 == all.length ? 0 : next + 1;
            return a;
        }
    }

    @Benchmark
    public String handWritten(Assessments s, Cursor c) {
        return c.next(s.all).toJson();
    }

    @Benchmark
    public String jackson(Assessments s, Cursor c) {
        return JacksonJson.assessment(c.next(s.all));
    }

    @Benchmark
    public String jacksonTree(Assessments s, Cursor c) {
        return JacksonJson.tree(c.next(s.all).toTree());
    }
}
