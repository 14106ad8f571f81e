package org.nuanxin.region.qingdao;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.nuanxin.testing.ScenarioSuite;

/** Every scenario file of the Qingdao module, one test per case. */
class QingdaoScenariosTest {

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return ScenarioSuite.dynamicTests(Path.of("src/test/resources/scenarios"));
    }
}
