package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.input.YamlNode;
import org.nuanxin.model.Money;
import org.nuanxin.population.BenefitTotals;
import org.nuanxin.population.Population;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.RegisterFormat;
import org.nuanxin.population.RegisterGenerator;
import org.nuanxin.population.ReportWriter;
import org.nuanxin.population.TestCsv;

/** {@code population} and {@code generate} on the command line, and population runs over every bundled region. */
class PopulationCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC);
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) rows, (\\d+) bad rows?, \\d+\\.\\d s, \\d+ rows/s");

    @TempDir
    static Path dir;

    private static Path xian1000;

    @BeforeAll
    static void generate() {
        xian1000 = dir.resolve("xian-1000.csv");
        CliTest.Run r =
                CliTest.run("generate", "--region", "xian", "--rows", "1000", "--seed", "3", xian1000.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("wrote 1000 rows for xian to "), r.out());
        assertTrue(r.out().contains("--as-of 2026-03-10"), "says which date to assess it on: " + r.out());
    }

    private static CliTest.Run run(Supplier<Nuanxin.Builder> engine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(
                        new Cli(CLOCK, engine).locale(Locale.ENGLISH),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))
                .execute(args);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    private static void assertBadInput(CliTest.Run r, String mention) {
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(
                r.errLines().get(0).startsWith("nuanxin: ")
                        && r.errLines().get(0).contains(mention),
                r::toString);
    }

    @Test
    void aGeneratedXianRegisterGivesATableOfEveryBenefit() {
        CliTest.Run r = CliTest.run("population", "--region", "xian", "--as-of", "2026-03-10", xian1000.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), "no progress when stderr is not a terminal");
        List<String> lines = r.outLines();
        assertTrue(lines.get(0).startsWith("xian as of 2026-03-10 (rules "), lines.get(0));
        assertTrue(
                lines.get(1).matches("CODE +ELIGIBLE +NOT_ELIGIBLE +NEEDS_INFO +CASH +IN_KIND +QUOTA +BUDGET +FLAGS"),
                lines.get(1));
        for (Benefit b :
                Nuanxin.builder().regions("xian").build().region("xian").benefits()) {
            assertTrue(
                    lines.stream().anyMatch(l -> l.startsWith(b.code() + " ")),
                    () -> b.code() + " missing:\n" + r.out());
        }
        String health = lines.stream()
                .filter(l -> l.startsWith("XIAN_FREE_HEALTH_CHECK "))
                .findFirst()
                .orElseThrow();
        assertTrue(health.matches("XIAN_FREE_HEALTH_CHECK +\\d+ +\\d+ +\\d+ +0\\.00 +\\d+\\.\\d\\d +10000 +-"), health);
        Matcher m = SUMMARY.matcher(r.lastLine());
        assertTrue(m.matches(), r.lastLine());
        assertEquals("1000", m.group(1));
        assertEquals("0", m.group(2));
    }

    @Test
    void theTableAddsUpWhatTheEngineDecides() throws IOException {
        Nuanxin engine = Nuanxin.builder().regions("xian").build();
        PopulationReport report;
        try (var in = Files.newBufferedReader(xian1000)) {
            report = Population.run(engine, "xian", LocalDate.of(2026, 3, 10), in, Population.Options.defaults());
        }
        CliTest.Run r = CliTest.run("population", "--region", "xian", "--as-of", "2026-03-10", xian1000.toString());
        for (BenefitTotals t : report.benefits()) {
            String line = r.outLines().stream()
                    .filter(l -> l.startsWith(t.code() + " "))
                    .findFirst()
                    .orElseThrow();
            List<String> cells = List.of(line.trim().split(" {2,}"));
            assertEquals(
                    List.of(
                            t.code(),
                            "" + t.eligible(),
                            "" + t.notEligible(),
                            "" + t.needsInfo(),
                            t.cash().toPlainString(),
                            t.value().toPlainString()),
                    cells.subList(0, 6),
                    line);
        }
        BenefitTotals check = report.benefit("XIAN_FREE_HEALTH_CHECK").orElseThrow();
        assertEquals(new BigDecimal("190.00").multiply(BigDecimal.valueOf(check.eligible())), check.value());
    }

    @Test
    void theReportInChineseHasTheSameFigures() {
        CliTest.Run en = CliTest.run("population", "--region", "xian", "--as-of", "2026-03-10", xian1000.toString());
        CliTest.Run zh = CliTest.runIn(
                Locale.SIMPLIFIED_CHINESE,
                "population",
                "--region",
                "xian",
                "--as-of",
                "2026-03-10",
                xian1000.toString());
        assertEquals(0, zh.code(), zh::toString);
        assertEquals("", zh.err());
        List<String> lines = zh.outLines();
        assertTrue(lines.get(0).matches("xian，评估日 2026-03-10（规则 \\w+）：评估了 1000 名劳动者"), lines.get(0));
        assertTrue(lines.get(1).matches("代码 +可以申请 +不符合 +还需了解 +现金 +实物价值 +名额 +预算 +提示"), lines.get(1));
        assertTrue(zh.lastLine().matches("1000 行，0 行有误，\\d+\\.\\d 秒，\\d+ 行/秒"), zh.lastLine());
        assertEquals(
                cells(en.outLines().subList(2, en.outLines().size() - 2)),
                cells(lines.subList(2, lines.size() - 2)),
                "the same rows of figures");
    }

    @Test
    void jsonCarriesTheFiguresOfTheTextAndTheRunsSummary() {
        String[] args = {"population", "--region", "xian", "--as-of", "2026-03-10", xian1000.toString()};
        CliTest.Run text = CliTest.run(args);
        CliTest.Run json = CliTest.run(with(args, "--format", "json"));
        assertEquals(0, json.code(), json::toString);
        assertEquals("", json.err());
        YamlNode root = YamlNode.parse("population.json", json.out()); // JSON is YAML
        assertEquals("xian", root.text("region"));
        assertEquals("2026-03-10", root.text("as_of"));
        assertTrue(text.outLines().get(0).contains("(rules " + root.text("rule_set_version") + ")"));
        assertEquals("1000", root.text("rows"));
        assertEquals("0", root.text("bad_rows"));
        assertEquals("1000", root.text("assessed"));
        assertEquals("0", root.text("problem_count"));
        assertTrue(root.get("problems").items().isEmpty());
        assertTrue(root.text("seconds").matches("\\d+\\.\\d{3}"), root.text("seconds"));
        assertTrue(root.text("rows_per_second").matches("\\d+"));
        assertTrue(root.get("stats") == null, "no stats unless --stats");
        List<YamlNode> benefits = root.get("benefits").items();
        assertEquals(text.outLines().size() - 4, benefits.size(), "one object per row of the table");
        for (YamlNode b : benefits) {
            String code = b.text("benefit");
            List<String> cells = List.of(text.outLines().stream()
                    .filter(l -> l.startsWith(code + " "))
                    .findFirst()
                    .orElseThrow()
                    .split(" {2,}"));
            String cash = b.text("cash_low").equals(b.text("cash_high"))
                    ? b.text("cash_low")
                    : b.text("cash_low") + ".." + b.text("cash_high");
            assertEquals(
                    cells.subList(0, 8),
                    List.of(
                            code,
                            b.text("eligible"),
                            b.text("not_eligible"),
                            b.text("needs_info"),
                            cash,
                            b.text("in_kind"),
                            b.get("quota").isNull() ? "-" : b.text("quota"),
                            b.get("budget").isNull() ? "-" : b.text("budget")),
                    code);
        }
        YamlNode check = benefits.stream()
                .filter(b -> b.text("benefit").equals("XIAN_FREE_HEALTH_CHECK"))
                .findFirst()
                .orElseThrow();
        assertEquals("免费体检（体检车进一线+自主体检）", check.text("name_zh"));
        assertEquals("health_check.quota_per_year", check.text("quota_parameter"));
        assertEquals("false", check.text("quota_exceeded"));
        String sameInChinese =
                CliTest.run(with(args, "--format", "json", "--lang", "zh")).out();
        assertEquals(withoutTimes(json.out()), withoutTimes(sameInChinese), "JSON is the same in every language");
        CliTest.Run stats = CliTest.run(with(args, "--format", "json", "--stats"));
        YamlNode s = YamlNode.parse("stats.json", stats.out()).get("stats");
        assertTrue(s.text("heap_max_mib").matches("\\d+\\.\\d"), stats::toString);
        assertTrue(s.text("gc_collections").matches("\\d+"), stats::toString);
    }

    @Test
    void jsonListsTheBadRows() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad-json.csv"), "id,work_city\nx,atlantis\ny,xian\nz,gotham\n");
        CliTest.Run r = CliTest.run(
                "population", "--region", "xian", "--format", "json", "--max-problems", "1", csv.toString());
        assertEquals(0, r.code(), r::toString);
        YamlNode root = YamlNode.parse("bad.json", r.out());
        assertEquals("3", root.text("rows"));
        assertEquals("2", root.text("bad_rows"));
        assertEquals("2", root.text("problem_count"));
        List<YamlNode> problems = root.get("problems").items();
        assertEquals(1, problems.size());
        assertEquals("2", problems.get(0).text("row"));
        assertEquals("work_city", problems.get(0).text("field"));
        assertTrue(problems.get(0).text("problem").startsWith("unknown city 'atlantis'"));
    }

    @Test
    void csvIsRfc4180WithTheSameFigures() {
        String[] args = {"population", "--region", "xian", "--as-of", "2026-03-10", xian1000.toString()};
        CliTest.Run csv = CliTest.run(with(args, "--format", "csv"));
        assertEquals(0, csv.code(), csv::toString);
        assertEquals("", csv.err());
        assertTrue(csv.out().endsWith("\r\n"), "records end in CR LF");
        assertFalse(csv.out().replace("\r\n", "").contains("\n"), "no bare line feed");
        List<List<String>> records = parseCsv(csv.out());
        assertEquals(ReportWriter.CSV_HEADER, records.get(0));
        YamlNode json = YamlNode.parse(
                "p.json", CliTest.run(with(args, "--format", "json")).out());
        List<YamlNode> benefits = json.get("benefits").items();
        assertEquals(benefits.size() + 1, records.size(), "a header and one record per benefit");
        for (int i = 0; i < benefits.size(); i++) {
            List<String> record = records.get(i + 1);
            assertEquals(records.get(0).size(), record.size());
            for (int c = 0; c < record.size(); c++) {
                String column = records.get(0).get(c);
                if (column.equals("seconds") || column.equals("rows_per_second")) {
                    continue;
                }
                YamlNode v = json.get(column) != null
                        ? json.get(column)
                        : benefits.get(i).get(column);
                assertEquals(v.isNull() ? "" : v.text(), record.get(c), column);
            }
        }
        // a name with quotes is quoted, its quotes doubled
        assertTrue(csv.out().contains(",\"Spring Festival \"\"warm road home\"\" special trains\","), csv::toString);
        assertEquals(
                withoutTimes(csv.out()),
                withoutTimes(CliTest.run(with(args, "--format", "csv", "--lang", "zh"))
                        .out()),
                "CSV is the same in every language");
    }

    @Test
    void formatProgressAndStatsAreChecked() {
        String file = xian1000.toString();
        assertBadInput(
                CliTest.run("population", "--region", "xian", "--format", "xml", file),
                "--format: is text, json or csv");
        assertBadInput(
                CliTest.run("population", "--region", "xian", "--format", "xml", "--lang", "zh", file),
                "--format: 应为 text、json 或 csv");
        assertBadInput(CliTest.run("population", "--region", "xian", "--progress", "sometimes", file), "--progress");
        assertBadInput(CliTest.run("population", "--region", "xian", "--format", "csv", "--stats", file), "--stats");
        assertBadInput(
                CliTest.run("population", "--region", "xian", "--threads", "0", "--lang", "zh", file),
                "--threads: 至少为 1");
    }

    @Test
    void progressNeverGoesToStdout() {
        String[] args = {"population", "--region", "xian", "--as-of", "2026-03-10", xian1000.toString()};
        CliTest.Run always = CliTest.run(with(args, "--progress", "always"));
        CliTest.Run never = CliTest.run(with(args, "--progress", "never"));
        assertEquals(0, always.code(), always::toString);
        assertEquals(withoutTimes(never.out()), withoutTimes(always.out()));
        assertFalse(always.out().contains("\r"));
        assertFalse(always.err().contains("\n"), "progress is one line overwritten in place");
        assertEquals("", never.err());
    }

    private static List<List<String>> cells(List<String> lines) {
        return lines.stream().map(l -> List.of(l.trim().split(" +"))).toList();
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /** Output with the run's times taken out (JSON fields, CSV columns, the text's last line). */
    private static String withoutTimes(String out) {
        return out.replaceAll("\"(seconds|rows_per_second|peak_rows_in_flight)\": [\\d.]+", "")
                .replaceAll(",\\d+\\.\\d{3},\\d+,", ",,")
                .replaceAll("\\d+\\.\\d s, \\d+ rows/s", "");
    }

    /** RFC 4180 records: CR LF between records (the CSV must end in one), quoted cells with doubled quotes. */
    private static List<List<String>> parseCsv(String text) {
        return TestCsv.records(text, true);
    }

    @Test
    void aBadRowIsReportedAndTheExitCodeStaysZero() throws IOException {
        Path csv = Files.writeString(
                dir.resolve("one-bad.csv"),
                "id,work_city,new_employment_form,hukou_province\n"
                        + "a,xian,true,henan\n"
                        + "b,atlantis,true,henan\n"
                        + "c,\"xian\",yes,\"shaanxi\"\n");
        CliTest.Run r = CliTest.run("population", "--region", "xian", csv.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(
                r.outLines().stream().anyMatch(l -> l.startsWith("row 3: work_city: unknown city 'atlantis'")),
                r::toString);
        assertTrue(r.out().contains("xian as of 2026-03-10"), "--as-of defaults to today in Shanghai");
        Matcher m = SUMMARY.matcher(r.lastLine());
        assertTrue(m.matches(), r.lastLine());
        assertEquals("3", m.group(1));
        assertEquals("1", m.group(2));
        CliTest.Run zh = CliTest.run("population", "--region", "xian", "--lang", "zh", csv.toString());
        assertTrue(
                zh.outLines().stream().anyMatch(l -> l.startsWith("第 3 行：work_city：unknown city 'atlantis'")),
                zh::toString);
        assertTrue(zh.lastLine().startsWith("3 行，1 行有误，"), zh.lastLine());
    }

    @Test
    void statsComeBeforeTheSummary() {
        CliTest.Run r = CliTest.run(
                "population",
                "--region",
                "xian",
                "--as-of",
                "2026-03-10",
                "--stats",
                "--threads",
                "1",
                xian1000.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.outLines();
        String stats = lines.get(lines.size() - 2);
        assertTrue(
                stats.matches(
                        "stats: 1 threads, peak \\d+ rows in flight; heap used .* MiB; GC \\d+ collections, .* s"),
                stats);
        CliTest.Run zh = CliTest.run(
                "population",
                "--region",
                "xian",
                "--as-of",
                "2026-03-10",
                "--stats",
                "--lang",
                "zh",
                xian1000.toString());
        String statsZh = zh.outLines().get(zh.outLines().size() - 2);
        assertTrue(statsZh.matches("统计：\\d+ 个线程，最多 \\d+ 行同时在处理；堆：.* MiB；GC \\d+ 次，.* 秒"), statsZh);
    }

    @Test
    void manyProblemsAreCountedBeyondTheListed() throws IOException {
        Path csv = dir.resolve("bad-many.csv");
        Files.writeString(csv, "id,work_city\n" + "x,atlantis\n".repeat(7));
        CliTest.Run r = CliTest.run("population", "--region", "xian", "--max-problems", "3", csv.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, r.outLines().stream().filter(l -> l.startsWith("row ")).count());
        assertTrue(r.out().contains("... and 4 more problems (the first 3 by row are listed)"), r.out());
        assertTrue(r.lastLine().startsWith("7 rows, 7 bad rows, "), r.lastLine());
        CliTest.Run zh =
                CliTest.run("population", "--region", "xian", "--max-problems", "3", "--lang", "zh", csv.toString());
        assertTrue(zh.out().contains("……另有 4 个问题（只列出行号最小的 3 个）"), zh.out());
    }

    @Test
    void theFileTheRegionOrTheHeaderCanStopIt() throws IOException {
        assertBadInput(
                CliTest.run(
                        "population",
                        "--region",
                        "xian",
                        dir.resolve("missing.csv").toString()),
                "no such file");
        assertBadInput(
                CliTest.run("population", "--region", "atlantis", xian1000.toString()),
                "--region: unknown region 'atlantis'; known regions: xian");
        Path header = Files.writeString(dir.resolve("salary.csv"), "id,work_city,salary\na,xian,100\n");
        assertBadInput(
                CliTest.run("population", "--region", "xian", header.toString()),
                "salary.csv:1: header: unknown column 'salary' (column 3)");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertBadInput(CliTest.run("population", "--region", "xian", empty.toString()), "the file is empty");
        Path gbk = Files.write(
                dir.resolve("gbk.csv"), "id,employer\na,顺丰速运\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        assertBadInput(CliTest.run("population", "--region", "xian", gbk.toString()), "is not UTF-8 text");
        assertBadInput(CliTest.run("population", xian1000.toString()), "--region");
        assertBadInput(
                CliTest.run("population", "--region", "xian", "--threads", "0", xian1000.toString()), "--threads");
        assertBadInput(
                CliTest.run("population", "--region", "xian", "--cached-decisions", "-1", xian1000.toString()),
                "--cached-decisions");
    }

    @Test
    void theDecisionCacheIsSizedToTheHeapAndChangesNoFigure() {
        assertEquals(
                Nuanxin.DEFAULT_CACHED_DECISIONS,
                PopulationCommand.defaultCachedDecisions(64L << 20),
                "a small heap keeps the engine's default");
        assertEquals(26_214, PopulationCommand.defaultCachedDecisions(256L << 20), "one per 10 KiB");
        assertEquals(100_000, PopulationCommand.defaultCachedDecisions(8L << 30), "at most 100,000");
        CliTest.Run sized = CliTest.run("population", "--region", "xian", "--as-of", "2026-03-10", xian1000.toString());
        CliTest.Run off = CliTest.run(
                "population",
                "--region",
                "xian",
                "--as-of",
                "2026-03-10",
                "--cached-decisions",
                "0",
                xian1000.toString());
        assertEquals(0, off.code(), off::toString);
        assertEquals(
                sized.outLines().subList(0, sized.outLines().size() - 1),
                off.outLines().subList(0, off.outLines().size() - 1),
                "the same table with every worker decided afresh");
    }

    @Test
    void generateSaysWhatItWroteInChinese() {
        CliTest.Run r = CliTest.run(
                "generate",
                "--region",
                "xian",
                "--rows",
                "3",
                "--lang",
                "zh",
                dir.resolve("zh.csv").toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("已为 xian 写入 3 行到 "), r.out());
        assertTrue(r.out().contains("评估命令：population --region xian --as-of 2026-03-10 "), r.out());
        assertBadInput(
                CliTest.run(
                        "generate",
                        "--region",
                        "xian",
                        "--rows",
                        "-1",
                        "--lang",
                        "zh",
                        dir.resolve("x.csv").toString()),
                "--rows: 不能为负数");
    }

    @Test
    void generateChecksItsOptions() {
        assertBadInput(
                CliTest.run(
                        "generate",
                        "--region",
                        "atlantis",
                        "--rows",
                        "5",
                        dir.resolve("a.csv").toString()),
                "no register generator profile for region 'atlantis'; regions with one: neimenggu, qingdao, xian, xinjiang,"
                        + " zhejiang");
        assertBadInput(
                CliTest.run(
                        "generate",
                        "--region",
                        "xian",
                        "--rows",
                        "5",
                        "--bad-rows",
                        "2",
                        dir.resolve("a.csv").toString()),
                "--bad-rows");
        assertBadInput(
                CliTest.run(
                        "generate",
                        "--region",
                        "xian",
                        "--rows",
                        "5",
                        dir.resolve("no/such/folder/a.csv").toString()),
                "no such folder");
        CliTest.Run help = CliTest.run("generate", "--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(
                help.out()
                        .replaceAll("\\s+", " ")
                        .contains("A region on the classpath that ships a register profile: neimenggu, qingdao, xian,"
                                + " xinjiang, zhejiang."),
                help::toString);
        CliTest.Run stdout = CliTest.run("generate", "--region", "qingdao", "--rows", "3", "--no-events", "-");
        assertEquals(0, stdout.code(), stdout::toString);
        assertEquals(4, stdout.outLines().size(), "a header and three rows on stdout");
        assertFalse(stdout.outLines().get(0).contains("trip_date"));
    }

    /**
     * Every bundled region: a generated register's totals equal the sums of the engine's decisions made one
     * by one, and the quota and budget parameters the catalogue names stand beside them.
     */
    @Test
    void everyRegionAddsUpExactly() throws IOException {
        Nuanxin engine = Nuanxin.builder().build();
        Nuanxin fresh = Nuanxin.builder().cachedDecisions(0).build(); // every worker decided by the rules
        assertEquals(
                engine.regionIds().stream().sorted().toList(),
                RegisterGenerator.regions(),
                "every bundled region has a register profile");
        for (String region : RegisterGenerator.regions()) {
            LocalDate asOf = RegisterGenerator.referenceDate(region);
            StringWriter w = new StringWriter();
            RegisterGenerator.write(w, 600, region, 9);
            String csv = w.toString();
            PopulationReport r = Population.run(
                    engine,
                    region,
                    asOf,
                    new StringReader(csv),
                    Population.Options.defaults().withBatchSize(5));
            assertEquals(600, r.rows(), region);
            assertEquals(
                    r.benefits(),
                    Population.run(
                                    engine,
                                    region,
                                    asOf,
                                    new StringReader(csv),
                                    Population.Options.defaults().withPinnedRules(true))
                            .benefits(),
                    region + " through batch()");
            assertEquals(0, r.badRows(), () -> region + ": " + r.problems());
            List<Benefit> catalogue = engine.region(region).benefits();
            long[][] counts = new long[catalogue.size()][3];
            BigDecimal[][] sums = new BigDecimal[catalogue.size()][4];
            for (BigDecimal[] s : sums) {
                java.util.Arrays.fill(s, Money.ZERO);
            }
            List<String> lines = csv.lines().toList();
            RegisterFormat format = RegisterFormat.header("x", lines.get(0).split(",", -1));
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = parseLine(lines.get(i));
                Assessment a = fresh.assess(region, format.row(i + 1, cells).situation(), asOf);
                for (int b = 0; b < catalogue.size(); b++) {
                    Decision d = a.decisions().get(b);
                    counts[b][d.status().ordinal()]++;
                    BigDecimal[] v = {d.amount(), d.amountMin(), d.amountMax(), d.value()};
                    for (int k = 0; k < 4; k++) {
                        if (v[k] != null) {
                            sums[b][k] = sums[b][k].add(v[k]);
                        }
                    }
                }
            }
            for (int b = 0; b < catalogue.size(); b++) {
                BenefitTotals t = r.benefits().get(b);
                String what = region + " " + t.code();
                assertEquals(catalogue.get(b).code(), t.code());
                assertEquals(
                        List.of(counts[b][0], counts[b][1], counts[b][2]),
                        List.of(t.eligible(), t.notEligible(), t.needsInfo()),
                        what);
                assertEquals(
                        List.of(sums[b][0], sums[b][1], sums[b][2], sums[b][3]),
                        List.of(t.cash(), t.cashMin(), t.cashMax(), t.value()),
                        what);
                assertEquals(catalogue.get(b).quotaKey().isEmpty(), t.quota() == null, what);
                assertEquals(catalogue.get(b).budgetKey().isEmpty(), t.budget() == null, what);
            }
        }
    }

    /** One generated line's cells (the generator quotes a cell with a comma; no cell spans lines). */
    private static String[] parseLine(String line) {
        return TestCsv.cells(line);
    }

    @Test
    void zhejiangKeepsTheA_ZJ_1GapInSight() throws IOException {
        Path csv = dir.resolve("zj.csv");
        try (var w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            RegisterGenerator.write(w, 300, "zhejiang", 2);
        }
        CliTest.Run r = run(
                () -> Nuanxin.builder().regions("zhejiang"),
                "population",
                "--region",
                "zhejiang",
                "--as-of",
                "2025-03-18",
                csv.toString());
        assertEquals(0, r.code(), r::toString);
        String check = r.outLines().stream()
                .filter(l -> l.startsWith("ZHEJIANG_FREE_HEALTH_CHECK "))
                .findFirst()
                .orElseThrow();
        assertTrue(check.matches(".* 12000 +2000000\\.00 +NOTE 1, NOTE 2"), check);
        assertTrue(
                r.outLines().stream()
                        .anyMatch(l -> l.startsWith("  [2] ZHEJIANG_FREE_HEALTH_CHECK budget "
                                + "health_check.budget_provincial: A-ZJ-1: does not add up")),
                r::toString);
        String recuperation = r.outLines().stream()
                .filter(l -> l.startsWith("ZHEJIANG_RECUPERATION "))
                .findFirst()
                .orElseThrow();
        assertTrue(recuperation.matches(".* 20000 +10000000\\.00 +NOTE 3"), recuperation);
        CliTest.Run zh = run(
                () -> Nuanxin.builder().regions("zhejiang"),
                "population",
                "--region",
                "zhejiang",
                "--as-of",
                "2025-03-18",
                "--lang",
                "zh",
                csv.toString());
        assertTrue(
                zh.outLines().stream()
                        .anyMatch(l -> l.startsWith("ZHEJIANG_FREE_HEALTH_CHECK ") && l.endsWith(" 注 1，注 2")),
                zh::toString);
        assertTrue(zh.outLines().contains("注："), zh::toString);
        assertTrue(
                zh.outLines().stream()
                        .anyMatch(l -> l.startsWith("  [2] ZHEJIANG_FREE_HEALTH_CHECK 预算 "
                                + "health_check.budget_provincial：A-ZJ-1: does not add up")),
                zh::toString);
    }

    @Test
    void flagsInChinese() {
        assertEquals("超出名额", ReportWriter.flag(BenefitTotals.QUOTA_EXCEEDED, Locale.CHINESE));
        assertEquals("超出预算", ReportWriter.flag(BenefitTotals.BUDGET_EXCEEDED, Locale.CHINESE));
        assertEquals("可能超出预算", ReportWriter.flag(BenefitTotals.BUDGET_MAY_BE_EXCEEDED, Locale.CHINESE));
        assertEquals("QUOTA EXCEEDED", ReportWriter.flag(BenefitTotals.QUOTA_EXCEEDED, Locale.ENGLISH));
    }
}
