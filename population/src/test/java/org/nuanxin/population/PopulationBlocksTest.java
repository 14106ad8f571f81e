package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.TestRegions;

/**
 * A register cut into blocks reads as it did row by row: a generated register with bad rows, and
 * hand-written rows whose quoted cells hold commas, quotes and line breaks, run on one thread and on
 * several, through blocks of a few characters up to the default, give the same report, and the bad rows
 * keep their row numbers (the line each row starts on; the header is row 1).
 */
class PopulationBlocksTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 1); // testland runs through 2025

    private static Nuanxin engine;
    private static Nuanxin fresh;
    private static String csv;

    /**
     * 1,000 generated rows (lines 2 to 1001), then the hand-written rows A to D (lines 1002 to 1020), 1,000 more
     * generated rows (lines 1021 to 2020), then E (line 2021) and F (line 2022, the end of the file).
     */
    @BeforeAll
    static void register() throws IOException {
        engine = TestRegions.testland();
        fresh = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(TestRegions.TESTLAND)
                .cachedDecisions(0)
                .build();
        StringWriter out = new StringWriter();
        RegisterGenerator.write(
                out,
                2_000,
                Testland.registerProfile(),
                11,
                RegisterGenerator.Options.defaults().withReferenceDate(AS_OF).withBadRowFraction(0.03));
        List<String> lines = List.of(out.toString().split("\n", -1));
        assertEquals(2_002, lines.size(), "the generator writes one line a row (and a final line break)");
        String header = lines.get(0);
        List<String> columns = List.of(header.split(","));
        String[] template = new RecordByRecordCsv(new StringReader(lines.get(1) + "\n"))
                .next()
                .cells();
        int employer = columns.indexOf("employer");
        int workCity = columns.indexOf("work_city");

        String[] a = template.clone();
        a[employer] = "Swift, \"Red\"\nFleet\r\nLtd"; // A: good, lines 1002-1004
        String[] b = template.clone();
        b[workCity] = "atlantis, \"lost\"\ncity"; // B: bad work_city, lines 1005-1006
        String[] c = template.clone();
        c[workCity] = "@"; // C: text after a closing quote, line 1009
        String[] d = template.clone();
        d[employer] = ("x".repeat(7_000) + "\n").repeat(10); // D: too long, lines 1010-1020

        StringBuilder s = new StringBuilder();
        s.append(header).append('\n');
        for (int i = 1; i <= 1_000; i++) {
            s.append(lines.get(i)).append('\n');
        }
        s.append(join(a)).append('\n');
        s.append(join(b)).append("\r\n");
        s.append("\n\r\n"); // blank lines 1007 and 1008
        s.append(join(c).replace(",@,", ", \"xian\" x,")).append('\n');
        s.append(join(d)).append('\n');
        for (int i = 1_001; i <= 2_000; i++) {
            s.append(lines.get(i)).append('\n');
        }
        s.append("a,\"b,c\",d\n"); // E: three cells, line 2021
        s.append("x,\"never closed\nmore"); // F: an unclosed quote at the end, line 2022
        csv = s.toString();
    }

    private static String join(String[] cells) {
        return String.join(",", Arrays.stream(cells).map(CsvReader::quote).toList());
    }

    /** The report the long way: read record by record as before blocks, every row assessed afresh. */
    private record Expected(long rows, long bad, List<RowProblem> problems, long[][] counts, BigDecimal[][] money) {}

    private static Expected oneByOne() throws IOException {
        RecordByRecordCsv in = new RecordByRecordCsv(new StringReader(csv));
        RegisterFormat f = RegisterFormat.header("x", in.next().cells());
        int n = engine.region("testland").benefits().size();
        SummedDecisions sums = new SummedDecisions(n);
        List<RowProblem> problems = new ArrayList<>();
        long rows = 0;
        long bad = 0;
        CsvReader.Record r;
        while ((r = in.next()) != null) {
            rows++;
            RegisterFormat.Row row =
                    r.problem() != null ? RegisterFormat.broken(r.line(), r.problem()) : f.row(r.line(), r.cells());
            Assessment a = null;
            if (row.ok()) {
                try {
                    a = fresh.assess("testland", row.situation(), AS_OF);
                } catch (InvalidInputException e) {
                    problems.add(Population.problem(r.line(), e));
                    bad++;
                    continue;
                }
            }
            if (a == null) {
                problems.addAll(row.problems());
                bad++;
                continue;
            }
            sums.add(a);
        }
        problems.sort(null);
        return new Expected(rows, bad, problems, sums.counts, sums.money);
    }

    private static PopulationReport run(int threads, int blockSize, int batchSize, int maxProblems) {
        return Population.run(
                engine,
                "testland",
                AS_OF,
                new StringReader(csv),
                Population.Options.defaults()
                        .withThreads(threads)
                        .withBlockSize(blockSize)
                        .withBatchSize(batchSize)
                        .withMaxProblems(maxProblems));
    }

    @Test
    void theHandWrittenRowsKeepTheirRowNumbers() throws IOException {
        Expected want = oneByOne();
        assertEquals(2_006, want.rows(), "2,000 generated rows and A to F");
        List<String> hand = new ArrayList<>();
        for (RowProblem p : want.problems()) {
            if (p.row() >= 1002 && p.row() <= 1020 || p.row() >= 2021) {
                hand.add(p.row() + " " + p.field());
            }
        }
        assertEquals(
                List.of("1005 work_city", "1009 columns", "1010 columns", "2021 columns", "2022 columns"),
                hand,
                "read record by record");
        PopulationReport got = run(3, 64, 5, Integer.MAX_VALUE);
        List<String> gotHand = new ArrayList<>();
        for (RowProblem p : got.problems()) {
            if (p.row() >= 1002 && p.row() <= 1020 || p.row() >= 2021) {
                gotHand.add(p.row() + " " + p.field());
            }
        }
        assertEquals(hand, gotHand, "read in blocks of 64 characters on 3 threads");
        RowProblem tooLong =
                got.problems().stream().filter(p -> p.row() == 1010).findFirst().orElseThrow();
        assertTrue(tooLong.problem().startsWith("the row is longer than 65536 characters"), tooLong.problem());
        RowProblem closing =
                got.problems().stream().filter(p -> p.row() == 1009).findFirst().orElseThrow();
        assertTrue(closing.problem().startsWith("text after a closing quote in cell "), closing.problem());
        RowProblem open =
                got.problems().stream().filter(p -> p.row() == 2022).findFirst().orElseThrow();
        assertTrue(open.problem().contains("not closed"), open.problem());
        assertEquals(
                List.of(),
                got.problems().stream()
                        .filter(p -> p.row() >= 1002 && p.row() <= 1004)
                        .toList(),
                "A, with a comma, quotes and line breaks in its employer, is a good row");
        assertTrue(
                got.problems().stream().anyMatch(p -> p.row() > 1021 && p.row() < 2021),
                "generated bad rows after the long row, numbered after its 11 lines: " + got.problems());
    }

    @Test
    void everyWayOfCuttingGivesTheReportOfTheRowByRowReading() throws IOException {
        Expected want = oneByOne();
        assertTrue(want.bad() > 40, "3 % of 2,000 generated rows are bad, and five hand-written: " + want.bad());
        PopulationReport first = null;
        for (int threads : new int[] {1, 3}) {
            for (int blockSize : new int[] {1, 17, 200, 4096, Population.Options.DEFAULT_BLOCK_SIZE}) {
                for (int batchSize : new int[] {1, 7, Population.Options.DEFAULT_BATCH_SIZE}) {
                    String what =
                            threads + " threads, blocks of " + blockSize + " characters and " + batchSize + " rows";
                    PopulationReport r = run(threads, blockSize, batchSize, Integer.MAX_VALUE);
                    assertEquals(want.rows(), r.rows(), what);
                    assertEquals(want.bad(), r.badRows(), what);
                    assertEquals(want.problems(), r.problems(), what);
                    assertEquals(want.problems().size(), r.problemCount(), what);
                    for (int i = 0; i < r.benefits().size(); i++) {
                        BenefitTotals t = r.benefits().get(i);
                        assertEquals(
                                List.of(want.counts()[i][0], want.counts()[i][1], want.counts()[i][2]),
                                List.of(t.eligible(), t.notEligible(), t.needsInfo()),
                                what + ": " + t.code());
                        assertEquals(
                                Arrays.asList(want.money()[i]),
                                List.of(t.cash(), t.cashMin(), t.cashMax(), t.value()),
                                what + ": " + t.code());
                    }
                    if (first == null) {
                        first = r;
                    }
                    assertEquals(first.benefits(), r.benefits(), what);
                    assertTrue(
                            r.peakRowsInFlight()
                                    <= Population.Options.defaults()
                                            .withThreads(threads)
                                            .withBatchSize(batchSize)
                                            .maxRowsInFlight(),
                            what + ": peak " + r.peakRowsInFlight());
                }
            }
        }
        assertFalse(first.benefits().stream().allMatch(t -> t.eligible() == 0), "rows were eligible");
    }

    @Test
    void theProblemsOfTheSmallestRowsAreKeptWhateverTheCutting() {
        PopulationReport one = run(1, Population.Options.DEFAULT_BLOCK_SIZE, Population.Options.DEFAULT_BATCH_SIZE, 8);
        PopulationReport many = run(3, 33, 3, 8);
        assertEquals(8, one.problems().size());
        assertEquals(one.problems(), many.problems());
        assertEquals(one.problemCount(), many.problemCount());
        assertTrue(one.problemsOmitted() > 0);
    }
}
