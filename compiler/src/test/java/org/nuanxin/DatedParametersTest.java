package org.nuanxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.authoring.LintReport;
import org.nuanxin.authoring.RuleLinter;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.Worker;
import org.nuanxin.rules.Params;
import org.nuanxin.spi.RuleFiles;

/**
 * Parameters whose value changes from a date on, and the assumptions register: rules pay and texts
 * show the value in force on the assessment date; the old single {@code value:} form, unsorted and
 * repeated dates, and citations of undefined assumptions are clear errors.
 */
class DatedParametersTest {

    private static final Worker LOCAL =
            Worker.builder().newEmploymentForm(true).workCity("xian").build();
    /** An urgent, certified trip without a ticket cost: "up to" pays the cap. */
    private static final Situation TRIP =
            new Situation(LOCAL, List.of(new HomecomingTrip(null, TripReason.URGENT_MATTER, true, null)), List.of());

    @TempDir
    Path dir;

    /** The test region with the cap raised from 200.00 to 300.00 on 2026-09-01, and a period to 2026-12-31. */
    private Path raised(String name) throws Exception {
        Path folder = TestRegions.copy(
                Files.createDirectories(dir.resolve(name)),
                "parameters.yaml",
                t -> t.replace(
                                "end: {type: date, values: {2025-01-01: 2025-12-31}",
                                "end: {type: date, values: {2025-01-01: 2026-12-31}")
                        .replace("cap: {type: money, values: {2025-01-01: 100.00}, source: TEST-1}\n", """
                        cap:
                          type: money
                          values:
                            2025-09-01: {value: 200.00, source: "TEST-1 最高200元"}
                            2026-09-01: {value: 300.00, source: "TEST-2 raised to 300"}
                        """));
        edit(
                folder.resolve("rules.drl"),
                t -> t.replace(
                        "@zh(\"票价\") @en(\"ticket up to ${param.cap}\")",
                        "@zh(\"票价，最高${param.cap}元\") @en(\"ticket up to ${param.cap}\")"));
        return folder;
    }

    private static void edit(Path file, UnaryOperator<String> edit) throws Exception {
        Files.writeString(file, edit.apply(Files.readString(file)));
    }

    private static Decision trip(Nuanxin engine, LocalDate asOf) {
        return engine.assess("testland", TRIP, asOf).decision("TEST_TRIP_CASH").orElseThrow();
    }

    private static Reason amountReason(Decision d) {
        return d.reasons().stream()
                .filter(r -> r.outcome() == Reason.Outcome.AMOUNT)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAmountChangedFromADatePaysTheValueInForceOnTheAssessmentDate() throws Exception {
        Nuanxin engine = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(raised("raised"))
                .build();
        Decision before = trip(engine, LocalDate.of(2026, 8, 31));
        assertEquals(Status.ELIGIBLE, before.status());
        assertEquals(new BigDecimal("200.00"), before.amount());
        assertEquals("ticket up to 200: CNY 200", amountReason(before).textEn());
        assertEquals("票价，最高200元：200元", amountReason(before).textZh());

        Decision from = trip(engine, LocalDate.of(2026, 9, 1));
        assertEquals(new BigDecimal("300.00"), from.amount());
        assertEquals("ticket up to 300: CNY 300", amountReason(from).textEn());
        assertEquals("票价，最高300元：300元", amountReason(from).textZh());

        // a date before every value's date takes the first value
        assertEquals(
                new BigDecimal("200.00"), trip(engine, LocalDate.of(2025, 6, 1)).amount());
        // asked again, in the other order: nothing of one date leaks into the other
        assertEquals(
                new BigDecimal("200.00"),
                trip(engine, LocalDate.of(2026, 8, 31)).amount());
        assertEquals(
                "ticket up to 300: CNY 300",
                amountReason(trip(engine, LocalDate.of(2026, 12, 31))).textEn());

        Parameter cap = engine.region("testland").parameters().get("cap");
        assertEquals(new BigDecimal("300.00"), cap.value(), "value() is the latest value");
        assertEquals("TEST-2 raised to 300", cap.source());
        assertEquals(
                List.of(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 9, 1)),
                List.copyOf(cap.values().keySet()));
        assertEquals(new BigDecimal("200.00"), cap.valueOn(LocalDate.of(2026, 8, 31)));
        assertEquals("TEST-1 最高200元", cap.datedOn(LocalDate.of(2026, 8, 31)).source());
        assertEquals(new BigDecimal("200.00"), cap.valueOn(LocalDate.of(1999, 1, 1)));
        assertTrue(cap.changesOverTime());
        assertThrows(UnsupportedOperationException.class, () -> cap.values().clear());
        // a parameter with one value is filled in at build time as before
        Reason period = trip(engine, LocalDate.of(2026, 9, 1)).reasons().stream()
                .filter(r -> r.rule().equals("period"))
                .findFirst()
                .orElseThrow();
        assertEquals("Met: in effect (1 January 2025 to 31 December 2026)", period.textEn());
    }

