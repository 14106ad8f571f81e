package org.nuanxin.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nuanxin.Benefit;
import org.nuanxin.internal.Declarations;
import org.nuanxin.internal.DrlSource;
import org.nuanxin.internal.RegionData;
import org.nuanxin.spi.RuleFiles;

/**
 * The runtime finds where each rule of a precompiled jar is declared without a DRL parser
 * ({@link DrlSource#ruleLines()}); here, with the parser, it must find the same for every rule file of
 * the repository, and for shapes a hand-made scan could get wrong.
 */
class RuleLinesTest {

    @Test
    void agreesWithTheParserOnEveryRuleFile() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(".."), 10)) {
            files = walk.filter(p -> p.toString().endsWith(".drl"))
                    .filter(p -> p.toString().contains("src" + java.io.File.separator + "main")
                            || p.toString().contains("testland"))
                    .filter(p -> !p.toString().contains("target"))
                    .toList();
        }
        assertTrue(files.size() >= 15, "rule files found: " + files);
        int rules = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            Map<String, Integer> parsed = DrlOutline.of(f.toString(), text).ruleLines();
            assertTrue(DrlOutline.of(f.toString(), text).errors().isEmpty(), f.toString());
            assertEquals(parsed, new DrlSource(text).ruleLines(), f.toString());
            rules += parsed.size();
        }
        assertTrue(rules >= 60, "rules compared: " + rules);
    }

    /** The catalogue's declared criteria, which the engine writes as DRL of its own after the rule files. */
    @Test
    void agreesOnTheDeclaredCriteria() throws IOException {
        int rules = 0;
        try (Stream<Path> regions = Files.list(Path.of(".."))) {
            for (Path module : regions.filter(p -> p.getFileName().toString().startsWith("rules-"))
                    .toList()) {
                try (Stream<Path> folders = Files.list(module.resolve("src/main/resources/org/nuanxin/region"))) {
                    for (Path folder : folders.toList()) {
                        RuleFiles files = RuleFiles.fromDirectory(folder);
                        List<Benefit> benefits = RegionData.read(files).benefits();
                        if (Declarations.any(benefits)) {
                            String drl = Declarations.drl("p", benefits);
                            Map<String, Integer> parsed =
                                    DrlOutline.of("declared.drl", drl).ruleLines();
                            assertEquals(parsed, new DrlSource(drl).ruleLines(), folder.toString());
                            rules += parsed.size();
                        }
                    }
                }
            }
        }
        assertTrue(rules > 0, "declared criteria compared: " + rules);
    }

    @Test
    void agreesOnAwkwardShapes() {
        String drl = """
                package p;
                // rule "in a comment"
                /* rule "in a block comment"
                */
                rule "one" @zh("rule \\"quoted\\" in metadata") when
                    eval(true)
                then
                end rule two when eval(true) then end
                rule   "三 three"
                  when eval(true)
                  then end
                """;
        assertEquals(DrlOutline.of("p.drl", drl).ruleLines(), new DrlSource(drl).ruleLines());
        assertEquals(
                List.of("one", "two", "三 three"),
                List.copyOf(new DrlSource(drl).ruleLines().keySet()));
    }
}
