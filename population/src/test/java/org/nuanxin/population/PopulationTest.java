package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Assessment;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Nuanxin;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.TestRegions;
import org.nuanxin.UnknownRegionException;

/**
 * Population runs over the made-up test region, extended (in a copy) with a quota, a budget with a note,
 * an in-kind value and a cash range so that every total is exercised.
 */
class PopulationTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 1); // testland runs through 2025

    @TempDir
    static Path dir;

    private static Nuanxin engine;
    /** The same rules with no decision reuse: every worker decided by the rules afresh. */
    private static Nuanxin fresh;

    private static String register; // 2,000 generated rows, 2 % of them bad

    @BeforeAll
    static void extendTestland() throws IOException {
        Path folder = TestRegions.copy(
                dir,
                "benefits.yaml",
                t -> t.replace(
                                "payment: ONCE, clause: 车票条款}",
                                "payment: ONCE, clause: 车票条款, quota: trip.places, budget: trip.budget}")
                        + "  - {code: TEST_RANGE_CASH, name_zh: 范围, name_en: Range, kind: CASH, clause: 2000元至6000元不等,"
                        + " quota: range.places, budget: range.budget}\n");
        Files.writeString(
                folder.resolve("parameters.yaml"),
                Files.readString(folder.resolve("parameters.yaml"))
                        + "trip.places: {type: integer, values: {2025-01-01: 5}, source: TEST-1}\n"
                        + "trip.budget: {type: money, values: {2025-01-01: 300.00}, source: TEST-1, note: 'A made-up gap, kept visible.'}\n"
                        + "range.places: {type: integer, values: {2025-01-01: 100000}, source: TEST-1}\n"
                        + "range.budget: {type: money, values: {2025-01-01: 1000000.00}, source: TEST-1}\n"
                        + "range.min: {type: money, values: {2025-01-01: 2000.00}, source: TEST-1}\n"
                        + "range.max: {type: money, values: {2025-01-01: 6000.00}, source: TEST-1}\n"
                        + "service.value: {type: money, values: {2025-01-01: 12.34}, source: TEST-1}\n");
        Files.writeString(folder.resolve("rules.drl"), Files.readString(folder.resolve("rules.drl")) + """

                rule "range: hardship"
                    @benefit("TEST_RANGE_CASH") @source("TEST-1") @clause("困难")
                    @zh("困难") @en("in hardship")
                when
                    $w : Profile()
                then
                    verdict.check($w.hardship().isTrue());
                end

                rule "range amount"
                    @benefit("TEST_RANGE_CASH") @source("TEST-1") @clause("2000元至6000元不等")
                    @zh("2000至6000元") @en("2000 to 6000 CNY")
                when
                    Profile()
                then
                    verdict.payRange(params.money("range.min"), params.money("range.max"));
                end

                rule "service value"
                    @benefit("TEST_SERVICE") @source("TEST-1") @clause("服务")
                    @zh("价值") @en("worth ${param.service.value}")
                when
                    Profile()
                then
                    verdict.value(params.money("service.value"));
                end
                """);
        engine = Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        fresh = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(folder)
                .cachedDecisions(0)
                .build();
        StringWriter out = new StringWriter();
        RegisterGenerator.write(
                out,
                2_000,
                Testland.registerProfile(),
                7,
                RegisterGenerator.Options.defaults().withReferenceDate(AS_OF).withBadRowFraction(0.02));
        register = out.toString();
    }

    private static PopulationReport run(String csv, Population.Options options) {
        return Population.run(engine, "testland", AS_OF, new StringReader(csv), options);
    }

    /** The totals the long way: every row parsed and assessed on its own, one after another. */
    private record Expected(long rows, long bad, long[][] counts, BigDecimal[][] money) {}

    private static Expected assessOneByOne(String csv) throws IOException {
        CsvReader in = new CsvReader(new StringReader(csv));
        RegisterFormat f = RegisterFormat.header("x", in.next().cells());
        int n = engine.region("testland").benefits().size();
        SummedDecisions sums = new SummedDecisions(n);
        long rows = 0;
        long bad = 0;
        CsvReader.Record r;
        while ((r = in.next()) != null) {
            rows++;
            RegisterFormat.Row row =
                    r.problem() != null ? RegisterFormat.broken(r.line(), r.problem()) : f.row(r.line(), r.cells());
            if (!row.ok()) {
                bad++;
                continue;
            }
            Assessment a = fresh.assess("testland", row.situation(), AS_OF);
            sums.add(a);
        }
        return new Expected(rows, bad, sums.counts, sums.money);
    }

    @Test
    void totalsEqualTheSumOfTheIndividualAssessments() throws IOException {
        Expected want = assessOneByOne(register);
        PopulationReport got =
                run(register, Population.Options.defaults().withThreads(4).withBatchSize(7));
        assertEquals(
                got.benefits(),
                run(register, Population.Options.defaults().withPinnedRules(true))
                        .benefits(),
                "the same through the engine's batch assessor");
        assertEquals(
                got.benefits(),
                Population.run(fresh, "testland", AS_OF, new StringReader(register), Population.Options.defaults())
                        .benefits(),
                "and with no decision reuse at all");
        assertEquals(2_000, got.rows());
        assertEquals(want.rows(), got.rows());
        assertEquals(want.bad(), got.badRows());
        assertTrue(got.badRows() > 10 && got.badRows() < 100, "about 2 % bad: " + got.badRows());
        assertEquals(
                List.of("TEST_SERVICE", "TEST_TRIP_CASH", "TEST_STAY_CASH", "TEST_RANGE_CASH"),
                got.benefits().stream().map(BenefitTotals::code).toList());
        for (int i = 0; i < got.benefits().size(); i++) {
            BenefitTotals t = got.benefits().get(i);
            assertEquals(want.counts()[i][0], t.eligible(), t.code());
            assertEquals(want.counts()[i][1], t.notEligible(), t.code());
            assertEquals(want.counts()[i][2], t.needsInfo(), t.code());
            assertEquals(got.assessed(), t.assessed(), t.code());
            assertEquals(want.money()[i][0], t.cash(), t.code()); // equals: value and scale, exactly
            assertEquals(want.money()[i][1], t.cashMin(), t.code());
            assertEquals(want.money()[i][2], t.cashMax(), t.code());
            assertEquals(want.money()[i][3], t.value(), t.code());
        }
        BenefitTotals trips = got.benefit("TEST_TRIP_CASH").orElseThrow();
        assertTrue(trips.eligible() > 5 && trips.cash().signum() > 0, "the register's trips pay: " + trips);
        assertTrue(got.benefit("TEST_STAY_CASH").orElseThrow().cash().signum() > 0);
        BenefitTotals range = got.benefit("TEST_RANGE_CASH").orElseThrow();
        assertTrue(range.hasRange() && range.cash().signum() == 0, range.toString());
        assertEquals(new BigDecimal("2000.00").multiply(BigDecimal.valueOf(range.eligible())), range.cashMin());
        assertEquals(new BigDecimal("6000.00").multiply(BigDecimal.valueOf(range.eligible())), range.cashMax());
        BenefitTotals service = got.benefit("TEST_SERVICE").orElseThrow();
        assertEquals(new BigDecimal("12.34").multiply(BigDecimal.valueOf(service.eligible())), service.value());
    }

    @Test
    void quotaAndBudgetStandBesideTheTotalsWithFlagsAndNotes() {
        PopulationReport r = run(register, Population.Options.defaults());
        BenefitTotals trips = r.benefit("TEST_TRIP_CASH").orElseThrow();
        assertEquals(5, trips.quotaPlaces());
        assertEquals(new BigDecimal("300.00"), trips.budgetAmount());
        assertEquals("A made-up gap, kept visible.", trips.budget().note());
        assertEquals(List.of(BenefitTotals.QUOTA_EXCEEDED, BenefitTotals.BUDGET_EXCEEDED), trips.flags());
        BenefitTotals range = r.benefit("TEST_RANGE_CASH").orElseThrow();
        // 1,000,000 CNY: exceeded only if more than 166 are eligible at 6,000, certainly if more than 500 at 2,000
        long e = range.eligible();
        assertEquals(e > 500, range.budgetExceeded());
        assertEquals(e > 166 && e <= 500, range.budgetMayBeExceeded());
        assertFalse(range.quotaExceeded());
        BenefitTotals service = r.benefit("TEST_SERVICE").orElseThrow();
        assertEquals(null, service.quota());
        assertEquals(List.of(), service.flags(), "no quota, no budget, no flag");
    }

    @Test
    void theSameRegisterGivesTheSameReportOnAnyNumberOfThreads() {
        PopulationReport one =
                run(register, Population.Options.defaults().withThreads(1).withMaxProblems(10));
        PopulationReport four = run(
                register,
                Population.Options.defaults().withThreads(4).withBatchSize(3).withMaxProblems(10));
        assertEquals(one.benefits(), four.benefits());
        assertEquals(one.problems(), four.problems(), "the problems of the smallest rows are kept, whatever the order");
        assertEquals(10, one.problems().size());
        assertEquals(one.problemCount(), four.problemCount());
        assertTrue(one.problemsOmitted() > 0);
        List<RowProblem> sorted = new ArrayList<>(one.problems());
        java.util.Collections.sort(sorted);
        assertEquals(sorted, one.problems());
    }

    @Test
    void badRowsAreReportedAndTheRunGoesOn() {
        String csv = "id,work_city,new_employment_form,occupation,birth_date,children\n"
                + "a,xian,true,COURIER,1990-01-01,-\n"
                + "b,atlantis,true,COURIER,1990-01-01,-\n"
                + "c,xian,perhaps,BIKER,1990-01-01,-\n"
                + "d,xian,true\n"
                + "e,xian,true,COURIER,2030-01-01,-\n"
                + "f,xian,true,COURIER,1990-01-01,2031-01-01\n"
                + "g,xian,true,COURIER,1990-01-01,2019-01-01:PRIMARY\n";
        PopulationReport r =
                run(csv, Population.Options.defaults().withThreads(2).withBatchSize(1));
        assertEquals(7, r.rows());
        assertEquals(4, r.badRows());
        assertEquals(3, r.assessed());
        assertEquals(
                List.of(
                        "row 3: work_city",
                        "row 4: new_employment_form",
                        "row 4: occupation",
                        "row 5: columns",
                        "row 6: birth_date"),
                r.problems().stream()
                        .map(p -> "row " + p.row() + ": " + p.field())
                        .toList());
        assertEquals("lies after the assessment date", r.problems().get(4).problem());
        // row f's child, born after the assessment date, is not there yet (Situation.seenOn): not a bad row
        assertEquals(3, r.benefit("TEST_SERVICE").orElseThrow().eligible());
    }

    @Test
    void progressReachesEveryRow() {
        List<Long> seen = new ArrayList<>();
        PopulationReport r =
                run(register, Population.Options.defaults().withBatchSize(50).withProgress(seen::add));
        assertFalse(seen.isEmpty());
        assertEquals(r.rows(), seen.get(seen.size() - 1));
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back");
        }
    }

    /**
     * A register of 30,000 rows made on demand, one line per read: the run must stream, so the rows read
     * but not yet done never exceed the bound, though the file is far larger than the bound.
     */
    @Test
    void theRunStreamsWithinItsBound() {
        Population.Options base =
                Population.Options.defaults().withThreads(2).withBatchSize(16).withQueueCapacity(2);
        long bound = base.maxRowsInFlight();
        assertEquals((2 + 2 + 1) * 16, bound);
        AtomicLong done = new AtomicLong();
        long rows = 30_000;
        Reader lazy = new Reader() {
            private long produced; // data lines handed out
            private String pending = "id,work_city,new_employment_form,hardship\n";
            private int at;

            @Override
            public int read(char[] buf, int off, int len) {
                if (at == pending.length()) {
                    if (produced == rows) {
                        return -1;
                    }
                    produced++;
                    long heldAfter = produced - done.get();
                    if (heldAfter > bound + 2) {
                        throw new AssertionError(heldAfter + " rows held, bound " + bound);
                    }
                    pending = "w" + produced + "," + (produced % 3 == 0 ? "hangzhou" : "xian") + ",true,"
                            + (produced % 5 == 0) + "\n";
                    at = 0;
                }
                int n = Math.min(len, pending.length() - at);
                pending.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {}
        };
        PopulationReport r = assertTimeoutPreemptively(
                Duration.ofMinutes(2),
                () -> Population.run(engine, "testland", AS_OF, lazy, base.withProgress(done::set)));
        assertEquals(rows, r.rows());
        assertEquals(0, r.badRows());
        assertTrue(r.peakRowsInFlight() <= bound, "peak " + r.peakRowsInFlight() + " > bound " + bound);
        assertTrue(r.peakRowsInFlight() >= 16, "rows were in flight: " + r.peakRowsInFlight());
        assertEquals(rows - rows / 3, r.benefit("TEST_SERVICE").orElseThrow().eligible(), "xian rows only");
        assertEquals(
                rows / 5 - rows / 15, r.benefit("TEST_RANGE_CASH").orElseThrow().eligible());
    }

    /**
     * The register cut into parts of 37 rows, each part's rows assessed into totals of its own (as another engine
     * would, a part per task): the parts merged in any grouping give the totals of the whole run, and the flags that
     * compare with a quota or budget come from the merged figures, not from any part's.
     */
    @Test
    void totalsOfPartsMergeIntoTheTotalsOfTheWhole() throws IOException {
        PopulationReport whole = run(register, Population.Options.defaults().withMaxProblems(20));
        org.nuanxin.Region region = engine.region("testland");
        List<PopulationTotals> parts = new ArrayList<>();
        CsvReader in = new CsvReader(new StringReader(register));
        RegisterFormat f = RegisterFormat.header("x", in.next().cells());
        CsvReader.Record r;
        for (int n = 0; (r = in.next()) != null; n++) {
            if (n % 37 == 0) {
                parts.add(new PopulationTotals(region, AS_OF, 20));
            }
            PopulationTotals part = parts.get(parts.size() - 1);
            RegisterFormat.Row row =
                    r.problem() != null ? RegisterFormat.broken(r.line(), r.problem()) : f.row(r.line(), r.cells());
            if (!row.ok()) {
                part.addBadRow(row.problems());
                continue;
            }
            try {
                part.add(engine.assess("testland", row.situation(), AS_OF));
            } catch (org.nuanxin.InvalidInputException e) {
                part.addBadRow(List.of(Population.problem(r.line(), e)));
            }
        }
        assertTrue(parts.size() > 50);
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < 5; k++) {
            PopulationTotals merged = merged(parts, 0, parts.size(), random);
            assertEquals(whole.benefits(), merged.benefits(), "grouping " + k);
            assertEquals(whole.rows(), merged.rows());
            assertEquals(whole.badRows(), merged.badRows());
            assertEquals(whole.problems(), merged.problems(), "the 20 problems of the smallest rows");
            assertEquals(whole.problemCount(), merged.problemCount());
            assertEquals(List.of(whole.ruleSetVersion()), merged.ruleSetVersions());
        }
        BenefitTotals trips = whole.benefit("TEST_TRIP_CASH").orElseThrow();
        assertEquals(List.of(BenefitTotals.QUOTA_EXCEEDED, BenefitTotals.BUDGET_EXCEEDED), trips.flags());
        assertTrue(
                parts.stream()
                        .map(p -> p.benefits().get(1))
                        .anyMatch(t ->
                                t.code().equals(trips.code()) && !t.flags().contains(BenefitTotals.QUOTA_EXCEEDED)),
                "a part alone stays within the quota of 5 places; the whole does not");
        // the figures of one benefit merge the same way
        List<BenefitTotals> sum = parts.get(0).benefits();
        for (PopulationTotals p : parts.subList(1, parts.size())) {
            List<BenefitTotals> next = p.benefits();
            List<BenefitTotals> s = new ArrayList<>();
            for (int i = 0; i < sum.size(); i++) {
                s.add(sum.get(i).merge(next.get(i)));
            }
            sum = s;
        }
        assertEquals(whole.benefits(), sum);
        assertEquals(trips.flags(), sum.get(1).flags());
        BenefitTotals a = parts.get(0).benefits().get(1);
        BenefitTotals b = parts.get(1).benefits().get(1);
        BenefitTotals c = parts.get(2).benefits().get(1);
        assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)), "associative");
        assertEquals(a.merge(b), b.merge(a), "commutative");
        assertThrows(
                IllegalArgumentException.class,
                () -> a.merge(parts.get(0).benefits().get(0)));
        assertThrows(IllegalArgumentException.class, () -> parts.get(0).merge(parts.get(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> parts.get(0).merge(new PopulationTotals(region, AS_OF.minusDays(1), 20)));
    }

    /** Fresh totals of {@code parts[from, to)}, split at random points: the parts themselves are not changed. */
    private static PopulationTotals merged(List<PopulationTotals> parts, int from, int to, java.util.Random random) {
        PopulationTotals out = new PopulationTotals(engine.region("testland"), AS_OF, 20);
        if (to - from == 1) {
            return out.merge(parts.get(from));
        }
        int mid = from + 1 + random.nextInt(to - from - 1);
        return out.merge(merged(parts, from, mid, random)).merge(merged(parts, mid, to, random));
    }

    @Test
    void theFileOrRegionItselfStopsTheRun() {
        assertThrows(
                UnknownRegionException.class,
                () -> Population.run(
                        engine, "atlantis", AS_OF, new StringReader("id\n"), Population.Options.defaults()));
        MalformedFileException empty = assertThrows(
                MalformedFileException.class,
                () -> run("", Population.Options.defaults().withSource("members.csv")));
        assertTrue(empty.getMessage().startsWith("members.csv: "), empty.getMessage());
        MalformedFileException header = assertThrows(
                MalformedFileException.class,
                () -> run("id,salary\na,1\n", Population.Options.defaults().withSource("members.csv")));
        assertTrue(
                header.getMessage().startsWith("members.csv:1: header: unknown column 'salary'"), header.getMessage());
        Reader broken = new Reader() {
            private int calls;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (calls++ == 0) {
                    String s = "id,work_city\n" + "a,xian\n".repeat(500);
                    s.getChars(0, s.length(), buf, off);
                    return s.length();
                }
                throw new IOException("disk went away");
            }

            @Override
            public void close() {}
        };
        UncheckedIOException io = assertThrows(
                UncheckedIOException.class,
                () -> Population.run(
                        engine,
                        "testland",
                        AS_OF,
                        broken,
                        Population.Options.defaults().withBatchSize(8)));
        assertEquals("disk went away", io.getCause().getMessage());
    }

    @Test
    void aFailureOfTheRulesStopsTheRun(@TempDir Path other) throws IOException {
        Path folder = TestRegions.copy(other, "rules.drl", t -> t + """

                rule "breaks on a trip"
                    @benefit("TEST_TRIP_CASH") @source("TEST-1") @clause("因急事")
                    @zh("坏") @en("broken")
                when
                    $t : Trip()
                then
                    verdict.check($t, null);
                end
                """);
        Nuanxin broken =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        assertThrows(
                RuleExecutionException.class,
                () -> assertTimeoutPreemptively(
                        Duration.ofMinutes(1),
                        () -> Population.run(
                                broken,
                                "testland",
                                AS_OF,
                                new StringReader(register),
                                Population.Options.defaults().withBatchSize(4))));
    }
}
