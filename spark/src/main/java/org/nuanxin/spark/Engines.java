package org.nuanxin.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;
import org.nuanxin.UnknownRegionException;

/**
 * The engine of this JVM, driver or executor: built on first use (it loads every region jar on the classpath, which
 * takes a second or so) and then shared by every partition and task the JVM runs, as the engine is thread-safe.
 * Spark ships the job's functions to executors, never an engine: an executor builds its own from its own classpath,
 * which is why the rule-set version is checked there ({@link RuleSetMismatchException}).
 */
final class Engines {

    /** The Spark setting that bounds the decisions an engine keeps for reuse (per region and date). */
    static final String CACHED_DECISIONS = "spark.nuanxin.cachedDecisions";

    private static final Object LOCK = new Object();
    private static volatile Nuanxin engine;
    private static final AtomicInteger BUILDS = new AtomicInteger();

    private Engines() {}

    /** This JVM's engine, built on the first call. */
    static Nuanxin get() {
        Nuanxin e = engine;
        if (e == null) {
            synchronized (LOCK) {
                e = engine;
                if (e == null) {
                    e = Nuanxin.builder().cachedDecisions(cachedDecisions()).build();
                    BUILDS.incrementAndGet();
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * The region as this JVM's engine has it, checked to have the rule set the job expects: a task calls this before
     * its first row.
     *
     * @throws RuleSetMismatchException when the engine has another rule set for the region, or none
     */
    static Region checked(String region, String expected) {
        Region r;
        try {
            r = get().region(region);
        } catch (UnknownRegionException e) {
            throw new RuleSetMismatchException(region, expected, "none (no region jar on its classpath)", where());
        }
        if (!r.ruleSetVersion().equals(expected)) {
            throw new RuleSetMismatchException(region, expected, r.ruleSetVersion(), where());
        }
        return r;
    }

    /** {@code executor 3 (stage 1, partition 17)}: where a task runs, for an error. */
    private static String where() {
        SparkEnv env = SparkEnv.get();
        TaskContext task = TaskContext.get();
        return "executor " + (env == null ? "?" : env.executorId())
                + (task == null ? "" : " (stage " + task.stageId() + ", partition " + task.partitionId() + ")");
    }

    /** How many engines this JVM has built: one, once any was asked for (the tests hold it to that). */
    static int builds() {
        return BUILDS.get();
    }

    /**
     * {@value #CACHED_DECISIONS} when the Spark configuration (or, before Spark has started, a system property) sets
     * it, else as the {@code population} command sizes it: one decision per 10 KiB of the heap, at least the engine's
     * default and at most 100,000, so that a register's tens of thousands of distinct combinations of the facts the
     * rules read fit.
     */
    private static int cachedDecisions() {
        long byHeap = Runtime.getRuntime().maxMemory() / (10 * 1024);
        int fallback = (int) Math.max(Nuanxin.DEFAULT_CACHED_DECISIONS, Math.min(100_000, byHeap));
        SparkEnv env = SparkEnv.get();
        if (env != null) {
            return env.conf().getInt(CACHED_DECISIONS, fallback);
        }
        return Integer.getInteger(CACHED_DECISIONS, fallback);
    }
}
