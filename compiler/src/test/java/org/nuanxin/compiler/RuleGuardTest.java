package org.nuanxin.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nuanxin.RuleProblem;
import org.nuanxin.TestRegions;

class RuleGuardTest {

    private static final Path HOSTILE = Path.of("src/test/resources/hostile");

    private static String testland() throws IOException {
        return Files.readString(TestRegions.TESTLAND.resolve("rules.drl"));
    }

    @Test
    void theTestRegionsRulesAreAccepted() throws IOException {
        assertEquals(List.of(), RuleGuard.check("rules.drl", testland()));
    }

    @Test
    void problemsPointAtTheAuthorsLineAndColumn() throws IOException {
        String text = testland().replace("verdict.check(Truth.TRUE);", "System.exit(0);");
        List<RuleProblem> problems = RuleGuard.check("rules.drl", text);
        assertEquals(1, problems.size(), problems::toString); // System, which is not in the vocabulary
        RuleProblem p = problems.get(0);
        String[] lines = text.split("\n", -1);
        assertTrue(lines[p.line() - 1].contains("System.exit"), p::toString);
        assertEquals(lines[p.line() - 1].indexOf("System") + 1, p.column());
        assertTrue(
                p.toString()
                        .startsWith("rules.drl:" + p.line() + ":" + p.column() + ": error: rule \"service\": guard:"),
                p::toString);
    }

    @Test
    void problemsDeepInAConsequenceOrAnEvalPointAtTheirOwnLineAndColumn() throws IOException {
        String text = testland()
                .replace(
                        "    verdict.check(Truth.TRUE);\n",
                        "    verdict.check(Truth.TRUE);\n    Truth t = Truth.TRUE;\n      t.toString();\n")
                .replaceFirst(
                        "    Profile\\(\\)\n",
                        "    Profile()\n    eval( true &&\n        params.toString() != null )\n");
        String[] lines = text.split("\n", -1);
        List<RuleProblem> problems = RuleGuard.check("rules.drl", text);
        assertEquals(2, problems.size(), problems::toString);
        for (RuleProblem p : problems) {
            String line = lines[p.line() - 1];
            int at = line.contains("t.toString()") ? line.indexOf("t.toString()") : line.indexOf("params.toString()");
            assertTrue(at >= 0, () -> p + " points at: " + line);
            assertEquals(at + 1, p.column(), p::toString);
        }
    }

    @Test
    void aGlobalMayNotTakeANameDroolsGivesTheConsequence() throws IOException {
        String text = testland()
                .replace(
                        "package org.nuanxin.test.testland;",
                        "package org.nuanxin.test.testland;\nglobal org.nuanxin.rules.Params kcontext;");
        assertTrue(text.contains("kcontext"), "the global is in the file");
        List<RuleProblem> problems = RuleGuard.check("rules.drl", text);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("'kcontext'"), problems::toString);
    }

    @Test
    void commentsAndStringsMayMentionAnything() throws IOException {
        String text = testland().replace("@clause(\"服务\")", "@clause(\"System.exit is not called here\")")
                + "\n// Runtime.getRuntime().exec(\"rm\") in a comment is harmless\n";
        assertEquals(List.of(), RuleGuard.check("rules.drl", text));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileSnippetIsRejected() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(HOSTILE)) {
            files = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "at least 30 hostile snippets, found " + files.size());
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    List<RuleProblem> problems = RuleGuard.check(f.getFileName().toString(), Files.readString(f));
                    assertFalse(problems.isEmpty(), "the guard let " + f.getFileName() + " through");
                    assertTrue(problems.stream().allMatch(p -> p.line() > 0), problems::toString);
                }));
    }
}
