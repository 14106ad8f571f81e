package org.nuanxin.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Actuator health of the engine: UP, with the regions it serves and the rule-set version each serves now
 * (a reload changes it), e.g. {@code "regions": {"xian": "1a2b3c4d5e6f"}}.
 */
public class NuanxinHealthIndicator implements HealthIndicator {

    private final Nuanxin nuanxin;

    /** Health of the given engine. */
    public NuanxinHealthIndicator(Nuanxin nuanxin) {
        this.nuanxin = nuanxin;
    }

    @Override
    public Health health() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Region r : nuanxin.regions()) {
            versions.put(r.id(), r.ruleSetVersion());
        }
        return Health.up().withDetail("regions", versions).build();
    }
}
