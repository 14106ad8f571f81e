package org.nuanxin.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.population.Population;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.ReportWriter;

/** The command: population's report on Spark, and bad input told in one line with status 2. */
class MainTest {

    @TempDir
    static Path dir;

    private static Path small;

    /** The first 500 data rows of the generated register (bad ones among them). */
    @BeforeAll
    static void smallRegister() throws IOException {
        small = dir.resolve("small.csv");
        try (var lines = Files.lines(SharedSpark.register())) {
            Files.write(small, lines.limit(501).toList(), StandardCharsets.UTF_8);
        }
        SharedSpark.spark(); // started here, so that Main uses the tests' session
    }

    private static final Main.Lang EN = new Main.Lang(false);

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void badInput(Result r, String... inMessage) {
        assertEquals(Main.BAD_INPUT, r.status(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("nuanxin-spark: "), r.err());
        for (String s : inMessage) {
            assertTrue(r.err().contains(s), r.err());
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    /** What population makes of the small register. */
    private static PopulationReport populationsReport() throws IOException {
        try (Reader in = Files.newBufferedReader(small)) {
            return Population.run(SharedSpark.engine(), "xian", SharedSpark.AS_OF, in, Population.Options.defaults());
        }
    }

    @Test
    void printsWhatPopulationPrints() throws IOException {
        PopulationReport expected = populationsReport();
        for (Locale lang : List.of(Locale.ENGLISH, Locale.CHINESE)) {
            Result r = run("--region", "xian", "--as-of", "2026-03-10", "--lang", lang.getLanguage(), small.toString());
            assertEquals(Main.OK, r.status(), r.err());
            StringWriter text = new StringWriter();
            ReportWriter.text(new PrintWriter(text), expected, null, lang); // what population --format text prints
            List<String> want = text.toString().lines().toList();
            List<String> got = r.out().lines().toList();
            assertEquals(want.size(), got.size(), r.out());
            assertEquals(want.subList(0, want.size() - 1), got.subList(0, got.size() - 1), "all but the timing");
            assertTrue(
                    got.get(got.size() - 1)
                            .startsWith(
                                    lang == Locale.CHINESE
                                            ? "500 行，" + expected.badRows() + " 行有误，"
                                            : "500 rows, " + expected.badRows() + " bad rows, "),
                    r.out());
            assertTrue(got.get(1).startsWith(lang == Locale.CHINESE ? "代码 " : "CODE "), got.get(1));
        }
    }

    @Test
    void printsPopulationsCsvAndJson() throws IOException {
        PopulationReport expected = populationsReport();
        Result csv = run("--region", "xian", "--as-of", "2026-03-10", "--format", "csv", small.toString());
        assertEquals(Main.OK, csv.status(), csv.err());
        StringWriter want = new StringWriter();
        ReportWriter.csv(new PrintWriter(want), expected);
        List<String> wantLines = want.toString().lines().toList();
        List<String> gotLines = csv.out().lines().toList();
        assertEquals(wantLines.get(0), gotLines.get(0), "the header");
        assertEquals(wantLines.size(), gotLines.size());
        int seconds = ReportWriter.CSV_HEADER.indexOf("seconds");
        int rate = ReportWriter.CSV_HEADER.indexOf("rows_per_second");
        for (int i = 1; i < wantLines.size(); i++) { // every figure but the run's timing
            String[] w = wantLines.get(i).split(",", -1);
            String[] g = gotLines.get(i).split(",", -1);
            w[seconds] = w[rate] = g[seconds] = g[rate] = "";
            assertEquals(List.of(w), List.of(g), gotLines.get(i));
        }
        Result json = run("--region", "xian", "--as-of", "2026-03-10", "--format=json", small.toString());
        assertEquals(Main.OK, json.status(), json.err());
        assertTrue(json.out().startsWith("{\n  \"region\": \"xian\","), json.out());
        assertTrue(json.out().contains("\"benefit\": \"XIAN_FREE_HEALTH_CHECK\""), json.out());
        badInput(run("--region", "xian", "--format", "xml", small.toString()), "--format: is one of text, json, csv");
        badInput(run("--region", "xian", "--lang", "fr", small.toString()), "--lang: is one of zh, en");
        badInput(
                run("--region", "xian", "--progress", "sometimes", small.toString()),
                "--progress: is one of auto, always, never");
        assertEquals(
                "always",
                Main.Options.parse(new String[] {"--region=xian", "--progress=always", "r.csv"}, EN).progress);
        assertEquals("auto", Main.Options.parse(new String[] {"--region=xian", "r.csv"}, EN).progress);
    }

    @Test
    void writesEveryMembersDecisionsWhenAsked() {
        Path out = dir.resolve("decisions");
        Result r = run("--region=xian", "--as-of=2026-03-10", "--decisions", out.toString(), small.toString());
        assertEquals(Main.OK, r.status(), r.err());
        long rows = SharedSpark.spark().read().parquet(out.toString()).count();
        long invalid = SharedSpark.spark()
                .read()
                .parquet(out.toString())
                .filter("status = 'INVALID'")
                .count();
        int benefits = SharedSpark.engine().region("xian").benefits().size();
        assertEquals((500 - invalid) * benefits + invalid, rows);
        badInput(
                run("--region", "xian", "--decisions", out.toString(), small.toString()),
                "--decisions: ",
                "already exists");
    }

    @Test
    void readsClaimsFromAFile() throws IOException {
        Path claims = dir.resolve("claims.csv");
        String firstId = Oracle.split(Files.readAllLines(small).get(1))[0];
        Files.writeString(claims, "member_id,benefit,claim_date\n" + firstId + ",XIAN_FREE_HEALTH_CHECK,2026-01-05\n");
        Result r = run("--region", "xian", "--as-of", "2026-03-10", "--claims", claims.toString(), small.toString());
        assertEquals(Main.OK, r.status(), r.err());
    }

    @Test
    void badOptionsAreToldInOneLine() {
        badInput(run(small.toString()), "--region: ");
        badInput(
                run("--region", "xian", "--as-of", "2026-13-01", small.toString()), "--as-of: not a date '2026-13-01'");
        badInput(run("--region", "xian", "--colour", "red", small.toString()), "--colour: unknown option");
        badInput(run("--region", "xian", "--max-problems", "-1", small.toString()), "--max-problems: ");
        badInput(run("--region", "xian"), "REGISTER: name the register file");
        badInput(run("--region", "xian", dir.resolve("nothing.csv").toString()), "REGISTER: no such file");
        badInput(run("--region", "atlantis", small.toString()), "--region: unknown region 'atlantis'");
        // the command's own messages in Chinese with --lang zh (the system's language else)
        badInput(
                run("--lang", "zh", "--region", "xian", "--as-of", "2026-13-01", small.toString()),
                "--as-of: 不是日期 '2026-13-01'",
                "（见 --help）");
        badInput(run("--lang=zh", "--region", "atlantis", small.toString()), "--region: 未知地区 'atlantis'；已载入的地区：xian");
        badInput(run("--lang", "zh", "--region", "xian"), "REGISTER: 请给出名册文件");
        Result help = run("--help", "--lang", "en");
        assertEquals(Main.OK, help.status());
        assertTrue(help.out().startsWith("Usage: nuanxin-spark"));
        Result zh = run("--lang=zh", "--help");
        assertEquals(Main.OK, zh.status());
        assertTrue(zh.out().startsWith("用法：nuanxin-spark"), zh.out());
    }

    @Test
    void aBadHeaderIsToldInOneLineNamingTheColumn() throws IOException {
        Path csv = dir.resolve("colour.csv");
        Files.writeString(csv, "id,colour,work_city\na,red,xian\n");
        badInput(run("--region", "xian", csv.toString()), "header: unknown column 'colour' (column 2)");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        badInput(run("--region", "xian", empty.toString()), "the file is empty");
    }

    @Test
    void aRuleSetMismatchFailsTheRunInOneLine() {
        Result r = run("--region", "xian", "--rule-set-version", "0000deadbeef", small.toString());
        assertEquals(Main.FAILED, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("rule set mismatch"), r.err());
        assertTrue(r.err().contains("expects 0000deadbeef"), r.err());
    }

    @Test
    void theUsageNamesEveryOption() {
        for (String option : Arrays.asList(
                "--region",
                "--as-of",
                "--claims",
                "--decisions",
                "--max-problems",
                "--rule-set-version",
                "--master",
                "--conf",
                "--format",
                "--lang",
                "--progress",
                "--help")) {
            assertTrue(Main.USAGE.contains(option), option);
            assertTrue(Main.USAGE_ZH.contains(option), option);
        }
        assertTrue(new StringReader(Main.USAGE).toString() != null);
    }
}
