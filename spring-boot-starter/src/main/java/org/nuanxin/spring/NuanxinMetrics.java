package org.nuanxin.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.ReloadResult;

/**
 * Micrometer meters for the engine, fed by its {@link Nuanxin.Listener}:
 *
 * <ul>
 *   <li>{@value #ASSESSMENTS} (timer, tag {@code region}): each assessment and how long it took;
 *   <li>{@value #DECISIONS} (counter, tags {@code region} and {@code status}): the benefit decisions those
 *       assessments made, by {@link org.nuanxin.Status};
 *   <li>{@value #RELOADS} (counter, tags {@code region} and {@code outcome}, {@code promoted} or {@code
 *       rejected}): reloads of a region's rules.
 * </ul>
 *
 * <p>Tags carry the region and the benefit status only, never anything about the worker.
 */
public class NuanxinMetrics implements Nuanxin.Listener {

    /** Timer of assessments. */
    public static final String ASSESSMENTS = "nuanxin.assessments";

    /** Counter of benefit decisions. */
    public static final String DECISIONS = "nuanxin.decisions";

    /** Counter of reloads. */
    public static final String RELOADS = "nuanxin.reloads";

    private final MeterRegistry registry;

    /** Meters registered in the given registry. */
    public NuanxinMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void assessed(String region, Assessment assessment, long nanos) {
        Timer.builder(ASSESSMENTS)
                .description("Assessments of a worker's situation, and how long they took")
                .tag("region", region)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        for (Decision d : assessment.decisions()) {
            Counter.builder(DECISIONS)
                    .description("Benefit decisions made by assessments, by status")
                    .tag("region", region)
                    .tag("status", d.status().name())
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void reloaded(ReloadResult result) {
        Counter.builder(RELOADS)
                .description("Reloads of a region's rules, promoted or rejected")
                .tag("region", result.region())
                .tag("outcome", result.promoted() ? "promoted" : "rejected")
                .register(registry)
                .increment();
    }
}
