package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Nuanxin;
import org.nuanxin.RuleProblem;
import org.nuanxin.authoring.LintReport;
import org.nuanxin.population.PlainTable;

/**
 * Runs the command line in-process, as {@code java -jar nuanxin.jar} would, with stdout and stderr
 * captured. The working directory is {@code cli/}.
 */
class CliTest {

    private static final String FIXTURES = "src/test/resources/cli/";
    private static final String COURIER = "../examples/workers/xian-courier.yaml";
    /** 2026-03-10 10:00 in Shanghai: "today" for files without as_of. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZoneOffset.UTC);

    /**
     * The engine the tests run against: the Xi'an region only, so that the tests do not change (or break)
     * when other region modules on the classpath gain rules. {@code --rules} folders are added to it.
     */
    private static final Supplier<Nuanxin.Builder> XIAN_ONLY =
            () -> Nuanxin.builder().regions("xian");

    /** One run: exit code and what went to stdout and stderr. */
    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\\R"));
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        String lastLine() {
            List<String> lines = outLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A run on a system whose language is English (the default of {@code --lang}). */
    static Run run(String... args) {
        return runIn(Locale.ENGLISH, args);
    }

    /** A run on a system whose locale is {@code locale}. */
    static Run runIn(Locale locale, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(
                        new Cli(CLOCK, XIAN_ONLY).locale(locale),
                        new PrintWriter(out, true),
                        new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Bad input: exit 2, nothing on stdout, exactly one line on stderr that mentions {@code mention}. */
    private static void assertBadInput(Run r, String... mentions) {
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("nuanxin: "), r::toString);
        for (String m : mentions) {
            assertTrue(line.contains(m), () -> "expected '" + m + "' in: " + line);
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    /** The JSON object of one benefit's decision, from its "benefit" key to its "reasons". */
    private static String decision(String json, String code) {
        int start = json.indexOf("\"benefit\": \"" + code + "\"");
        assertTrue(start >= 0, () -> code + " not in the assessment");
        return json.substring(start, json.indexOf("\"reasons\"", start));
    }

    // --- assess ---------------------------------------------------------------------------------------------

    @Test
    void assessesTheCourierFile() {
        Run r = run("assess", COURIER);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("{") && r.out().strip().endsWith("}"), "stdout is the JSON only");
        assertTrue(r.out().contains("\"as_of\": \"2026-03-10\""), "as_of from the file");
        String ticket = decision(r.out(), "XIAN_HOMECOMING_TICKET_SUBSIDY");
        assertTrue(ticket.contains("\"status\": \"ELIGIBLE\""), ticket);
        assertTrue(ticket.contains("\"amount\": 200.00"), ticket);
        assertTrue(
                decision(r.out(), "XIAN_CHILDREN_CLINIC").contains("\"status\": \"ELIGIBLE\""),
                "the file's child settles the children's benefits");
    }

    @Test
    void optionsOverrideTheFile() {
        Run r = run("assess", "--as-of", "2029-01-01", "--region", "xian", COURIER);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\"as_of\": \"2029-01-01\""));
        assertTrue(
                decision(r.out(), "XIAN_HOMECOMING_TICKET_SUBSIDY").contains("\"status\": \"NOT_ELIGIBLE\""),
                "the programme has ended by 2029");
    }

    @Test
    void assessAsATable() {
        Run r = run("assess", "--format", "text", COURIER);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        List<String> lines = r.outLines();
        assertTrue(
                lines.get(0).startsWith("== Xi'an Federation of Trade Unions")
                        && lines.get(0).endsWith(" (xian, 2026-03-10)"),
                lines.get(0));
        assertTrue(lines.get(1).matches("BENEFIT +CODE +STATUS +AMOUNT/VALUE +REASON"), lines.get(1));
        int decisions = Nuanxin.builder()
                .regions("xian")
                .build()
                .region("xian")
                .benefits()
                .size();
        assertEquals(2 + decisions, lines.size(), "a heading, the column names and one row per benefit");
        String ticket = row(lines, "XIAN_HOMECOMING_TICKET_SUBSIDY");
        assertTrue(
                ticket.matches(
                        "Round-trip ticket subsidy for a trip home +XIAN_HOMECOMING_TICKET_SUBSIDY +eligible +200\\.00 +"
                                + "round-trip ticket subsidy \\(the ticket cost, at most CNY 200\\): CNY 200"),
                ticket);
        assertTrue(
                row(lines, "XIAN_FREE_HEALTH_CHECK").matches(".* eligible +190\\.00 +value of the check-up: CNY 190"));
        assertTrue(row(lines, "XIAN_HARDSHIP_RELIEF").matches(".* needs info +Needs: whether you are registered .*"));
        assertTrue(row(lines, "XIAN_HOSPITAL_MEAL_SUBSIDY")
                .matches(".* not eligible +no stay at Xi'an Union Hospital .*"));
        // those the worker can get first, then those that need information, then the rest
        List<String> order = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String status = line.contains(" eligible ") && !line.contains(" not eligible ")
                    ? "eligible"
                    : line.contains(" needs info ") ? "needs info" : "not eligible";
            if (order.isEmpty() || !order.get(order.size() - 1).equals(status)) {
                order.add(status);
            }
        }
        assertEquals(List.of("eligible", "needs info", "not eligible"), order);
    }

