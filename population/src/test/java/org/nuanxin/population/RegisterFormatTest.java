package org.nuanxin.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.MalformedFileException;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Gender;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;

/** The CSV reader and the register's columns: every field type, quoting, the header, bad rows. */
class RegisterFormatTest {

    /** Every row of a CSV text (header first), as the population run reads it. */
    private static List<RegisterFormat.Row> rows(String csv) {
        try {
            CsvReader in = new CsvReader(new StringReader(csv));
            RegisterFormat f = RegisterFormat.header("test.csv", in.next().cells());
            List<RegisterFormat.Row> rows = new ArrayList<>();
            CsvReader.Record r;
            while ((r = in.next()) != null) {
                rows.add(
                        r.problem() != null
                                ? RegisterFormat.broken(r.line(), r.problem())
                                : f.row(r.line(), r.cells()));
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Worker worker(String csv) {
        RegisterFormat.Row row = rows(csv).get(0);
        assertTrue(row.ok(), () -> row.problems().toString());
        return row.situation().worker();
    }

    private static RowProblem onlyProblem(String csv) {
        RegisterFormat.Row row = rows(csv).get(0);
        assertFalse(row.ok());
        assertEquals(1, row.problems().size(), () -> row.problems().toString());
        return row.problems().get(0);
    }

    @Test
    void everyWorkerFieldIsRead() {
        Worker w = worker(String.join(",", Worker.FIELDS) + "\n"
                + "w-1,courier,true,xian,610400,,henan,FEMALE,1990-05-17,yes,2024-01-02,URBAN_RURAL_RESIDENT,false,0,1,"
                + "SF_EXPRESS,true,2022-07-01,no,2015-06-01:PRIMARY;2019-03-02,DEGREE:2023-05-01;SKILL:2024-01-01\n");
        assertEquals("w-1", w.id());
        assertEquals(Occupation.COURIER, w.occupation(), "enum values in any case");
        assertEquals(Boolean.TRUE, w.newEmploymentForm());
        assertEquals("610100", w.workCity().code());
        assertEquals("610400", w.residenceCity().code(), "a division code");
        assertEquals("610000", w.workProvince().code(), "derived from work_city when left empty");
        assertEquals("410000", w.hukouProvince().code());
        assertEquals(Gender.FEMALE, w.gender());
        assertEquals(LocalDate.of(1990, 5, 17), w.birthDate());
        assertEquals(Boolean.TRUE, w.unionMember(), "yes is true");
        assertEquals(LocalDate.of(2024, 1, 2), w.unionJoinDate());
        assertEquals(MedicalInsurance.URBAN_RURAL_RESIDENT, w.medicalInsurance());
        assertEquals(Boolean.FALSE, w.hardship());
        assertEquals(Boolean.FALSE, w.martyrFamily(), "0 is false");
        assertEquals(Boolean.TRUE, w.frontlineOutstanding(), "1 is true");
        assertEquals("SF_EXPRESS", w.employer());
        assertEquals(Boolean.TRUE, w.headPlatformEnterprise());
        assertEquals(LocalDate.of(2022, 7, 1), w.employmentStartDate());
        assertEquals(Boolean.FALSE, w.integrityDeductions());
        assertEquals(
                List.of(
                        new Child(LocalDate.of(2015, 6, 1), SchoolStage.PRIMARY),
                        new Child(LocalDate.of(2019, 3, 2), null)),
                w.children());
        assertEquals(
                List.of(
                        new Certificate(CertificateKind.DEGREE, LocalDate.of(2023, 5, 1)),
                        new Certificate(CertificateKind.SKILL, LocalDate.of(2024, 1, 1))),
                w.certificates());
    }

    @Test
    void anEmptyCellIsUnknownAndADashIsNone() {
        Worker w = worker("id,occupation,children,certificates,work_city\nw-2,, ,,\n");
        assertNull(w.occupation());
        assertNull(w.children(), "empty children: unknown");
        assertNull(w.certificates());
        assertNull(w.workCity());
        Worker none = worker("children,certificates\n-,none\n");
        assertEquals(List.of(), none.children(), "- is known to have none");
        assertEquals(List.of(), none.certificates());
        Worker partial = worker("children,certificates\n:PRIMARY;2020-01-01;,SKILL\n");
        assertEquals(
                List.of(new Child(null, SchoolStage.PRIMARY), new Child(LocalDate.of(2020, 1, 1), null)),
                partial.children(),
                "an empty birth date is unknown; a trailing ; is forgiven");
        assertEquals(List.of(new Certificate(CertificateKind.SKILL, null)), partial.certificates());
    }

    @Test
    void columnsComeInAnyOrderAndAnySubset() {
        Worker w = worker("hukou_province , WORK_CITY,new_employment_form\nshaanxi,hangzhou,TRUE\n");
        assertEquals("610000", w.hukouProvince().code());
        assertEquals("330100", w.workCity().code());
        assertEquals(Boolean.TRUE, w.newEmploymentForm());
        assertNull(w.birthDate());
    }

    @Test
    void eventColumnsMakeOneEventOfEachType() {
        RegisterFormat.Row row = rows("id,trip_date,trip_reason,trip_union_certified,trip_ticket_cost,stay_hospital,"
                        + "stay_admission_date,stay_discharge_date,stay_out_of_pocket_cost,stay_meal_cost,arrears_date,arrears_amount\n"
                        + "a,2026-01-20,URGENT_MATTER,true,356.50,xian_union_hospital,2026-01-02,2026-01-09,1200,80.5,2025-12-01,3000\n")
                .get(0);
        assertTrue(row.ok(), () -> row.problems().toString());
        assertEquals(
                List.of(
                        new HomecomingTrip(
                                LocalDate.of(2026, 1, 20), TripReason.URGENT_MATTER, true, new BigDecimal("356.50")),
                        new Hospitalisation(
                                "xian_union_hospital",
                                LocalDate.of(2026, 1, 2),
                                LocalDate.of(2026, 1, 9),
                                new BigDecimal("1200.00"),
                                new BigDecimal("80.50")),
                        new WageArrears(LocalDate.of(2025, 12, 1), new BigDecimal("3000.00"))),
                row.situation().events());
        List<RegisterFormat.Row> more =
                rows("id,trip_date,trip_reason,trip_union_certified,trip_ticket_cost\nb,,,,\nc,,,,120.00\n");
        assertEquals(List.of(), more.get(0).situation().events(), "all cells of an event empty: no event");
        assertEquals(
                List.of(new HomecomingTrip(null, null, null, new BigDecimal("120.00"))),
                more.get(1).situation().events(),
                "one known cell makes the event, the rest unknown");
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaks() {
        List<RegisterFormat.Row> rows = rows("\uFEFFid,employer,work_city\r\n"
                + "a,\"Xi'an Swift Couriers, Ltd.\",xian\r\n"
                + "b,\"the \"\"Red\"\"\nfleet\" , \"xian\"\r\n"
                + "\r\n"
                + "c, \"顺丰速运，西安\",xian\n");
        assertEquals(
                "Xi'an Swift Couriers, Ltd.", rows.get(0).situation().worker().employer(), "a BOM and CRLF are read");
        assertEquals(2, rows.get(0).row(), "the header is row 1");
        assertEquals(
                "the \"Red\"\nfleet",
                rows.get(1).situation().worker().employer(),
                "\"\" is a quote; a line break is text");
        assertEquals("610100", rows.get(1).situation().worker().workCity().code(), "blanks around quotes are dropped");
        assertEquals(3, rows.get(1).row());
        assertEquals(6, rows.get(2).row(), "the line a record starts on; blank lines are skipped, not rows");
        assertEquals("顺丰速运，西安", rows.get(2).situation().worker().employer());
    }

    @Test
    void aLineBreakInsideQuotesIsPartOfTheCell() throws IOException {
        CsvReader in = new CsvReader(new StringReader("a,b\n\"x\ny\",z\nlast,row"));
        assertEquals(List.of("a", "b"), List.of(in.next().cells()));
        CsvReader.Record r = in.next();
        assertEquals(List.of("x\ny", "z"), List.of(r.cells()));
        assertEquals(2, r.line());
        CsvReader.Record last = in.next();
        assertEquals(4, last.line());
        assertEquals(List.of("last", "row"), List.of(last.cells()), "no line break at the end of the file");
        assertNull(in.next());
    }

    @Test
    void brokenQuotingIsABadRow() {
        List<RegisterFormat.Row> rows = rows("id,employer\na,\"open\" text\nb,\"never closed\n");
        assertEquals("columns", rows.get(0).problems().get(0).field());
        assertTrue(rows.get(0).problems().get(0).problem().contains("after a closing quote"));
        assertTrue(rows.get(1).problems().get(0).problem().contains("not closed"));
        assertEquals(3, rows.get(1).row());
    }

    @Test
    void aRunawayRowIsCutShortNotKept() {
        List<RegisterFormat.Row> rows = rows("id,employer\na," + "x".repeat(200_000) + "\nb,SF_EXPRESS\n");
        assertEquals("columns", rows.get(0).problems().get(0).field());
        assertTrue(rows.get(0).problems().get(0).problem().startsWith("the row is longer than 65536 characters"));
        assertEquals("SF_EXPRESS", rows.get(1).situation().worker().employer(), "the next row reads as usual");
        List<RegisterFormat.Row> open = rows("id,employer\na,\"never closed\n" + "b,x\n".repeat(30_000));
        assertEquals(1, open.size(), "an unclosed quote swallows the rest of the file as one bad row");
        assertTrue(open.get(0).problems().get(0).problem().contains("a quoted cell may not be closed"));
    }

    @Test
    void aParserRefusesARowLongerThanACsvRowMayBe() {
        RegisterFormat.Parser parser = RegisterFormat.header("test.csv", new String[] {"id", "employer"})
                .parser();
        RegisterFormat.Row runaway = parser.row(2, new String[] {"a", "x".repeat(200_000)});
        assertFalse(runaway.ok());
        assertEquals("columns", runaway.problems().get(0).field());
        assertEquals(
                "the row is longer than 65536 characters",
                runaway.problems().get(0).problem());
        // the cells and the comma between them: 65,536 characters in all is still a row
        assertTrue(parser.row(3, new String[] {"a", "x".repeat(65_534)}).problems().stream()
                .noneMatch(p -> p.field().equals("columns")));
        assertFalse(parser.row(4, new String[] {"a", "x".repeat(65_535)}).problems().stream()
                .noneMatch(p -> p.field().equals("columns")));
        assertTrue(parser.row(5, new String[] {"b", "SF_EXPRESS"}).ok(), "the next row reads as usual");
    }

    @Test
    void anUnknownColumnIsAnErrorOfTheFile() {
        MalformedFileException e =
                assertThrows(MalformedFileException.class, () -> rows("id,work_city,salary\nw,xian,100\n"));
        assertEquals("test.csv", e.file());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("unknown column 'salary' (column 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("hukou_province"), "lists the columns accepted");
        MalformedFileException twice = assertThrows(MalformedFileException.class, () -> rows("id,ID\n"));
        assertTrue(twice.getMessage().contains("'id' appears twice"), twice.getMessage());
        MalformedFileException unnamed = assertThrows(MalformedFileException.class, () -> rows("id,,work_city\n"));
        assertTrue(unnamed.getMessage().contains("column 2 has no name"), unnamed.getMessage());
    }

    @Test
    void badCellsAreReportedWithRowAndField() {
        String header =
                "id,work_city,occupation,birth_date,hardship,trip_ticket_cost,hukou_province,children,certificates\n";
        assertEquals(
                new RowProblem(
                        2,
                        "work_city",
                        "unknown city 'atlantis'; use lowercase pinyin (e.g. xian, hangzhou, "
                                + "cixi), a 6-digit GB/T 2260 code or the Chinese name"),
                onlyProblem(header + "a,atlantis,,,,,,,\n"));
        RowProblem ambiguous = onlyProblem(header + "a,taizhou,,,,,,,\n");
        assertEquals("work_city", ambiguous.field());
        assertTrue(ambiguous.problem().contains("more than one"), ambiguous.problem());
        RowProblem occupation = onlyProblem(header + "a,,BIKER,,,,,,\n");
        assertEquals("occupation", occupation.field());
        assertTrue(
                occupation.problem().startsWith("unknown value 'BIKER'; expected one of: COURIER"),
                occupation.problem());
        RowProblem date = onlyProblem(header + "a,,,2023-02-30,,,,,\n");
        assertEquals("birth_date", date.field());
        assertTrue(date.problem().contains("YYYY-MM-DD"), date.problem());
        assertEquals("birth_date", onlyProblem(header + "a,,,1850-01-01,,,,,\n").field());
        RowProblem bool = onlyProblem(header + "a,,,,maybe,,,,\n");
        assertEquals("hardship", bool.field());
        assertTrue(bool.problem().contains("true or false"), bool.problem());
        RowProblem negative = onlyProblem(header + "a,,,,,-35.00,,,\n");
        assertEquals("trip_ticket_cost", negative.field());
        assertTrue(negative.problem().contains("must not be negative"), negative.problem());
        assertEquals(
                "trip_ticket_cost", onlyProblem(header + "a,,,,,12.345,,,\n").field(), "finer than a fen");
        assertEquals(
                "hukou_province",
                onlyProblem(header + "a,,,,,,xian-province,,\n").field());
        RowProblem child = onlyProblem(header + "a,,,,,,,2015-06-01:KINDERGARTEN,\n");
        assertEquals("children", child.field());
        assertTrue(child.problem().startsWith("child 1: unknown value 'KINDERGARTEN'"), child.problem());
        RowProblem cert = onlyProblem(header + "a,,,,,,,,DEGREE:2023-05-01;PHD:2024-01-01\n");
        assertEquals("certificates", cert.field());
        assertTrue(cert.problem().startsWith("certificate 2: unknown value 'PHD'"), cert.problem());
        RowProblem count = onlyProblem(header + "a,xian,COURIER\n");
        assertEquals("columns", count.field());
        assertEquals(
                "the row has 3 cells but the header has 9 columns (quote a cell that holds a comma)", count.problem());
        assertEquals(
                "columns", onlyProblem(header + "a,Xi'an, Shaanxi,,,,,,,\n").field(), "an unquoted comma");
    }

    @Test
    void aRowReportsEveryBadCellAtOnce() {
        RegisterFormat.Row row =
                rows("id,work_city,gender,union_member\na,atlantis,X,perhaps\n").get(0);
        assertEquals(
                List.of("work_city", "gender", "union_member"),
                row.problems().stream().map(RowProblem::field).toList());
        assertTrue(row.problems().stream().allMatch(p -> p.row() == 2));
    }

    @Test
    void anInconsistentProfileNamesItsField() {
        RowProblem p = onlyProblem("work_city,work_province\nxian,zhejiang\n");
        assertEquals("work_province", p.field());
        assertTrue(p.problem().contains("does not contain work_city"), p.problem());
        RowProblem stay = onlyProblem("stay_admission_date,stay_discharge_date\n2026-01-09,2026-01-02\n");
        assertEquals("stay_discharge_date", stay.field());
    }

    @Test
    void quotingWritesWhatTheReaderReads() throws IOException {
        List<String> cells = List.of("plain", "a, b", "say \"hi\"", " padded ", "two\nlines", "");
        String line = String.join(",", cells.stream().map(CsvReader::quote).toList());
        assertEquals(
                cells,
                List.of(new CsvReader(new StringReader(line + "\n")).next().cells()));
    }

    @Test
    void oneParserReadsRowAfterRowAsTheFormatDoes() {
        RegisterFormat f = RegisterFormat.header("test.csv", new String[] {"id", "work_city", "children", "gender"});
        RegisterFormat.Parser parser = f.parser();
        String[][] rows = {
            {"a", "xian", "2015-06-01:PRIMARY", "FEMALE"},
            {"b", "atlantis", "", "X"},
            {"c", null, null, null},
            {"d", "xian", "-", "male", "one too many"},
            {"e", "  xian ", "2019-03-02", "MALE"}
        };
        for (int i = 0; i < rows.length; i++) {
            String[] cells = rows[i];
            String[] empty =
                    java.util.Arrays.stream(cells).map(c -> c == null ? "" : c).toArray(String[]::new);
            RegisterFormat.Row once = f.row(i + 2, empty);
            RegisterFormat.Row reused = parser.row(i + 2, cells);
            assertEquals(once.problems(), reused.problems(), "row " + (i + 2));
            assertEquals(
                    once.ok() ? once.situation().worker() : null,
                    reused.ok() ? reused.situation().worker() : null,
                    "row " + (i + 2));
        }
        assertFalse(parser.row(9, rows[1]).ok(), "a bad row stays bad when read again");
        assertTrue(parser.row(10, rows[0]).ok(), "and a good one good");
    }
}
