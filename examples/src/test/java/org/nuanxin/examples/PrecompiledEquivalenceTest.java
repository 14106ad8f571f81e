package org.nuanxin.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nuanxin.Nuanxin;
import org.nuanxin.scenario.ScenarioCase;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;
import org.nuanxin.testing.ScenarioSuite;

/**
 * The bundled rules (compiled into Drools' executable model at build time by kie-maven-plugin) and
 * the same DRL compiled into the executable model at run time from its folder give identical
 * assessments on every scenario case of the region: statuses, amounts, missing fields, reasons and
 * their order, and the rule-set version. (The reliability module compares them on 10,000 generated
 * workers too.)
 */
class PrecompiledEquivalenceTest {

    /** Every region on the classpath, as the engine discovers them. */
    private static final List<String> REGIONS = Nuanxin.builder().build().regionIds();

    @TestFactory
    Stream<DynamicTest> bothPathsDecideAlike() {
        Nuanxin bundled = ScenarioSuite.engine();
        return REGIONS.stream()
                .map(region -> DynamicTest.dynamicTest(region, () -> {
                    Path folder = Path.of("..", "rules-" + region, "src/main/resources/org/nuanxin/region", region);
                    Path scenarios = Path.of("..", "rules-" + region, "src/test/resources/scenarios");
                    assertTrue(Files.isDirectory(folder), folder::toString);
                    Nuanxin fromDrl = Nuanxin.builder()
                            .noClasspathRegions()
                            .ruleFolder(folder)
                            .build();
                    assertEquals(
                            bundled.region(region).ruleSetVersion(),
                            fromDrl.region(region).ruleSetVersion(),
                            "the jar's DRL is the source folder's DRL");
                    assertTrue(bundled.region(region).precompiled(), "the bundled rules come precompiled");
                    assertTrue(!fromDrl.region(region).precompiled(), "the folder's rules are compiled from DRL");
                    int cases = 0;
                    for (ScenarioFile file : ScenarioRunner.readAll(List.of(scenarios))) {
                        for (ScenarioCase c : file.cases()) {
                            assertEquals(
                                    fromDrl.assess(region, c.situation(), c.asOf()),
                                    bundled.assess(region, c.situation(), c.asOf()),
                                    c::toString);
                            cases++;
                        }
                    }
                    assertTrue(cases >= 20, region + " has " + cases + " cases");
                }));
    }
}
