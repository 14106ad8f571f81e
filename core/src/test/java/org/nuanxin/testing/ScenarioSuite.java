package org.nuanxin.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.nuanxin.Nuanxin;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;

/**
 * Turns a folder of scenario files into JUnit dynamic tests: one container per file, one test per
 * case. A region module's whole scenario test is
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return ScenarioSuite.dynamicTests(Path.of("src/test/resources/scenarios"));
 * }
 * }</pre>
 */
public final class ScenarioSuite {

    private static final class Holder {
        static final Nuanxin ENGINE = Nuanxin.builder().build();
    }

    private ScenarioSuite() {}

    /** The engine of every region on the test classpath, built once per JVM. */
    public static Nuanxin engine() {
        return Holder.ENGINE;
    }

    /** The decision on {@code code} for a worker with no events or claims, by the shared engine. */
    public static org.nuanxin.Decision decide(
            String region, org.nuanxin.model.Worker worker, java.time.LocalDate asOf, String code) {
        return engine().assess(region, worker, asOf).decision(code).orElseThrow();
    }

    /** The English sentences of a decision's reasons, one per line. */
    public static String reasonsEn(org.nuanxin.Decision d) {
        return d.reasons().stream().map(org.nuanxin.Reason::textEn).collect(Collectors.joining("\n"));
    }

    /** The Chinese sentences of a decision's reasons, one per line. */
    public static String reasonsZh(org.nuanxin.Decision d) {
        return d.reasons().stream().map(org.nuanxin.Reason::textZh).collect(Collectors.joining("\n"));
    }

    /** One container per scenario file under {@code folder}, one test per case. */
    public static Stream<DynamicNode> dynamicTests(Path folder) {
        ScenarioRunner runner = new ScenarioRunner(engine());
        List<Path> files = ScenarioRunner.files(List.of(folder));
        if (files.isEmpty()) {
            throw new AssertionError("no scenario files under " + folder);
        }
        return files.stream().map(f -> {
            ScenarioFile file = ScenarioFile.read(f);
            runner.check(file);
            return DynamicContainer.dynamicContainer(
                    f.getFileName().toString(),
                    f.toUri(),
                    file.cases().stream()
                            .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                                ScenarioRunner.CaseResult r = runner.run(c);
                                if (!r.passed()) {
                                    throw new AssertionError(c + "\n"
                                            + r.mismatches().stream()
                                                    .map(m -> "  " + m + "\n"
                                                            + m.reasons().stream()
                                                                    .map(x -> "    " + x)
                                                                    .collect(Collectors.joining("\n")))
                                                    .collect(Collectors.joining("\n")));
                                }
                            })));
        });
    }
}
