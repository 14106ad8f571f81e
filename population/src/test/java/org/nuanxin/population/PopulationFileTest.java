package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Nuanxin;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.TestRegions;

/**
 * A register in a file read in byte ranges, each thread its own, gives the report of one reader: the same totals and
 * the same bad rows under the same row numbers, however the file is cut into ranges — ranges starting inside a
 * quoted cell, between a CR and its LF, in a runaway row, more ranges than rows — with LF or CRLF line breaks, a
 * byte-order mark, no line break at the end, and characters of several bytes. A register whose quoted cells hold
 * line breaks is read again by one reader, with the same report.
 */
class PopulationFileTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 10, 1); // testland runs through 2025

    @TempDir
    static Path dir;

    private static Nuanxin engine;
    /** Generated rows (3 % bad) and hand-written ones between them; no line break inside a quoted cell. */
    private static String register;

    @BeforeAll
    static void register() throws IOException {
        engine = TestRegions.testland();
        StringWriter out = new StringWriter();
        RegisterGenerator.write(
                out,
                1_200,
                Testland.registerProfile(),
                11,
                RegisterGenerator.Options.defaults().withReferenceDate(AS_OF).withBadRowFraction(0.03));
        List<String> lines = List.of(out.toString().split("\n", -1));
        String header = lines.get(0);
        List<String> columns = List.of(header.split(","));
        String[] template = new RecordByRecordCsv(new StringReader(lines.get(1) + "\n"))
                .next()
                .cells();
        int employer = columns.indexOf("employer");
        int workCity = columns.indexOf("work_city");
        String[] quoted = template.clone();
        quoted[employer] = "Swift, \"Red\" Fleet, Ltd"; // a good row whose quoted cell holds commas and quotes
        String[] wide = template.clone();
        wide[employer] = "顺丰速运 𠮷 Ünïcödé"; // characters of 2, 3 and 4 bytes
        String[] badCity = template.clone();
        badCity[workCity] = "atlantis, \"lost\" city"; // a bad work_city, quoted
        String[] tooLong = template.clone();
        tooLong[employer] = "y".repeat(70_000); // a row longer than 65,536 characters, on one line

        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 1; i <= 600; i++) {
            s.append(lines.get(i)).append('\n');
        }
        s.append(join(quoted)).append('\n');
        s.append(join(wide)).append('\n');
        s.append('\n'); // a blank line
        s.append(join(badCity)).append('\n');
        s.append(join(template).replace("," + template[workCity] + ",", ", \"xian\" x,"))
                .append('\n'); // text after a closing quote
        s.append(join(tooLong)).append('\n');
        s.append("a,\"b,c\",d\n"); // three cells
        for (int i = 601; i <= 1_200; i++) {
            s.append(lines.get(i)).append('\n');
        }
        register = s.toString();
        assertFalse(register.contains("\"\n"), "no quoted cell ends a line");
    }

    private static String join(String[] cells) {
        return String.join(",", Arrays.stream(cells).map(CsvReader::quote).toList());
    }

    private static Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static Population.Options options(int threads, int maxProblems) {
        return Population.Options.defaults()
                .withThreads(threads)
                .withBatchSize(16)
                .withBlockSize(1024)
                .withMaxProblems(maxProblems);
    }

    /** The report of one reader. */
    private static PopulationReport single(String text, Population.Options options) {
        return Population.run(engine, "testland", AS_OF, new StringReader(text), options);
    }

    private static Population.FileOutcome ranges(Path file, Population.Options options, long[] cuts) {
        return Population.runFile(engine, "testland", AS_OF, file, options, cuts);
    }

    private static void assertSameReport(PopulationReport want, PopulationReport got, String what) {
        assertEquals(want.rows(), got.rows(), what + ": rows");
        assertEquals(want.badRows(), got.badRows(), what + ": bad rows");
        assertEquals(want.benefits(), got.benefits(), what + ": benefits");
        assertEquals(want.problems(), got.problems(), what + ": problems");
        assertEquals(want.problemCount(), got.problemCount(), what + ": problem count");
        assertEquals(want.ruleSetVersion(), got.ruleSetVersion(), what + ": rule set");
        assertEquals(want.threads(), got.threads(), what + ": threads");
    }

    /** {@code n - 1} cuts spread evenly over the file: {@code n} ranges. */
    private static long[] even(long size, int n) {
        return LongStream.range(1, n).map(i -> i * size / n).toArray();
    }

    /** Cut sets for a file: even ones of 1 to 60 ranges, random ones, and every byte of a window as one cut. */
    private static List<long[]> cutSets(long size, long windowFrom, long windowTo, long seed) {
        List<long[]> sets = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 7, 16, 60}) {
            sets.add(even(size, n));
        }
        Random r = new Random(seed);
        for (int k = 0; k < 6; k++) {
            sets.add(r.longs(1 + r.nextInt(40), 0, size).sorted().toArray());
        }
        for (long at = windowFrom; at < windowTo; at++) {
            sets.add(new long[] {at, at + 1, at + 7});
        }
        return sets;
    }

    /** Every cut set gives the one reader's report, read in ranges (never falling back to one reader). */
    private static void assertRangesReadAsOne(String name, String text, long windowFrom, long windowTo)
            throws IOException {
        Path file = write(name, text);
        long size = Files.size(file);
        for (int maxProblems : new int[] {Integer.MAX_VALUE, 5}) {
            PopulationReport want = single(text, options(3, maxProblems));
            assertTrue(want.badRows() > 30, name + ": 3 % of 1,200 rows are bad, and hand-written ones");
            List<long[]> sets = cutSets(size, windowFrom, windowTo, name.hashCode());
            for (long[] cuts : maxProblems == 5 ? sets.subList(0, 13) : sets) {
                String what = name + " cut at " + Arrays.toString(cuts) + ", " + maxProblems + " problems kept";
                Population.FileOutcome got = ranges(file, options(3, maxProblems), cuts);
                assertFalse(got.singleReader(), what + ": read in ranges");
                assertSameReport(want, got.report(), what);
                assertTrue(
                        got.report().peakRowsInFlight()
                                <= options(3, maxProblems).maxRowsInFlight(),
                        what + ": peak " + got.report().peakRowsInFlight());
            }
        }
    }

    /** The bytes of {@code text} before its {@code n}th character. */
    private static long byteAt(String text, int n) {
        return text.substring(0, n).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void rangesCutAnywhereGiveTheReportOfOneReader() throws IOException {
        int quoted = register.indexOf("\"Swift, ");
        int wide = register.indexOf("顺丰");
        assertTrue(quoted > 0 && wide > quoted);
        // every byte of the quoted cell; and of the characters of several bytes, the rest of the row, the blank line
        assertRangesReadAsOne("lf.csv", register, byteAt(register, quoted), byteAt(register, quoted) + 30);
        int blank = register.indexOf("\n\n") + 2;
        assertRangesReadAsOne(
                "lf-wide.csv",
                register,
                byteAt(register, wide),
                byteAt(register, wide) + Math.min(80, byteAt(register, blank) - byteAt(register, wide)));
        assertRangesReadAsOne("lf-blank.csv", register, byteAt(register, blank) - 25, byteAt(register, blank) + 5);
    }

    @Test
    void rangesCutInARowLongerThanTheLimitKeepItsLineNumbers() throws IOException {
        int start = register.indexOf("yyyy");
        PopulationReport want = single(register, options(3, Integer.MAX_VALUE));
        RowProblem tooLong = want.problems().stream()
                .filter(p -> p.problem().startsWith("the row is longer than 65536 characters"))
                .findFirst()
                .orElseThrow();
        assertEquals(register.substring(0, start).split("\n", -1).length, tooLong.row());
        Path file = write("long.csv", register);
        for (long at = byteAt(register, start) - 3; at < byteAt(register, start) + 70_010; at += 997) {
            Population.FileOutcome got = ranges(file, options(3, Integer.MAX_VALUE), new long[] {at - 5_000, at});
            assertFalse(got.singleReader());
            assertSameReport(want, got.report(), "cut at " + at);
        }
    }

    @Test
    void crlfLineBreaksCutBetweenCrAndLf() throws IOException {
        String crlf = register.replace("\n", "\r\n");
        int from = crlf.indexOf("\"Swift, ");
        assertRangesReadAsOne("crlf.csv", crlf, byteAt(crlf, from) - 40, byteAt(crlf, from) + 4);
    }

    @Test
    void aByteOrderMarkIsDroppedBeforeTheHeaderOnly() throws IOException {
        String bom = "\uFEFF" + register;
        assertRangesReadAsOne("bom.csv", bom, 0, 300);
        // a mark at the start of a data row is text, in ranges as in one reader (here: a bad row)
        String inside = register.replace("\n\n", "\n\uFEFF\n");
        int at = inside.indexOf("\uFEFF");
        assertRangesReadAsOne("mark-in-data.csv", inside, byteAt(inside, at) - 5, byteAt(inside, at) + 5);
    }

    @Test
    void aFileWithoutALineBreakAtTheEnd() throws IOException {
        String last = register.substring(0, register.length() - 1);
        long size = byteAt(last, last.length());
        assertRangesReadAsOne("no-final-break.csv", last, size - 40, size + 2);
        String open = last + "\nx,\"never closed"; // a quote left open on the last line: a bad row
        assertRangesReadAsOne("open-quote.csv", open, size - 5, size + 20);
    }

    @Test
    void tinyFilesOnMoreThreadsThanRows() throws IOException {
        List<String> files = List.of(
                "id,work_city,new_employment_form\n",
                "id,work_city,new_employment_form",
                "\uFEFFid,work_city,new_employment_form\r\na,xian,true\r\n",
                "id,work_city,new_employment_form\na,xian,true",
                "id,work_city,new_employment_form\n\na,\"xian\",true\n\r\nb,atlantis,true\nc,xian\n",
                "id,work_city,new_employment_form\nb,atlantis,true\r\n\r\n\n");
        for (int f = 0; f < files.size(); f++) {
            String text = files.get(f);
            Path file = write("tiny" + f + ".csv", text);
            long size = Files.size(file);
            PopulationReport want = single(text, options(8, 100));
            List<long[]> sets = new ArrayList<>();
            sets.add(LongStream.range(0, size + 2).toArray()); // a range starting at every byte
            for (long at = 0; at <= size + 1; at++) {
                sets.add(new long[] {at});
            }
            for (long[] cuts : sets) {
                String what = visible(text) + " cut at " + Arrays.toString(cuts);
                Population.FileOutcome got = ranges(file, options(8, 100), cuts);
                assertFalse(got.singleReader(), what);
                assertSameReport(want, got.report(), what);
            }
            assertSameReport(
                    want,
                    Population.run(engine, "testland", AS_OF, file, options(8, 100)),
                    visible(text) + " cut by default");
        }
    }

    private static String visible(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Cells with line breaks: the ranges meet one, and the file is read again by one reader, to the same report. */
    @Test
    void aLineBreakInsideAQuotedCellFallsBackToOneReader() throws IOException {
        int at = register.indexOf("\"Swift, ");
        String multiLine = register.substring(0, at) + "\"Swift\nFleet\r\n\""
                + register.substring(register.indexOf(",", register.indexOf("Ltd\"", at)));
        Path file = write("multi-line.csv", multiLine);
        long size = Files.size(file);
        PopulationReport want = single(multiLine, options(3, Integer.MAX_VALUE));
        assertTrue(
                want.problems().stream().anyMatch(p -> p.row() > 610),
                "rows after the cell of three lines keep their numbers");
        int fallbacks = 0;
        for (long[] cuts : cutSets(size, byteAt(multiLine, at) - 2, byteAt(multiLine, at) + 16, 5)) {
            String what = "multi-line cut at " + Arrays.toString(cuts);
            Population.FileOutcome got = ranges(file, options(3, Integer.MAX_VALUE), cuts);
            assertSameReport(want, got.report(), what);
            fallbacks += got.singleReader() ? 1 : 0;
        }
        assertTrue(fallbacks > 20, "the quoted line break was met: " + fallbacks);
        List<Long> progress = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        PopulationReport r = Population.run(
                engine,
                "testland",
                AS_OF,
                file,
                options(3, Integer.MAX_VALUE).withProgress(progress::add).withBytesRead(bytes::add));
        assertSameReport(want, r, "cut by default");
        assertEquals(r.rows(), progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back, even read again");
        }
        for (int i = 1; i < bytes.size(); i++) {
            assertTrue(bytes.get(i) >= bytes.get(i - 1), "nor do the bytes read");
        }
        assertTrue(bytes.get(bytes.size() - 1) <= size);
    }

    @Test
    void progressReachesEveryRowAndByte() throws IOException {
        Path file = write("progress.csv", register);
        List<Long> rows = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        PopulationReport r = Population.runFile(
                        engine,
                        "testland",
                        AS_OF,
                        file,
                        options(2, 10).withProgress(rows::add).withBytesRead(bytes::add),
                        even(Files.size(file), 9))
                .report();
        assertEquals(r.rows(), rows.get(rows.size() - 1));
        assertEquals(rows.size(), bytes.size(), "bytes are told before each progress call");
        assertEquals(Files.size(file) - byteAt(register, register.indexOf('\n') + 1), bytes.get(bytes.size() - 1));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i) >= rows.get(i - 1), "progress never goes back");
        }
    }

    @Test
    void bytesThatAreNotUtf8FailTheRun() throws IOException {
        byte[] good = register.getBytes(StandardCharsets.UTF_8);
        byte[] row = "z,\u00ff\u00fe,true\n".getBytes(StandardCharsets.ISO_8859_1); // Latin-1, not UTF-8
        byte[] bad = Arrays.copyOf(good, good.length + row.length);
        System.arraycopy(row, 0, bad, good.length, row.length);
        Path file = dir.resolve("latin1.csv");
        Files.write(file, bad);
        UncheckedIOException e = assertThrows(
                UncheckedIOException.class, () -> Population.run(engine, "testland", AS_OF, file, options(3, 10)));
        assertInstanceOf(CharacterCodingException.class, e.getCause());
    }

    @Test
    void theHeaderStopsTheRunAsWithOneReader() throws IOException {
        Path empty = write("empty.csv", "\n\r\n");
        MalformedFileException e = assertThrows(
                MalformedFileException.class,
                () -> Population.run(
                        engine, "testland", AS_OF, empty, options(2, 10).withSource("empty.csv")));
        assertTrue(e.getMessage().startsWith("empty.csv: "), e.getMessage());
        Path unknown = write("unknown.csv", "id,salary\na,1\n");
        MalformedFileException h = assertThrows(
                MalformedFileException.class,
                () -> Population.run(
                        engine, "testland", AS_OF, unknown, options(2, 10).withSource("unknown.csv")));
        assertTrue(h.getMessage().startsWith("unknown.csv:1: header: unknown column 'salary'"), h.getMessage());
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
        Path file = write("fails.csv", register);
        for (long[] cuts : List.of(new long[0], even(Files.size(file), 13))) {
            assertThrows(
                    RuleExecutionException.class,
                    () -> assertTimeoutPreemptively(
                            Duration.ofMinutes(1),
                            () -> Population.runFile(broken, "testland", AS_OF, file, options(3, 10), cuts)));
        }
    }
}
