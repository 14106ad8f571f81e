package org.nuanxin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Reason;
import org.nuanxin.RuleBuildException;
import org.nuanxin.Status;
import org.nuanxin.TestRegions;
import org.nuanxin.authoring.RuleLinter;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Situation;
import org.nuanxin.model.Worker;

/**
 * What a benefit's catalogue entry declares instead of a rule — what it gives ({@code about_zh}),
 * {@code serves: everyone}, {@code limit:} — decides and explains as the rules it replaces; rule files
 * need no imports or globals (the prelude); and the linter holds authors to one vocabulary
 * expression per rule, with no codes or figures written in rules.
 */
class DeclarationsTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final Worker WORKER =
            Worker.builder().newEmploymentForm(true).workCity("xian").build();

    private static Path declaring(Path dir, String declarations) {
        return TestRegions.copy(
                dir,
                "benefits.yaml",
                t -> t.replace(
                        "{code: TEST_SERVICE, name_zh: 服务, name_en: A service, kind: SERVICE, clause: 服务条款}",
                        "{code: TEST_SERVICE, name_zh: 服务, name_en: A service, kind: SERVICE, clause: 服务条款, "
                                + declarations + "}"));
    }

    private static Decision service(Nuanxin engine, List<Claim> claims) {
        return engine.assess("testland", new Situation(WORKER, List.of(), claims), AS_OF)
                .decision("TEST_SERVICE")
                .orElseThrow();
    }

    @Test
    void onceAYearRefusesASecondGrantInTheAssessmentYearAndSaysSo(@TempDir Path dir) {
        Nuanxin engine = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(declaring(dir, "limit: once_a_year"))
                .build();
        assertEquals(
                Status.ELIGIBLE,
                service(engine, List.of(new Claim("TEST_SERVICE", LocalDate.of(2024, 12, 31))))
                        .status());
        Decision again = service(engine, List.of(new Claim("TEST_SERVICE", LocalDate.of(2025, 1, 2))));
        assertEquals(Status.NOT_ELIGIBLE, again.status());
        Reason r = again.reasons().get(0);
        assertEquals("服务：每年一次", r.rule());
        assertEquals(Reason.Outcome.NOT_MET, r.outcome());
        assertEquals("今年（2025年）已享受过服务，每年一次", r.textZh());
        assertEquals("already granted this year (2025): A service is once a year", r.textEn());
        assertEquals("服务条款", r.clause(), "a declared criterion cites the benefit's clause");
    }

    @Test
    void whatABenefitGivesIsAReasonOfItsDecision(@TempDir Path dir) {
        Nuanxin engine = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(declaring(dir, "about_zh: 每月一次上门服务, about_en: a home visit every month"))
                .build();
        Decision d = service(engine, List.of());
        assertEquals(Status.ELIGIBLE, d.status());
        Reason about = d.reasons().stream()
                .filter(r -> r.rule().equals("服务：说明"))
                .findFirst()
                .orElseThrow();
        assertEquals("符合：每月一次上门服务", about.textZh());
        assertEquals("Met: a home visit every month", about.textEn());
        assertEquals("每月一次上门服务", engine.region("testland").benefits().get(0).aboutZh());
    }

    @Test
    void aMistakenDeclarationIsRefusedAtItsLine(@TempDir Path dir) {
        for (String bad : List.of(
                "limit: twice_a_year", "limit: once_since", "limit_from: start", "about_zh: 只有中文", "serves: some")) {
            Path folder = declaring(mkdir(dir.resolve(bad.replaceAll("\\W", "_"))), bad);
            RuleBuildException e = assertThrows(
                    RuleBuildException.class,
                    () -> Nuanxin.builder()
                            .noClasspathRegions()
                            .ruleFolder(folder)
                            .build(),
                    bad);
            assertTrue(
                    e.problems().stream().anyMatch(p -> p.file().endsWith("benefits.yaml") && p.line() == 2),
                    () -> bad + ": " + e.problems());
        }
    }

    private static Path mkdir(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The test region's rules with the prelude written out, as rule files had it before. */
    private static final String DECLARED = """
            import org.nuanxin.rules.Profile;
            import org.nuanxin.rules.Trip;
            import org.nuanxin.rules.Stay;
            import org.nuanxin.rules.Truth;

            global org.nuanxin.rules.Verdict verdict;
            global org.nuanxin.rules.Params params;
            global org.nuanxin.rules.Context ctx;
            """;

    private static Path declaringPrelude(Path dir) {
        return TestRegions.copy(dir, "rules.drl", t -> t.replaceFirst("(?m)^(package [^\\n]*\\n)", "$1\n" + DECLARED));
    }

    @Test
    void ruleFilesNeedNoImportsOrGlobals(@TempDir Path dir) {
        Nuanxin withPrelude = TestRegions.testland();
        Nuanxin declared = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(declaringPrelude(dir))
                .build();
        Situation s = new Situation(WORKER, List.of(), List.of());
        assertEquals(
                declared.assess("testland", s, AS_OF).decisions(),
                withPrelude.assess("testland", s, AS_OF).decisions());
    }

    @Test
    void theLinterAsksForOneVocabularyExpressionAndNoCodesOrFiguresInRules(@TempDir Path dir) {
        Path folder = TestRegions.copy(mkdir(dir.resolve("style")), "rules.drl", t -> t + """

                rule "style"
                    @benefit("TEST_SERVICE") @source("TEST-1") @clause("x") @zh("x") @en("x")
                when
                    $w : Profile()
                then
                    Truth adult = $w.age().atLeast(18);
                    verdict.check(adult.and(ctx.noClaimInYear("TEST_SERVICE", ctx.asOf())));
                end
                """);
        List<String> warnings =
                RuleLinter.lint(folder).problems().stream().map(String::valueOf).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("the consequence is 2 statements")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("the number 18")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("the benefit code TEST_SERVICE")), warnings::toString);
        List<String> redundant = RuleLinter.lint(declaringPrelude(mkdir(dir.resolve("prelude")))).problems().stream()
                .map(String::valueOf)
                .toList();
        assertTrue(
                redundant.stream().anyMatch(w -> w.contains("import org.nuanxin.rules.Profile is not needed")),
                redundant::toString);
        assertTrue(
                redundant.stream().anyMatch(w -> w.contains("global verdict is declared for every rule file")),
                redundant::toString);
    }
}