    @Test
    void assessAsATableInChinese() {
        Run r = run("assess", "--format", "text", "--lang", "zh", COURIER);
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.outLines();
        assertEquals("== 西安市总工会 新就业形态劳动者帮扶服务三年行动 (xian, 2026-03-10)", lines.get(0));
        assertTrue(lines.get(1).matches("权益 +代码 +结论 +金额/价值 +理由"), lines.get(1));
        assertTrue(
                row(lines, "XIAN_HOMECOMING_TICKET_SUBSIDY")
                        .matches("返乡往返车票补贴 +XIAN_HOMECOMING_TICKET_SUBSIDY +可以申请 +200\\.00 +往返车票补贴（按票价，最高200元）：200元"),
                row(lines, "XIAN_HOMECOMING_TICKET_SUBSIDY"));
        assertTrue(row(lines, "XIAN_HOSPITAL_MEAL_SUBSIDY").matches("住院餐费补助 +XIAN_HOSPITAL_MEAL_SUBSIDY +不符合 +目前没有.*"));
        assertTrue(row(lines, "XIAN_HARDSHIP_RELIEF").contains(" 还需了解 "));
        // the amounts line up on their last digit, Chinese names counting two columns
        String ticket = row(lines, "XIAN_HOMECOMING_TICKET_SUBSIDY");
        String check = row(lines, "XIAN_FREE_HEALTH_CHECK");
        String mutualAid = row(lines, "XIAN_ACCIDENT_MUTUAL_AID");
        assertEquals(
                PlainTable.width(ticket.substring(0, ticket.indexOf("200.00") + 6)),
                PlainTable.width(check.substring(0, check.indexOf("190.00") + 6)));
        assertEquals(
                PlainTable.width(ticket.substring(0, ticket.indexOf("200.00") + 6)),
                PlainTable.width(mutualAid.substring(0, mutualAid.indexOf("25.00") + 5)));
    }

    @Test
    void assessJsonIsTheDefaultAndTheSameInEveryLanguage() {
        String json = run("assess", COURIER).out();
        assertEquals(json, run("assess", "--format", "json", COURIER).out());
        assertEquals(json, run("assess", "--lang", "zh", COURIER).out());
        assertEquals(json, runIn(Locale.SIMPLIFIED_CHINESE, "assess", COURIER).out());
        assertBadInput(run("assess", "--format", "yaml", COURIER), "--format", "json or text");
        assertBadInput(run("assess", "--format", "yaml", "--lang", "zh", COURIER), "--format: 应为 json 或 text");
    }

