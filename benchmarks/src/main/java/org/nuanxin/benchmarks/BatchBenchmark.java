package org.nuanxin.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nuanxin.Assessment;
import org.nuanxin.BatchAssessor;
import org.nuanxin.Nuanxin;
import org.nuanxin.model.Situation;
import org.nuanxin.population.RegisterFormat;
import org.nuanxin.population.RegisterGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batch path of a population run: {@link BatchAssessor#assess} over the rows of a generated Xi'an register
 * ({@link RegisterGenerator}, {@value #ROWS} rows, seed {@value #SEED}, with event columns), all on the
 * register's reference date. One operation is one row. Every pass over the register is a new population
 * run: a fresh {@link Nuanxin#batch} assessor, so each pass starts with an empty decision cache and pays
 * its misses, as a run does ({@code run=register}; {@code run=endless} keeps one assessor). Threads take
 * the rows in chunks of {@value #CHUNK} from a shared counter and share the pass's assessor, as a run's
 * assessing threads do.
 *
 * <p>{@code maxEntries} is the engine's {@code cachedDecisions}, the assessor's bound: {@code 10000} (as
 * shipped) holds every distinct decision of the register (the setup prints how many there are), {@code 1000}
 * holds fewer, so the cache must evict. {@code oneThread} and {@code twoThreads} fix the threads.
 *
 * <p>The decision store was chosen with this benchmark: commits 6ef05cd and aa8019a of issue 19 had a
 * {@code cache} parameter ({@code map}, the map emptied when full that BatchAssessor keeps, or
 * {@code caffeine}) for one JMH run of both; docs/performance.md has the figures.
 */
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 6, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 6, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchBenchmark {

    static final String REGION = "xian";
    static final int ROWS = 50_000;
    static final long SEED = 7;
    static final int CHUNK = 256;

    /** One pass over the register: a population run with its own assessor. */
    record Pass(long number, BatchAssessor batch) {}

    /** The register's rows, the engine, and the pass under way. */
    @State(Scope.Benchmark)
    public static class Register {
        /** The assessor's bound (the engine's {@code cachedDecisions}). */
        @Param({"10000", "1000"})
        public int maxEntries;

        /**
         * {@code register}: every pass over the register is a new run with a fresh assessor (its misses
         * paid again); {@code endless}: one assessor for the whole trial, so after the first pass every row
         * without events is a hit (the limit of a run far longer than the register).
         */
        @Param({"register", "endless"})
        public String run;

        Situation[] rows;
        LocalDate asOf;
        Nuanxin engine;
        boolean fresh;
        final AtomicLong next = new AtomicLong();
        volatile Pass pass;

        @Setup(Level.Trial)
        public void setup() {
            fresh = switch (run) {
                case "register" -> true;
                case "endless" -> false;
                default -> throw new IllegalArgumentException("run is register or endless, not " + run);
            };
            asOf = RegisterGenerator.referenceDate(REGION);
            rows = situations(register(ROWS, SEED));
            engine = Nuanxin.builder()
                    .regions(REGION)
                    .cachedDecisions(maxEntries)
                    .build();
            BatchAssessor all = Nuanxin.builder()
                    .regions(REGION)
                    .cachedDecisions(Integer.MAX_VALUE)
                    .build()
                    .batch(REGION, asOf);
            int events = 0;
            for (Situation s : rows) {
                all.assess(s);
                events += s.events().isEmpty() ? 0 : 1;
            }
            System.out.println("\n" + rows.length + " rows, " + events + " with events, " + all.cachedDecisions()
                    + " distinct decisions of the others; bound " + maxEntries);
            pass = new Pass(0, engine.batch(REGION, asOf));
        }

        Assessment assess(Chunk c) {
            if (c.at == c.end) {
                c.at = next.getAndAdd(CHUNK);
                c.end = c.at + CHUNK;
            }
            long i = c.at++;
            long number = i / rows.length;
            Pass p = pass;
            if (p.number() < number && fresh) {
                p = start(number);
            }
            return p.batch().assess(rows[(int) (i % rows.length)]);
        }

        private synchronized Pass start(long number) {
            Pass p = pass;
            if (p.number() < number) {
                p = new Pass(number, engine.batch(REGION, asOf));
                pass = p;
            }
            return p;
        }
    }

    /** A thread's chunk of row numbers, {@code [at, end)}. */
    @State(Scope.Thread)
    public static class Chunk {
        long at;
        long end;
    }

    /** A generated register of {@code rows} data rows, as CSV text. */
    static String register(int rows, long seed) {
        StringWriter out = new StringWriter();
        try {
            RegisterGenerator.write(out, rows, REGION, seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The register's rows as situations (every generated row is valid). */
    static Situation[] situations(String register) {
        List<Situation> out = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(register))) {
            RegisterFormat format = null;
            for (CSVRecord r : p) {
                if (format == null) {
                    format = RegisterFormat.header("register", r.values());
                    continue;
                }
                RegisterFormat.Row row = format.row(r.getRecordNumber(), r.values());
                if (!row.ok()) {
                    throw new IllegalStateException("generated row " + r.getRecordNumber() + ": " + row.problems());
                }
                out.add(row.situation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArray(Situation[]::new);
    }

    @Benchmark
    @Threads(1)
    public Assessment oneThread(Register r, Chunk c) {
        return r.assess(c);
    }

    @Benchmark
    @Threads(2)
    public Assessment twoThreads(Register r, Chunk c) {
        return r.assess(c);
    }
}
