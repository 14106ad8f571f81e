package org.nuanxin.region.xian;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.nuanxin.testing.ScenarioSuite;

/** Every scenario file of the Xi'an module, one test per case. */
class XianScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return ScenarioSuite.dynamicTests(Path.of("src/test/resources/scenarios"));
    }
}
