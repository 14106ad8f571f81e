package org.nuanxin.spring;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.nuanxin.Assessment;
import org.nuanxin.Nuanxin;
import org.nuanxin.ReloadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures one shared {@link Nuanxin} engine from {@link NuanxinProperties} ({@code nuanxin.*}), unless
 * the application defines its own. Every {@link Nuanxin.Listener} bean is told of its assessments and
 * reloads; with Micrometer and a {@link MeterRegistry} there is one, {@link NuanxinMetrics}. With Actuator's
 * health support there is a {@link NuanxinHealthIndicator} ({@code management.health.nuanxin.enabled}).
 *
 * <p>An engine the application defines itself gets no listeners from here: it passes its own to {@link
 * Nuanxin.Builder#listener}, e.g. a {@link NuanxinMetrics}.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(NuanxinProperties.class)
public class NuanxinAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NuanxinAutoConfiguration.class);

    /**
     * The engine, with the regions, folders and options of the properties.
     *
     * @throws org.nuanxin.UnknownRegionException when a region named in {@code nuanxin.regions} is not found
     * @throws org.nuanxin.RuleBuildException when a region's rules do not build
     */
    @Bean
    @ConditionalOnMissingBean
    public Nuanxin nuanxin(NuanxinProperties properties, ObjectProvider<Nuanxin.Listener> listeners) {
        Nuanxin.Builder builder = Nuanxin.builder()
                .cachedDecisions(properties.getCachedDecisions())
                .maxFiringsPerAssessment(properties.getMaxFirings());
        if (!properties.getRegions().isEmpty()) {
            builder.regions(properties.getRegions().toArray(String[]::new));
        }
        for (Path folder : properties.getRuleFolders()) {
            builder.ruleFolder(folder);
        }
        List<Nuanxin.Listener> all = listeners.orderedStream().toList();
        if (!all.isEmpty()) {
            builder.listener(new Listeners(all));
        }
        return builder.build();
    }

    /** Several listeners told in order; one that throws does not keep the others from hearing. */
    private record Listeners(List<Nuanxin.Listener> all) implements Nuanxin.Listener {

        @Override
        public void assessed(String region, Assessment assessment, long nanos) {
            for (Nuanxin.Listener l : all) {
                try {
                    l.assessed(region, assessment, nanos);
                } catch (RuntimeException e) {
                    // the engine would log and ignore it too, but silence the listeners after it
                    LOG.warn("Nuanxin listener {} failed on an assessment of region {}; ignored", l, region, e);
                }
            }
        }

        @Override
        public void reloaded(ReloadResult result) {
            for (Nuanxin.Listener l : all) {
                try {
                    l.reloaded(result);
                } catch (RuntimeException e) {
                    LOG.warn("Nuanxin listener {} failed on a reload of region {}; ignored", l, result.region(), e);
                }
            }
        }
    }

    /** Micrometer meters, when Micrometer is on the classpath and the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnBean(MeterRegistry.class)
        @ConditionalOnMissingBean
        NuanxinMetrics nuanxinMetrics(MeterRegistry registry) {
            return new NuanxinMetrics(registry);
        }
    }

    /** The health indicator, when Actuator's health support is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthSupport {

        @Bean
        @ConditionalOnMissingBean(name = "nuanxinHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("nuanxin")
        NuanxinHealthIndicator nuanxinHealthIndicator(Nuanxin nuanxin) {
            return new NuanxinHealthIndicator(nuanxin);
        }
    }
}
