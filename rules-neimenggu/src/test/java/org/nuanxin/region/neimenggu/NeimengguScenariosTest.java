package org.nuanxin.region.neimenggu;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.nuanxin.testing.ScenarioSuite;

/** Every scenario file of the Inner Mongolia module, one test per case. */
class NeimengguScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return ScenarioSuite.dynamicTests(Path.of("src/test/resources/scenarios"));
    }
}
