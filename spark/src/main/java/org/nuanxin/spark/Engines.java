package org.nuanxin.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkEnv;
import org.nuanxin.Nuanxin;

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
