package org.nuanxin.slim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;
import org.nuanxin.RuleBuildException;
import org.nuanxin.spi.RuleCompiler;
import org.nuanxin.testing.ScenarioSuite;

/**
 * A host with the five region jars and nothing else: their rules were compiled when the jars were built,
 * so the runtime loads them without a DRL compiler, and decides every scenario of every region's suite as
 * the region modules' own tests (which run with the compiler) do.
 */
class SlimHostTest {

    /** What only compiling DRL needs: none of it may be on a slim host's classpath. */
    static final List<String> COMPILE_ONLY = List.of(
            "org.nuanxin.compiler.DrlCompiler", // nuanxin-compiler
            "org.drools.compiler.builder.impl.KnowledgeBuilderImpl", // drools-compiler
            "org.drools.drl.parser.DrlParser", // drools-drl-parser
            "org.drools.model.codegen.execmodel.PackageModel", // drools-model-codegen
            "org.drools.core.impl.InternalRuleBase", // drools-core: no Rete network either
            "org.kie.api.KieBase", // kie-api
            "org.eclipse.jdt.internal.compiler.Compiler", // ecj
            "com.github.javaparser.JavaParser", // javaparser-core
            "org.antlr.v4.runtime.Lexer", // antlr4-runtime
            "org.antlr.runtime.Lexer", // antlr-runtime 3
            "org.drools.mvel.parser.MvelParser"); // drools-mvel-parser

    @Test
    void nothingThatCompilesDrlIsOnTheClasspath() {
        for (String name : COMPILE_ONLY) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(name), name + " is on the classpath");
        }
        assertTrue(ServiceLoader.load(RuleCompiler.class).findFirst().isEmpty());
        List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString())
                .filter(n -> n.matches("(?i).*(ecj|javaparser|antlr|mvel|drools-compiler|drools-core|kie-api).*"))
                .toList();
        assertEquals(List.of(), jars);
    }

    @Test
    void theFiveRegionsLoadPrecompiled() {
        Nuanxin engine = ScenarioSuite.engine();
        assertEquals(
                List.of("neimenggu", "qingdao", "xian", "xinjiang", "zhejiang"),
                engine.regions().stream().map(Region::id).sorted().toList());
        for (Region r : engine.regions()) {
            assertTrue(r.precompiled(), r.id() + " was compiled at run time");
        }
    }

    /** Every scenario of every region, on this classpath. */
    @TestFactory
    Stream<DynamicNode> everyScenarioOfEveryRegion() throws IOException {
        List<Path> suites;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            suites = modules.filter(m -> m.getFileName().toString().startsWith("rules-"))
                    .map(m -> m.resolve("src/test/resources/scenarios"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        }
        assertEquals(5, suites.size(), suites::toString);
        return suites.stream()
                .map(s -> org.junit.jupiter.api.DynamicContainer.dynamicContainer(
                        s.getParent().getParent().getParent().getFileName().toString(), ScenarioSuite.dynamicTests(s)));
    }

    /** A rule folder needs the compiler; without it, the host is told what to add. */
    @Test
    void aRuleFolderSaysWhatToAdd(@TempDir Path dir) throws IOException {
        Path folder = Path.of("../rules-xian/src/main/resources/org/nuanxin/region/xian");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        RuleBuildException e = assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(dir).build());
        assertTrue(e.problems().get(0).message().contains("org.nuanxin:nuanxin-compiler"), e::getMessage);
    }
}