    @Test
    void paramsViewsAreMadeOnceAndShareWhatRulesRead() {
        Map<String, Parameter> map = Map.of(
                "cap",
                        new Parameter(
                                "cap",
                                "money",
                                new TreeMap<>(Map.of(
                                        LocalDate.of(2025, 9, 1), new Parameter.Dated(new BigDecimal("200.00"), "S1"),
                                        LocalDate.of(2026, 9, 1), new Parameter.Dated(new BigDecimal("300.00"), "S2"))),
                                "",
                                ""),
                "days",
                        new Parameter(
                                "days",
                                "integer",
                                new TreeMap<>(Map.of(LocalDate.of(2025, 1, 1), new Parameter.Dated(7, "S1"))),
                                "",
                                ""));
        Params params = new Params("t", map);
        Params early = params.on(LocalDate.of(2026, 8, 31));
        assertSame(early, params.on(LocalDate.of(2020, 1, 1)), "one view serves every date before the change");
        assertSame(params.on(LocalDate.of(2026, 9, 1)), params.on(LocalDate.of(2030, 1, 1)));
        assertSame(early, early.on(LocalDate.of(2025, 1, 1)), "a view finds the others too");
        assertEquals(new BigDecimal("200.00"), early.money("cap"));
        assertEquals(
                new BigDecimal("300.00"), early.on(LocalDate.of(2026, 9, 1)).money("cap"));
        assertEquals(new BigDecimal("300.00"), params.money("cap"), "the parameters themselves read the latest values");
        assertEquals(7, early.integer("days"));
        early.has("absent");
        assertEquals(List.of("absent", "cap", "days"), List.copyOf(params.keysRead()), "read through any view");

        Params single = new Params("t", Map.of("days", map.get("days")));
        assertSame(single, single.on(LocalDate.of(2026, 9, 1)), "without a change there is nothing to choose");
    }

    private RuleBuildException buildFails(String name, String file, UnaryOperator<String> edit) throws Exception {
        Path folder = TestRegions.copy(Files.createDirectories(dir.resolve(name)), file, edit);
        return assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
    }

    @Test
    void theOldSingleValueFormIsAnErrorSayingWhatToWrite() throws Exception {
        RuleBuildException e = buildFails(
                "old",
                "parameters.yaml",
                t -> t.replace(
                        "cap: {type: money, values: {2025-01-01: 100.00}, source: TEST-1}",
                        "cap: {type: money, value: 100.00, source: TEST-1}"));
        RuleProblem p = e.problems().get(0);
        assertEquals(RuleFiles.PARAMETERS, p.file());
        assertEquals(4, p.line());
        assertTrue(p.message().contains("cap") && p.message().contains("values: {YYYY-MM-DD: 100.00}"), p::toString);

        RuleBuildException block = buildFails(
                "old-block", "parameters.yaml", t -> t.replace("  values:\n    2025-01-01: {URBAN", "  value: {URBAN"));
        assertEquals(7, block.problems().get(0).line(), block::toString);
        assertTrue(block.problems().get(0).message().contains("values:"), block::toString);
    }

