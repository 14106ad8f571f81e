package org.nuanxin.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Nuanxin;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleProblem;
import org.nuanxin.TestRegions;
import org.nuanxin.authoring.RuleLinter;
import org.nuanxin.model.Situation;
import org.nuanxin.model.Worker;
import org.nuanxin.spi.RuleFiles;

/**
 * The input limits at the API: worker files, scenario files, rule folders and the facade refuse bad input with a
 * {@link MalformedFileException} or {@link InvalidInputException} naming the file and field.
 */
class BoundedInputTest {

    @TempDir
    Path tmp;

    private static final String CASE = """
            region: testland
            cases:
              - name: one
                as_of: %s
                worker: {work_city: xian}
                expect: {TEST_SERVICE: ELIGIBLE}
            """;

    @Test
    void asOfOutsideTheYears1900To2200IsRefusedInAWorkerFile() {
        for (String date : List.of("+99999-01-01", "1899-12-31", "2201-01-01", "-0001-01-01")) {
            MalformedFileException e = assertThrows(
                    MalformedFileException.class,
                    () -> WorkerFile.parse("w.yaml", "as_of: " + date + "\nworker: {work_city: xian}\n"));
            assertEquals("as_of", e.field(), date);
            assertEquals(1, e.line());
            assertTrue(e.problem().contains("1900 to 2200"), e::getMessage);
        }
        assertEquals(
                LocalDate.of(1900, 1, 1),
                WorkerFile.parse("w.yaml", "as_of: 1900-01-01\nworker: {}\n").asOf());
        assertEquals(
                LocalDate.of(2200, 12, 31),
                WorkerFile.parse("w.yaml", "as_of: 2200-12-31\nworker: {}\n").asOf());
    }

    @Test
    void asOfOutsideTheRangeIsRefusedInAScenarioCase() {
        MalformedFileException e = assertThrows(
                MalformedFileException.class, () -> ScenarioFile.parse("s.yaml", CASE.formatted("+99999-01-01")));
        assertEquals("cases[0].as_of", e.field());
        assertEquals(4, e.line());
        ScenarioFile.parse("s.yaml", CASE.formatted("2026-03-10"));
        // a top-level as_of is not a field of a scenario file at all
        MalformedFileException top = assertThrows(
                MalformedFileException.class,
                () -> ScenarioFile.parse("s.yaml", "as_of: 2026-03-10\n" + CASE.formatted("2026-03-10")));
        assertEquals("as_of", top.field());
    }

    @Test
    void datesOfClaimsAreRangeCheckedLikeEveryOtherDate() {
        MalformedFileException e = assertThrows(
                MalformedFileException.class,
                () -> WorkerFile.parse(
                        "w.yaml", "worker: {}\nclaims: [{benefit: TEST_SERVICE, date: +99999-01-01}]\n"));
        assertEquals("claims[0].date", e.field());
    }

    @Test
    void asOfOutsideTheRangeIsRefusedByTheFacade() {
        Nuanxin engine = TestRegions.testland();
        Worker w = Worker.builder().workCity("xian").build();
        for (LocalDate d : List.of(LocalDate.of(99999, 1, 1), LocalDate.of(1899, 12, 31), LocalDate.of(2201, 1, 1))) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> engine.assess("testland", w, d));
            assertEquals("as_of", e.field());
            assertEquals(
                    "as_of",
                    assertThrows(InvalidInputException.class, () -> engine.assess("testland", Situation.of(w), d))
                            .field());
            assertEquals(
                    "as_of",
                    assertThrows(InvalidInputException.class, () -> engine.batch("testland", d))
                            .field());
        }
        engine.assess("testland", w, LocalDate.of(2200, 12, 31));
    }

    @Test
    void aScenarioFileWithoutCasesIsRefused() {
        for (String text : List.of(
                "region: testland\ncases: []\n",
                "region: testland\n",
                "region: testland\ncases:\n",
                "{\"region\": \"testland\", \"cases\": []}")) {
            MalformedFileException e =
                    assertThrows(MalformedFileException.class, () -> ScenarioFile.parse("s.yaml", text));
            assertEquals("cases", e.field(), text);
        }
    }

    @Test
    void workerAndScenarioFilesAreReadWithinTheLimits() throws IOException {
        Path deep = Files.writeString(tmp.resolve("deep.yaml"), "worker: " + "[".repeat(5000) + "]".repeat(5000));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> WorkerFile.read(deep));
        assertEquals(deep.toString(), e.file());
        assertTrue(e.field().startsWith("worker"), e::getMessage);
        Path big = Files.writeString(tmp.resolve("big.yaml"), "worker:\n  id: " + "7".repeat(1 << 20) + "\n");
        assertTrue(assertThrows(MalformedFileException.class, () -> ScenarioFile.read(big))
                .problem()
                .contains("larger than 1048576 bytes"));
        assertTrue(assertThrows(MalformedFileException.class, () -> WorkerFile.read(tmp))
                .problem()
                .contains("folder"));
        assertTrue(assertThrows(MalformedFileException.class, () -> ScenarioRunner.readAll(List.of(big)))
                .problem()
                .contains("larger than"));
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertTrue(assertThrows(MalformedFileException.class, () -> ScenarioRunner.readAll(List.of(zero)))
                    .problem()
                    .contains("not a regular file"));
        }
    }

    @Test
    void aRuleFolderWithADeepParametersFileIsRefusedAtTheFile() throws IOException {
        Path folder = TestRegions.copy(
                Files.createDirectories(tmp.resolve("deep")),
                "parameters.yaml",
                t -> t + "\ndeep: " + "{a: ".repeat(100) + "1" + "}".repeat(100) + "\n");
        RuleBuildException e = assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
        RuleProblem p = e.problems().get(0);
        assertEquals(RuleFiles.PARAMETERS, p.file());
        assertTrue(p.message().contains("deep.a.a") && p.message().contains("nested deeper"), p::toString);
        assertTrue(
                RuleLinter.lint(folder).problems().stream()
                        .anyMatch(q -> q.file().equals(RuleFiles.PARAMETERS)
                                && q.message().contains("nested deeper")),
                () -> RuleLinter.lint(folder).problems().toString());
    }

    @Test
    void aRuleFolderWithALinkedFileIsRefusedByTheBuilderTheLinterAndReload() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.drl"), "rule \"SECRET-KQ7Z\" when then end\n");
        Path folder = TestRegions.copy(Files.createDirectories(tmp.resolve("linked")), "region.yaml", t -> t);
        Files.delete(folder.resolve("rules.drl"));
        try {
            Files.createSymbolicLink(folder.resolve("rules.drl"), secret);
        } catch (IOException | UnsupportedOperationException e) {
            assumeTrue(false, "symbolic links");
        }
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> RuleFiles.fromDirectory(folder));
        assertTrue(e.problem().contains("symbolic link"), e::getMessage);
        assertFalse(e.getMessage().contains("KQ7Z"), e::getMessage);
        assertThrows(
                MalformedFileException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
        String lint =
                RuleLinter.lint(folder).toString() + RuleLinter.lint(folder).problems();
        assertTrue(RuleLinter.lint(folder).hasErrors());
        assertFalse(lint.contains("KQ7Z"), lint);
        var result = TestRegions.testland().reload(folder, List.of());
        assertFalse(result.toString().contains("KQ7Z"), result::toString);
        assertFalse(result.promoted(), result::toString);
    }
}
