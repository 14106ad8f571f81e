package org.nuanxin.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nuanxin.Nuanxin;
import org.nuanxin.interview.Interview;
import org.nuanxin.interview.Question;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The guided interview's next questions on a warm engine, latency per call (p50, p99…): for one region
 * and over all five. The interviews are taken at every step of walks that answer each top question at
 * random among the answers it offers, so early steps (many candidates) and late ones are both in the mix.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Benchmark)
public class InterviewBenchmark {

    /** {@code xian}: one region; {@code all}: the five, as a national platform starts. */
    @Param({"xian", "all"})
    public String regions;

    private final List<Interview> steps = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() {
        Nuanxin engine = Nuanxin.builder().build();
        List<String> ids = regions.equals("all") ? engine.regionIds() : List.of(regions);
        SplittableRandom random = new SplittableRandom(42);
        String[] yesNo = {"是", "否"};
        String[] places = {"xian", "610113", "hangzhou", "ordos", "urumqi", "qingdao", "beijing"};
        for (int walk = 0; walk < 40; walk++) {
            LocalDate asOf = LocalDate.of(2025, 10, 1).plusDays(random.nextInt(200));
            Interview i = Interview.start(engine, asOf, ids, List.of());
            for (int step = 0; step < 12; step++) {
                List<Question> qs = i.next();
                if (qs.isEmpty()) {
                    break;
                }
                steps.add(i);
                Question q = qs.get(0);
                Object answer = switch (q.kind()) {
                    case YES_NO, EVENT -> yesNo[random.nextInt(2)];
                    case ONE_OF ->
                        q.options().get(random.nextInt(q.options().size())).value();
                    case PLACE -> q.field().equals("hukou_province") ? "henan" : places[random.nextInt(places.length)];
                    case DATE -> asOf.minusDays(random.nextInt(365 * 40)).toString();
                    case MONEY -> "" + (1 + random.nextInt(4000));
                    case COUNT -> "" + random.nextInt(3);
                };
                try {
                    i = i.answer(q.field(), answer);
                } catch (RuntimeException e) {
                    i = i.skip(q.field());
                }
            }
        }
    }

    @Benchmark
    public List<Question> next() {
        Interview i = steps.get(next);
        next = next + 1 == steps.size() ? 0 : next + 1;
        return i.next();
    }
}
