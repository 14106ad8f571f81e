package org.nuanxin.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.RuleProblem;
import org.nuanxin.RuleProblem.Severity;
import org.nuanxin.TestRegions;
import org.nuanxin.compiler.DrlOutline;

class RuleLinterTest {

    @TempDir
    Path dir;

    private LintReport lint(String file, UnaryOperator<String> edit) {
        return RuleLinter.lint(TestRegions.copy(dir, file, edit));
    }

    private static RuleProblem only(LintReport r, Severity severity) {
        List<RuleProblem> ps =
                r.problems().stream().filter(p -> p.severity() == severity).toList();
        assertEquals(1, ps.size(), r.problems()::toString);
        return ps.get(0);
    }

    @Test
    void theTestRegionIsClean() {
        LintReport r = RuleLinter.lint(TestRegions.TESTLAND);
        assertEquals(List.of(), r.problems());
        assertFalse(r.hasErrors());
    }

    @Test
    void ruleWithoutCitationIsAnErrorAtTheRulesLine() throws Exception {
        RuleProblem p = only(lint("rules.drl", t -> t.replace("@clause(\"按医保类型\")", "")), Severity.ERROR);
        assertEquals("rules.drl", p.file());
        assertEquals("stay amount", p.rule());
        int line = lineOf("rule \"stay amount\"");
        assertEquals(line, p.line(), p::toString);
        assertTrue(
                p.toString()
                        .startsWith("rules.drl:" + line + ":0: error: rule \"stay amount\": missing metadata @clause"),
                p::toString);
    }

    @Test
    void aSourceKeyTheFolderDoesNotDeclareIsAnErrorAtTheRulesLine() throws Exception {
        RuleProblem p = only(
                lint("rules.drl", t -> t.replaceFirst("@source\\(\"TEST-1\"\\)", "@source(\"TEST-2099\")")),
                Severity.ERROR);
        assertEquals("rules.drl", p.file());
        assertTrue(p.line() > 0, p::toString);
        assertTrue(
                p.message().contains("cites source TEST-2099, which region.yaml does not declare (its source: TEST-1)"),
                p::toString);
    }

    @Test
    void aSourceKeyDeclaredInRegionYamlIsAccepted() throws Exception {
        Path copy = TestRegions.copy(
                dir, "rules.drl", t -> t.replaceFirst("@source\\(\"TEST-1\"\\)", "@source(\"TEST-2\")"));
        edit(copy.resolve("region.yaml"), t -> t.replace("source: TEST-1", "source: TEST-1\nsources: [TEST-2]"));
        assertEquals(List.of(), RuleLinter.lint(copy).problems());
    }

    @Test
    void aBenefitsSourceTheFolderDoesNotDeclareIsAnError() {
        Path copy = TestRegions.copy(
                dir, "benefits.yaml", t -> t.replace("clause: 服务条款}", "clause: 服务条款, source: TEST-9}"));
        RuleProblem p = only(RuleLinter.lint(copy), Severity.ERROR);
        assertEquals("benefits.yaml", p.file());
        assertTrue(p.message().contains("cites source TEST-9"), p::toString);
    }

    @Test
    void aLimitFromThatIsNotADateParameterIsAnErrorAtItsLine() {
        Path copy = TestRegions.copy(
                dir,
                "benefits.yaml",
                t -> t.replace("clause: 服务条款}", "clause: 服务条款, limit: once_since, limit_from: no.such.date}"));
        RuleProblem p = only(RuleLinter.lint(copy), Severity.ERROR);
        assertEquals("benefits.yaml", p.file());
        assertTrue(p.message().contains("names parameter 'no.such.date'"), p::toString);
    }