    @Test
    void datesMustBeAscendingUniqueAndDates() throws Exception {
        RuleProblem unsorted = buildFails(
                        "unsorted",
                        "parameters.yaml",
                        t -> t.replace(
                                "cap: {type: money, values: {2025-01-01: 100.00}, source: TEST-1}\n",
                                "cap:\n  type: money\n  values:\n    2026-09-01: 300.00\n    2025-09-01: 200.00\n  source: TEST-1\n"))
                .problems()
                .get(0);
        assertEquals(8, unsorted.line(), unsorted::toString);
        assertTrue(
                unsorted.message().contains("2025-09-01 comes after 2026-09-01")
                        && unsorted.message().contains("from the earliest to the latest"),
                unsorted::toString);

        RuleProblem twice = buildFails(
                        "twice",
                        "parameters.yaml",
                        t -> t.replace(
                                "cap: {type: money, values: {2025-01-01: 100.00}, source: TEST-1}\n",
                                "cap:\n  type: money\n  values:\n    2025-09-01: 200.00\n    2025-09-01: 300.00\n  source: TEST-1\n"))
                .problems()
                .get(0);
        assertEquals(8, twice.line(), twice::toString);
        assertTrue(twice.message().contains("duplicate key '2025-09-01'"), twice::toString);

        RuleProblem sameDay = buildFails(
                        "same-day",
                        "parameters.yaml",
                        t -> t.replace(
                                "cap: {type: money, values: {2025-01-01: 100.00}, source: TEST-1}\n",
                                "cap:\n  type: money\n  values:\n    2025-09-01: 200.00\n    '2025-09-01 ': 300.00\n  source: TEST-1\n"))
                .problems()
                .get(0);
        assertTrue(sameDay.message().contains("2025-09-01 is given twice"), sameDay::toString);

        RuleProblem notADate = buildFails(
                        "not-a-date",
                        "parameters.yaml",
                        t -> t.replace("values: {2025-01-01: 100.00}", "values: {2025-13-01: 100.00}"))
                .problems()
                .get(0);
        assertEquals(4, notADate.line());
        assertTrue(notADate.message().contains("'2025-13-01' is not a date"), notADate::toString);

        RuleProblem noSource = buildFails(
                        "no-source",
                        "parameters.yaml",
                        t -> t.replace(
                                "cap: {type: money, values: {2025-01-01: 100.00}, source: TEST-1}",
                                "cap: {type: money, values: {2025-01-01: 100.00}}"))
                .problems()
                .get(0);
        assertTrue(noSource.message().contains("names its source"), noSource::toString);

        RuleProblem empty = buildFails(
                        "empty", "parameters.yaml", t -> t.replace("values: {2025-01-01: 100.00}", "values: {}"))
                .problems()
                .get(0);
        assertTrue(empty.message().contains("at least one"), empty::toString);
    }

    @Test
    void everyCitedAssumptionMustBeDefinedAndEveryDefinedOneCited() throws Exception {
        UnaryOperator<String> cite = t ->
                t.replace("@clause(\"因急事\")\n    @zh(\"急事且经证明\")", "@clause(\"因急事; A-TEST-1\")\n    @zh(\"急事且经证明\")");
        RuleBuildException e = buildFails("undefined", "rules.drl", cite);
        RuleProblem p = e.problems().stream()
                .filter(q -> q.message().contains("A-TEST-1"))
                .findFirst()
                .orElseThrow();
        assertEquals("rules.drl", p.file());
        assertEquals(RuleProblem.Severity.ERROR, p.severity());
        assertTrue(p.line() > 0 && p.column() > 0 && p.message().contains("assumptions.yaml"), p::toString);

        Path folder = TestRegions.copy(Files.createDirectories(dir.resolve("defined")), "rules.drl", cite);
        Files.writeString(folder.resolve("assumptions.yaml"), """
                A-TEST-1: {zh: 急事指大事急事, en: an urgent matter is a major or urgent one, source: TEST-1 因急事}
                A-TEST-2: {zh: 未被引用, en: cited nowhere, source: TEST-1}
                """);
        Region region = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(folder)
                .build()
                .region("testland");
        assertEquals(
                List.of("A-TEST-1", "A-TEST-2"),
                List.copyOf(region.assumptions().keySet()));
        assertEquals(
                new Assumption("A-TEST-1", "急事指大事急事", "an urgent matter is a major or urgent one", "TEST-1 因急事"),
                region.assumptions().get("A-TEST-1"));
        LintReport lint = RuleLinter.lint(folder);
        RuleProblem uncited = lint.problems().stream()
                .filter(q -> q.message().contains("A-TEST-2"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(lint.problems().toString()));
        assertEquals(RuleProblem.Severity.WARNING, uncited.severity());
        assertEquals("assumptions.yaml", uncited.file());
        assertEquals(2, uncited.line());
        assertTrue(
                lint.problems().stream().noneMatch(q -> q.message().contains("A-TEST-1")), lint.problems()::toString);

        Files.writeString(folder.resolve("assumptions.yaml"), "A-TEST: {zh: x, en: x, source: x}\n");
        RuleBuildException badId = assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
        assertTrue(badId.problems().get(0).message().contains("e.g. A-XA-1"), badId::toString);
        assertEquals(Map.of(), TestRegions.testland().region("testland").assumptions(), "optional without citations");
    }
}