    /** The row of the benefit {@code code} in a table. */
    private static String row(List<String> lines, String code) {
        return lines.stream()
                .filter(l -> l.contains(" " + code + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in:\n" + String.join("\n", lines)));
    }

    @Test
    void aBareWorkerUsesTheOnlyRegionAndToday() {
        Run r = run("assess", "../examples/workers/xian-rider-unknowns.json");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\"region\": \"xian\""));
        assertTrue(r.out().contains("\"as_of\": \"2026-03-10\""), "today in Shanghai by the clock");
        assertTrue(r.out().contains("\"status\": \"NEEDS_INFO\""), "unknown fields give NEEDS_INFO");
    }

    @Test
    void aFileWithoutRegionNeedsOneWhenSeveralAreLoaded(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        Path manifest = dir.resolve("region.yaml");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("(?m)^id: xian$", "id: xian_copy"));
        assertBadInput(
                run("assess", "--rules", dir.toString(), "../examples/workers/xian-rider-unknowns.json"),
                "region",
                "xian, xian_copy",
                "--region");
        Run r = run(
                "assess",
                "--rules",
                dir.toString(),
                "--region",
                "xian_copy",
                "../examples/workers/xian-rider-unknowns.json");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("\"region\": \"xian_copy\""), r::toString);
    }

    @Test
    void malformedYaml() {
        assertBadInput(run("assess", FIXTURES + "malformed.yaml"), "malformed.yaml:5", "not valid YAML");
    }

    @Test
    void unknownRegionInTheFile() {
        assertBadInput(run("assess", FIXTURES + "unknown-region.yaml"), "region", "atlantis", "xian");
    }

    @Test
    void unknownRegionOption() {
        assertBadInput(run("assess", "--region", "atlantis", COURIER), "--region", "atlantis");
    }

    @Test
    void unknownPlace() {
        assertBadInput(run("assess", FIXTURES + "unknown-place.yaml"), "work_city", "xain");
    }

    @Test
    void unknownEnumValue() {
        assertBadInput(run("assess", FIXTURES + "unknown-enum.yaml"), "occupation", "ASTRONAUT", "COURIER");
    }

    @Test
    void malformedDateInTheFile() {
        assertBadInput(run("assess", FIXTURES + "bad-date.yaml"), "as_of", "YYYY-MM-DD");
    }

    @Test
    void malformedDateOption() {
        assertBadInput(run("assess", "--as-of", "2026-13-01", COURIER), "--as-of", "YYYY-MM-DD");
        assertBadInput(run("assess", "--as-of", "yesterday", COURIER), "--as-of");
    }

    @Test
    void negativeTicketCost() {
        assertBadInput(run("assess", FIXTURES + "negative-cost.yaml"), "ticket_cost", "negative");
    }

    @Test
    void missingFile() {
        assertBadInput(run("assess", FIXTURES + "no-such-file.yaml"), "no-such-file.yaml", "no such file");
        assertBadInput(run("verify", FIXTURES + "no-such-file.yaml"), "no-such-file.yaml", "no such file");
    }

    @Test
    void usageErrors() {
        assertBadInput(run("assess", "--bogus", COURIER), "--bogus");
        assertBadInput(run("assess"), "FILE");
        assertBadInput(run("frobnicate"), "frobnicate", "assess");
        assertBadInput(run(), "command");
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("assess")
                && help.out().contains("verify")
                && help.out().contains("benefits")
                && help.out().contains("lint"));
        assertEquals("", help.err());
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("nuanxin "), version::toString);
        assertEquals(0, run("verify", "--help").code());
    }

    @Test
    void anUnexpectedFailureIsOneLineWithExit3() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli broken = new Cli(CLOCK, () -> {
                    throw new IllegalStateException("boom");
                })
                .locale(Locale.ENGLISH);
        int code = Cli.commandLine(broken, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("benefits");
        assertEquals(3, code);
        assertEquals("", out.toString());
        assertEquals(
                "nuanxin: unexpected failure: IllegalStateException: boom",
                err.toString().strip());
    }

    @Test
    void theCommandLinesOwnMessagesInChinese(@TempDir Path empty) {
        assertBadInput(
                run("assess", "--lang", "zh", "--region", "atlantis", COURIER),
                "nuanxin: --region: 未知地区 'atlantis'；已载入的地区：xian");
        assertBadInput(run("--lang", "zh", "frobnicate"), "未知命令 'frobnicate'；可用的命令：assess", "（见 'nuanxin --help'）");
        assertBadInput(run("frobnicate", "--lang", "zh"), "未知命令 'frobnicate'");
        assertBadInput(run("--lang", "zh"), "缺少命令");
        assertBadInput(runIn(Locale.CHINA, "assess", "--bogus", COURIER), "--bogus", "（见 'nuanxin assess --help'）");
        assertBadInput(
                run("verify", "--lang", "zh", empty.toString()), "PATH: [" + empty + "] 下没有场景文件（.yaml、.yml、.json）");
        // a message of the library stays as the library wrote it
        assertBadInput(run("assess", "--lang", "zh", FIXTURES + "unknown-place.yaml"), "work_city", "xain");
        assertBadInput(run("assess", "--lang", "fr", COURIER), "--lang", "zh or en");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli broken = new Cli(CLOCK, () -> {
                    throw new IllegalStateException("boom");
                })
                .locale(Locale.CHINA);
        assertEquals(
                3,
                Cli.commandLine(broken, new PrintWriter(out, true), new PrintWriter(err, true))
                        .execute("benefits"));
        assertEquals("nuanxin: 意外故障：IllegalStateException: boom", err.toString().strip());
    }

    @Test
    void chineseByDefaultWhereTheSystemsLanguageIsChinese() {
        String failing = FIXTURES + "failing.yaml";
        assertEquals(
                "0 passed, 1 failed", runIn(Locale.ENGLISH, "verify", failing).lastLine());
        assertEquals(
                "0 passed, 1 failed", runIn(Locale.GERMANY, "verify", failing).lastLine());
        assertEquals(
                "0 通过，1 失败", runIn(Locale.SIMPLIFIED_CHINESE, "verify", failing).lastLine());
        assertEquals(
                "0 通过，1 失败",
                runIn(Locale.TRADITIONAL_CHINESE, "verify", failing).lastLine());
        assertEquals(
                "0 passed, 1 failed",
                runIn(Locale.CHINA, "verify", "--lang", "en", failing).lastLine());
        assertEquals(
                "0 通过，1 失败",
                runIn(Locale.ENGLISH, "--lang", "zh", "verify", failing).lastLine());
        assertEquals(
                "0 passed, 1 failed",
                runIn(Locale.ENGLISH, "--lang", "zh", "verify", "--lang", "en", failing)
                        .lastLine(),
                "the command's own --lang wins");
    }

    // --- verify ---------------------------------------------------------------------------------------------

    @Test
    void verifyPassing() {
        Run r = run("verify", FIXTURES + "passing.yaml");
        assertEquals(0, r.code(), r::toString);
        assertEquals("1 passed, 0 failed", r.lastLine());
        assertEquals(List.of("1 passed, 0 failed"), r.outLines(), "nothing but the summary when all pass");
        assertEquals("", r.err());
    }

    @Test
    void verifyFailing() {
        Run r = run("verify", FIXTURES + "failing.yaml");
        assertEquals(1, r.code(), r::toString);
        assertEquals("0 passed, 1 failed", r.lastLine());
        assertTrue(r.out().contains("failing.yaml"), r::toString);
        assertTrue(r.out().contains("subsidy above the cap"), r::toString);
        assertTrue(r.out().contains("XIAN_HOMECOMING_TICKET_SUBSIDY"), r::toString);
        assertTrue(r.out().contains("expected: ELIGIBLE amount=356.50"), r::toString);
        assertTrue(r.out().contains("actual:   ELIGIBLE amount=200.00"), r::toString);
        assertTrue(r.out().contains("(the ticket cost, at most CNY 200): CNY 200"), "the reasons' English text");
    }

    @Test
    void verifyFailingInChinese() {
        Run r = run("verify", "--lang", "zh", FIXTURES + "failing.yaml");
        assertEquals(1, r.code(), r::toString);
        List<String> lines = r.outLines();
        assertTrue(
                lines.get(0).matches("失败 .*failing\\.yaml:\\d+ “subsidy above the cap”（地区 xian，评估日 2026-03-10）"),
                lines.get(0));
        assertEquals("  XIAN_HOMECOMING_TICKET_SUBSIDY", lines.get(1));
        assertEquals("    预期：ELIGIBLE amount=356.50", lines.get(2));
        assertEquals("    实际：ELIGIBLE amount=200.00", lines.get(3));
        assertTrue(lines.contains("      - [金额] 往返车票补贴（按票价，最高200元）：200元（XA-2025；规则 “XA 返乡：车票补贴金额”）"), r::toString);
        assertEquals("0 通过，1 失败", r.lastLine());
        assertEquals(
                List.of("1 通过，0 失败"),
                run("verify", "--lang", "zh", FIXTURES + "passing.yaml").outLines());
    }

    @Test
    void verifyFilesAndFolders() {
        Run r = run("verify", FIXTURES + "failing.yaml", FIXTURES + "passing.yaml");
        assertEquals(1, r.code(), r::toString);
        assertEquals("1 passed, 1 failed", r.lastLine());
        Run folder = run("verify", FIXTURES + "suite"); // .yaml and .json files, in sub-folders too
        assertEquals(0, folder.code(), folder::toString);
        assertEquals(List.of("3 passed, 0 failed"), folder.outLines());
    }

    @Test
    void verifyMalformedFiles() {
        assertBadInput(run("verify", FIXTURES + "passing.yaml", FIXTURES + "malformed.yaml"), "malformed.yaml");
        assertBadInput(run("verify", FIXTURES + "unknown-benefit.yaml"), "XIAN_FREE_LUNCH");
    }

    @Test
    void verifyOfNothingIsAnErrorNotAPass(@TempDir Path dir) {
        assertBadInput(run("verify", dir.toString()), "no scenario files");
    }

    @Test
    void assessOfAScenarioFileSaysToUseVerify() {
        assertBadInput(run("assess", FIXTURES + "passing.yaml"), "verify");
    }

    // --- benefits -------------------------------------------------------------------------------------------

    @Test
    void benefitsTable() {
        Run r = run("benefits");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        String row = r.outLines().stream()
                .filter(l -> l.contains("XIAN_HOMECOMING_TICKET_SUBSIDY"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r));
        assertTrue(row.startsWith("xian "), row);
        assertTrue(row.contains("CASH") && row.contains("返乡往返车票补贴") && row.contains("Round-trip ticket subsidy"), row);
        assertEquals("REGION", r.outLines().get(0).split(" ")[0]);
        assertAligned(r.outLines(), 5);
        assertEquals(r.out(), run("benefits", "--region", "xian").out());
        assertBadInput(run("benefits", "--region", "atlantis"), "--region", "atlantis");
    }

    @Test
    void benefitsTableInChinese() {
        Run r = run("benefits", "--lang", "zh");
        assertEquals(0, r.code(), r::toString);
        assertTrue(
                r.outLines().get(0).matches("地区 +代码 +类型 +中文名称 +英文名称"),
                r.outLines().get(0));
        String row = r.outLines().stream()
                .filter(l -> l.contains("XIAN_HOMECOMING_TICKET_SUBSIDY"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r));
        assertTrue(row.matches("xian +XIAN_HOMECOMING_TICKET_SUBSIDY +现金 +返乡往返车票补贴 +Round-trip ticket subsidy.*"), row);
        assertAligned(r.outLines(), 5);
        assertEquals(r.outLines().size(), run("benefits").outLines().size());
    }

    /** Every column starts at the same display column on every line (Chinese counts double). */
    private static void assertAligned(List<String> lines, int cellsPerLine) {
        List<Integer> columns = null;
        for (String line : lines) {
            String[] cells = line.split("\\s{2,}");
            assertEquals(cellsPerLine, cells.length, line);
            List<Integer> starts = new ArrayList<>();
            int from = 0;
            for (String cell : cells) {
                int at = line.indexOf(cell, from);
                starts.add(PlainTable.width(line.substring(0, at)));
                from = at + cell.length();
            }
            if (columns == null) {
                columns = starts;
            }
            assertEquals(columns, starts, line);
        }
    }

    // --- lint -----------------------------------------------------------------------------------------------

    /** A problem line: {@code file:line:column: severity: message}. */
    private static final Pattern PROBLEM = Pattern.compile("[^:\\s]+:\\d+:\\d+: (error|warning): \\S.*");

    @Test
    void lintOfACleanFolder(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        Run r = run("lint", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("0 errors, 0 warnings"), r.outLines(), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void lintSummaryInChinese(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        assertEquals(
                List.of("0 个错误，0 个警告"),
                run("lint", "--lang", "zh", dir.toString()).outLines());
        RuleProblem error = new RuleProblem("a.drl", 3, 0, RuleProblem.Severity.ERROR, "r", "broken");
        RuleProblem warning = new RuleProblem("b.drl", 4, 0, RuleProblem.Severity.WARNING, "r", "odd");
        LintReport report = new LintReport("x", List.of(error, warning, warning));
        assertEquals("1 个错误，2 个警告（共 3 个规则文件夹）", Cli.Lint.summary(report, 3, Lang.ZH));
        assertEquals("1 error, 2 warnings in 3 rule folders", Cli.Lint.summary(report, 3, Lang.EN));
        assertEquals("1 error, 2 warnings", Cli.Lint.summary(report, 1, Lang.EN));
    }

    @Test
    void lintOfAModuleRootChecksEveryRuleFolderBelowIt(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("rules-a/src/main/resources/org/example/a");
        Path b = dir.resolve("rules-a/src/main/resources/org/example/b");
        Files.createDirectories(a);
        Files.createDirectories(b);
        copyXianRules(a);
        copyXianRules(b);
        Files.writeString(
                b.resolve("programme.drl"),
                Files.readString(b.resolve("programme.drl"))
                        .replaceFirst("@source\\(\"XA-2025\"\\)", "@source(\"XA-2099\")"));
        Run r = run("lint", dir.resolve("rules-a").toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(2, r.outLines().size(), r::toString);
        assertTrue(
                r.outLines().get(0).startsWith("src/main/resources/org/example/b/programme.drl:")
                        && r.outLines().get(0).contains("cites source XA-2099"),
                r::toString);
        assertEquals("1 error, 0 warnings in 2 rule folders", r.outLines().get(1));
    }

    @Test
    void lintOfAFolderWithoutRuleFoldersSaysWhatToGive(@TempDir Path dir) throws IOException {
        Run r = run("lint", dir.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("holds no rule folder (a folder with region.yaml)"), r::toString);
    }

    @Test
    void lintFindsARuleWithoutItsClause(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        Path drl = dir.resolve("homecoming.drl");
        List<String> lines = new ArrayList<>(Files.readAllLines(drl));
        String name = "XA 返乡：非陕西户籍";
        int rule = lines.indexOf("rule \"" + name + "\"");
        assertTrue(rule >= 0, "the rule is where the test expects it");
        int clause = rule + 1;
        while (!lines.get(clause).strip().startsWith("@clause(")) {
            clause++;
        }
        lines.remove(clause);
        Files.write(drl, lines);

        Run r = run("lint", dir.toString());
        assertEquals(2, r.code(), r::toString);
        String expected = "homecoming.drl:" + (rule + 1) + ":0: error: rule \"" + name + "\": missing metadata @clause";
        assertTrue(
                r.outLines().stream().anyMatch(l -> l.startsWith(expected)), () -> "expected " + expected + "\n" + r);
        assertEquals("1 error, 0 warnings", r.lastLine(), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void lintRefusesSystemExitInAConsequence(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        Path drl = dir.resolve("homecoming.drl");
        List<String> lines = new ArrayList<>(Files.readAllLines(drl));
        int pay = 0;
        while (!lines.get(pay).contains("verdict.payUpTo(")) {
            pay++;
        }
        lines.add(pay + 1, "    System.exit(0);");
        Files.write(drl, lines);

        Run r = run("lint", dir.toString());
        assertEquals(2, r.code(), r::toString);
        String at = "homecoming.drl:" + (pay + 2) + ":5: error: rule \"XA 返乡：车票补贴金额\": guard: type System is not in"
                + " the rule vocabulary";
        assertTrue(r.outLines().stream().anyMatch(l -> l.startsWith(at)), () -> "expected " + at + "\n" + r);
        List<String> problems = r.outLines().subList(0, r.outLines().size() - 1);
        assertFalse(problems.isEmpty());
        problems.forEach(l -> assertTrue(PROBLEM.matcher(l).matches(), l));
        assertTrue(r.lastLine().matches("[1-9]\\d* errors?, \\d+ warnings?"), r::toString);
    }

    @Test
    void lintPrintsEachProblemOnOneLine(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        Path drl = dir.resolve("homecoming.drl");
        Files.writeString(
                drl,
                "\nrule \"broken\" @benefit(\"*\") when\n    $t : Trip(\nthen\nend\n",
                java.nio.file.StandardOpenOption.APPEND);
        Run r = run("lint", dir.toString());
        assertEquals(2, r.code(), r::toString);
        List<String> problems = r.outLines().subList(0, r.outLines().size() - 1);
        assertFalse(problems.isEmpty(), r::toString);
        problems.forEach(l -> assertTrue(PROBLEM.matcher(l).matches(), l)); // the DRL10 message spans lines
    }

    @Test
    void lintOfAMissingFolder(@TempDir Path dir) throws IOException {
        assertBadInput(run("lint", dir.resolve("nope").toString()), "nope", "no such folder");
        Path file = Files.writeString(dir.resolve("region.yaml"), "id: x\n");
        assertBadInput(run("lint", file.toString()), "region.yaml", "not a rule folder");
        assertBadInput(run("lint"), "DIR");
    }

    // --- --rules --------------------------------------------------------------------------------------------

    @Test
    void aRuleFolderReplacesTheBundledRegion(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        Path parameters = dir.resolve("parameters.yaml");
        String text = Files.readString(parameters);
        String raised = text.replaceFirst(
                "(homecoming\\.ticket_cap:\\s*\\n\\s*type: money\\s*\\n\\s*values:\\s*\\n\\s*2025-09-01: )200\\.00",
                "$1300.00");
        assertTrue(!raised.equals(text), "the cap parameter is where the test expects it");
        Files.writeString(parameters, raised);

        Run r = run("assess", "--rules", dir.toString(), COURIER);
        assertEquals(0, r.code(), r::toString);
        assertTrue(decision(r.out(), "XIAN_HOMECOMING_TICKET_SUBSIDY").contains("\"amount\": 300.00"), r::toString);

        Run v = run("verify", "--rules", dir.toString(), FIXTURES + "passing.yaml");
        assertEquals(1, v.code(), v::toString);
        assertEquals("0 passed, 1 failed", v.lastLine());
    }

    @Test
    void aBrokenRuleFolderIsOneLine(@TempDir Path dir) throws IOException {
        copyXianRules(dir);
        Files.writeString(
                dir.resolve("homecoming.drl"),
                "\nrule \"broken\" when then nonsense( end\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertBadInput(run("assess", "--rules", dir.toString(), COURIER), "homecoming.drl");
        assertBadInput(run("verify", "--rules", dir.resolve("nope").toString(), FIXTURES + "passing.yaml"), "--rules");
    }

    private static void copyXianRules(Path dir) throws IOException {
        String base = "org/nuanxin/region/xian/";
        String manifest = resource(base + "region.yaml");
        List<String> names =
                new ArrayList<>(List.of("region.yaml", "benefits.yaml", "parameters.yaml", "assumptions.yaml"));
        Matcher m = Pattern.compile("(?m)^\\s*-\\s*([\\w.-]+\\.drl)").matcher(manifest);
        while (m.find()) {
            names.add(m.group(1));
        }
        for (String name : names) {
            Files.writeString(dir.resolve(name), resource(base + name));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CliTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