    @Test
    void onceInProgrammeWithoutAProgrammePeriodIsAnError() {
        Path copy = TestRegions.copy(
                dir, "benefits.yaml", t -> t.replace("clause: 服务条款}", "clause: 服务条款, limit: once_in_programme}"));
        // the test region has no programme.start or programme.end
        RuleProblem p = RuleLinter.lint(copy).problems().stream()
                .filter(x -> x.file().equals("benefits.yaml"))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError(RuleLinter.lint(copy).problems().toString()));
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(p.message().contains("needs the date parameter programme.start"), p::toString);
    }

    @Test
    void ruleFoldersAreFoundBelowAModuleRootButNotInBuildOutput() throws Exception {
        Path module = dir.resolve("rules-test");
        Path a = module.resolve("src/main/resources/org/example/a");
        Path b = module.resolve("src/main/resources/org/example/b");
        Path built = module.resolve("target/classes/org/example/a");
        for (Path p : List.of(a, b, built)) {
            java.nio.file.Files.createDirectories(p);
            java.nio.file.Files.writeString(p.resolve("region.yaml"), "id: x\n");
        }
        assertEquals(List.of(a, b), RuleLinter.ruleFolders(module));
        assertEquals(List.of(a), RuleLinter.ruleFolders(a), "a rule folder is itself");
        java.nio.file.Files.createDirectories(dir.resolve("empty/deeper"));
        org.nuanxin.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.nuanxin.InvalidInputException.class, () -> RuleLinter.ruleFolders(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("holds no rule folder"), e::getMessage);
    }

    private static void edit(Path file, UnaryOperator<String> change) throws java.io.IOException {
        java.nio.file.Files.writeString(file, change.apply(java.nio.file.Files.readString(file)));
    }

    private static int lineOf(String text) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(TestRegions.TESTLAND.resolve("rules.drl"));
        return lines.indexOf(text) + 1;
    }

    @Test
    void benefitCodeOutsideTheCatalogueIsAnError() {
        LintReport r = lint("rules.drl", t -> t.replace("@benefit(\"TEST_SERVICE\")", "@benefit(\"TEST_SERVIS\")"));
        assertTrue(
                r.problems().stream()
                        .anyMatch(p ->
                                p.message().contains("TEST_SERVIS") && p.rule().equals("service")),
                r.problems()::toString);
    }

    @Test
    void catalogueBenefitNoRuleDecidesIsAnErrorAtItsLine() {
        LintReport r = lint(
                "benefits.yaml",
                t -> t + "  - {code: TEST_ORPHAN, name_zh: 孤, name_en: Orphan, kind: SERVICE, clause: x}\n");
        RuleProblem p = only(r, Severity.ERROR);
        assertEquals("benefits.yaml", p.file());
        assertEquals(5, p.line());
    }

    @Test
    void parameterNoRuleReadsIsAWarning() {
        LintReport r =
                lint("parameters.yaml", t -> t + "spare: {type: integer, values: {2025-01-01: 3}, source: TEST-1}\n");
        RuleProblem p = only(r, Severity.WARNING);
        assertEquals("parameters.yaml", p.file());
        assertEquals(10, p.line());
        assertFalse(r.hasErrors());
        assertEquals(
                List.of(),
                lint(
                                "parameters.yaml",
                                t -> t
                                        + "spare: {type: integer, values: {2025-01-01: 3}, source: TEST-1, used_by: quota report}\n")
                        .problems());
    }

    @Test
    void drlThatWillNotParseAtDrl10IsAnError() throws java.io.IOException {
        // a half-constraint: deprecated in DRL6 (it compiles), a syntax error in DRL10
        UnaryOperator<String> halfConstraint = t -> t.replace(
                        "package org.nuanxin.test.testland;",
                        "package org.nuanxin.test.testland;\nimport java.time.LocalDate;")
                .replace(
                        "    Profile()\n    not Stay()",
                        "    Profile()\n    LocalDate( year > 2000 && < 3000 ) from ctx.asOf()\n    not Stay()");
        String text = halfConstraint.apply(java.nio.file.Files.readString(TestRegions.TESTLAND.resolve("rules.drl")));
        assertTrue(DrlOutline.ofDrl10("rules.drl", text).errors().stream()
                .anyMatch(p -> p.message().contains("DRL10") && p.line() > 0));
        // lint reports it too; the guard, which refuses constraints and 'from', already stops it at its line
        LintReport r = lint("rules.drl", halfConstraint);
        assertTrue(r.hasErrors());
        assertTrue(
                r.problems().stream()
                        .anyMatch(p -> p.line() == 66 && p.message().startsWith("guard:")),
                r.problems()::toString);
    }

    @Test
    void syntaxErrorsPointAtTheAuthorsLine() {
        LintReport r = lint("rules.drl", t -> t.replace("    not Stay()\n", "    not Stay( \n"));
        assertTrue(r.hasErrors());
        assertTrue(
                r.problems().stream().allMatch(p -> p.file().equals("rules.drl") && p.line() >= 61 && p.line() <= 71),
                r.problems()::toString);
    }

    @Test
    void guardViolationsAreReportedWithoutCompiling() {
        LintReport r =
                lint("rules.drl", t -> t.replace("verdict.check(Truth.TRUE);", "Runtime.getRuntime().exec(\"x\");"));
        assertTrue(r.problems().stream().allMatch(p -> p.message().startsWith("guard:")), r.problems()::toString);
        assertTrue(r.hasErrors());
    }

    @Test
    void aParameterKeyThatIsNotDefinedIsAnErrorAtItsUse() {
        LintReport r = lint("rules.drl", t -> t.replace("params.money(\"cap\")", "params.money(\"cpa\")"));
        RuleProblem p = only(r, Severity.ERROR);
        assertTrue(p.message().contains("'cpa'"), p::toString);
        assertTrue(p.line() > 0 && p.column() > 0, p::toString);
    }

    @Test
    void aMissingFileIsOneLocatedError() {
        LintReport r = RuleLinter.lint(dir.resolve("nowhere"));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).file().endsWith("region.yaml"));
    }
}
