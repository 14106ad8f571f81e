package org.nuanxin.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Status;
import org.nuanxin.UnknownRegionException;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Worker;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration, run in small application contexts with the Xi'an region jar on the classpath. */
class NuanxinAutoConfigurationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);
    private static final Worker COURIER = Worker.builder()
            .occupation(Occupation.COURIER)
            .newEmploymentForm(true)
            .workCity("xian")
            .hukouProvince("henan")
            .build();
    /** The Xi'an rule folder in the source tree (Maven runs the tests in this module's folder). */
    private static final Path XIAN_FOLDER = Path.of("../rules-xian/src/main/resources/org/nuanxin/region/xian");

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NuanxinAutoConfiguration.class));

    @Test
    void theEngineIsThereAndAssesses() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Nuanxin.class);
            Nuanxin nuanxin = context.getBean(Nuanxin.class);
            assertThat(nuanxin.regionIds()).contains("xian");
            Assessment a = nuanxin.assess("xian", COURIER, AS_OF);
            assertThat(a.decisions()).isNotEmpty();
            assertThat(a.withStatus(Status.ELIGIBLE)).isNotEmpty();
        });
    }

    @Test
    void propertiesChooseTheRegionsAndOptions() {
        runner.withPropertyValues(
                        "nuanxin.regions=xian",
                        "nuanxin.rule-folders=" + XIAN_FOLDER,
                        "nuanxin.cached-decisions=0",
                        "nuanxin.max-firings=500")
                .run(context -> {
                    NuanxinProperties p = context.getBean(NuanxinProperties.class);
                    assertThat(p.getRegions()).containsExactly("xian");
                    assertThat(p.getRuleFolders()).containsExactly(XIAN_FOLDER);
                    assertThat(p.getCachedDecisions()).isZero();
                    assertThat(p.getMaxFirings()).isEqualTo(500);
                    Nuanxin nuanxin = context.getBean(Nuanxin.class);
                    assertThat(nuanxin.regionIds()).containsExactly("xian");
                    assertThat(nuanxin.assess("xian", COURIER, AS_OF).decisions())
                            .isNotEmpty();
                });
    }

    @Test
    void anEngineOfTheApplicationWins() {
        Nuanxin mine = Nuanxin.builder().regions("xian").cachedDecisions(0).build();
        runner.withBean("mine", Nuanxin.class, () -> mine).run(context -> {
            assertThat(context).hasSingleBean(Nuanxin.class);
            assertThat(context.getBean(Nuanxin.class)).isSameAs(mine);
        });
    }

    @Test
    void assessmentsAndReloadsAreMetered() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(NuanxinMetrics.class);
            Nuanxin nuanxin = context.getBean(Nuanxin.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Assessment a = nuanxin.assess("xian", COURIER, AS_OF);

            assertThat(registry.get(NuanxinMetrics.ASSESSMENTS)
                            .tag("region", "xian")
                            .timer()
                            .count())
                    .isEqualTo(1);
            for (Status s : Status.values()) {
                long made = a.decisions().stream()
                        .map(Decision::status)
                        .filter(s::equals)
                        .count();
                double counted =
                        registry
                                .find(NuanxinMetrics.DECISIONS)
                                .tags("region", "xian", "status", s.name())
                                .counters()
                                .stream()
                                .mapToDouble(c -> c.count())
                                .sum();
                assertThat(counted).as(s.name()).isEqualTo((double) made);
            }
            // only region and status: nothing about the worker
            registry.getMeters()
                    .forEach(m -> assertThat(m.getId().getTags())
                            .allSatisfy(t -> assertThat(t.getKey()).isIn("region", "status", "outcome")));

            nuanxin.reload(Path.of("no-such-folder"), List.of());
            assertThat(registry.get(NuanxinMetrics.RELOADS)
                            .tag("outcome", "rejected")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void noMetricsWithoutARegistryOrWithoutMicrometer() {
        runner.run(context -> assertThat(context).doesNotHaveBean(NuanxinMetrics.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(NuanxinMetrics.class));
    }

    @Test
    void healthListsEachRegionWithItsVersion() {
        runner.run(context -> {
            Nuanxin nuanxin = context.getBean(Nuanxin.class);
            Health health = context.getBean(NuanxinHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
            assertThat(health.getDetails())
                    .containsEntry(
                            "regions", Map.of("xian", nuanxin.region("xian").ruleSetVersion()));
        });
    }

    @Test
    void noHealthIndicatorWithoutActuatorOrWhenDisabled() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean("nuanxinHealthIndicator"));
        runner.withPropertyValues("management.health.nuanxin.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(NuanxinHealthIndicator.class));
    }

    @Test
    void anUnknownRegionFailsTheStartWithTheEnginesMessage() {
        runner.withPropertyValues("nuanxin.regions=xian,atlantis").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(UnknownRegionException.class)
                    .hasMessageContaining("unknown region 'atlantis'; known regions: xian");
        });
    }
}
