import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a machine's cores give a JVM at best, to read benchmarks/scaling.sh's figures against: the same fixed work on
 * 1..N threads that share nothing, in two kinds, so that a shortfall in population's scaling can be told apart from
 * one of the machine or the JVM.
 *
 * <ul>
 *   <li>{@code arithmetic}: a random-number loop in registers; no memory, no allocation. Scales with the cores unless
 *       the "cores" are hyperthreads of one physical core or the machine is shared.
 *   <li>{@code allocating}: a small map and two strings per step, garbage at once, as an assessment makes its
 *       worker, facts and decisions. Scales as the garbage collector and the memory system let it.
 * </ul>
 *
 * Run as a single-file program, pinned as scaling.sh pins population, and compare work/s at N threads with 1:
 *
 * <pre>
 *   taskset -c 0 java -XX:ActiveProcessorCount=1 benchmarks/CoreCalibration.java 1 allocating
 *   taskset -c 0,1 java -XX:ActiveProcessorCount=2 benchmarks/CoreCalibration.java 2 allocating
 *   taskset -c 0,1 java -XX:ActiveProcessorCount=2 -XX:+UseSerialGC benchmarks/CoreCalibration.java 2 allocating
 * </pre>
 *
 * Prints one line per round ("kind threads round work/s"); the first round warms the JIT, read the last.
 */
public class CoreCalibration {
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[1].equals("arithmetic") || args[1].equals("allocating"))) {
            System.err.println("usage: CoreCalibration THREADS arithmetic|allocating");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[0]);
        boolean arithmetic = args[1].equals("arithmetic");
        long steps = arithmetic ? 1_500_000_000L : 20_000_000L; // a few seconds a round on one core
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int round = 1; round <= 4; round++) {
            long started = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(pool.submit(() -> arithmetic ? arithmetic(steps) : allocating(steps)));
            }
            for (Future<Long> part : parts) {
                sink += part.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s %d %d %.0f%n", args[1], threads, round, threads * steps / seconds);
        }
        pool.shutdown();
    }

    private static long arithmetic(long steps) {
        long x = 1;
        for (long i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        return x;
    }

    private static long allocating(long steps) {
        long sum = 0;
        for (long i = 0; i < steps; i++) {
            Map<String, Integer> m = new HashMap<>();
            m.put("k" + (i & 1023), (int) i);
            sum += m.size() + m.get("k" + (i & 1023));
        }
        return sum;
    }
}
