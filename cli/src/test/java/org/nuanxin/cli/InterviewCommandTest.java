package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Nuanxin;

/** {@code interview} driven through its standard input and output, in both languages. */
class InterviewCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T04:00:00Z"), ZoneOffset.UTC);

    private static String[] run(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(CLOCK, () -> Nuanxin.builder().regions("xian"))
                .input(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        int code = Cli.commandLine(cli, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void aXianCourierInChineseWithARetryAWhyAndABack() {
        // new-form? (? then 是), work city (西安), children (x: re-asked, then 1), the child's birth date,
        // hukou province (河南), then skip the rest
        String[] r = run("?\n是\n西安\n一个\n1\n2015-06-01\n河南\n跳过\n否\n否\n否\n", "interview");
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("第1问：您是否通过平台接单或以灵活方式就业（新就业形态）？"), out);
        assertTrue(out.contains("这一问会影响："), out);
        assertTrue(out.contains("请重新回答（个数，如0、1、2）"), out);
        assertTrue(out.contains("可以申请") && out.contains("春运“温暖回家路”爱心专列"), out);
        assertTrue(out.contains("如这次返乡是因大事急事、这次返乡有基层工会的证明，可获返乡往返车票补贴，最高200元"), out);
        assertTrue(out.contains("免费体检") && out.contains("190.00"), out);
    }

    @Test
    void theSameInEnglishAndGoingBack() {
        String[] r = run("yes\nbeijing\nback\nxian\n0\nhenan\nno\nno\nno\nno\n", "interview", "--lang", "en");
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("Q1: Do you work through a platform"), out);
        assertTrue(out.contains("eligible") && out.contains("Free health check-up"), out);
        assertTrue(out.contains("up to CNY 200"), out);
    }

    @Test
    void chineseWhateverTheSystemUnlessEnglishIsAsked(@TempDir Path dir) throws Exception {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, "new_employment_form: true\nwork_city: xian\n");
        assertTrue(run("", "interview", "--answers", answers.toString())[1].startsWith("== 西安市总工会"));
        assertTrue(
                run("", "--lang", "en", "interview", "--answers", answers.toString())[1].startsWith("== Xi'an"),
                "the --lang given before the command");
        String[] bad = run("", "interview", "--lang", "fr");
        assertEquals("2", bad[0], bad[1]);
        assertTrue(bad[2].contains("--lang") && bad[2].lines().count() == 1, bad[2]);
    }

    @Test
    void scriptedAnswersAndJson(@TempDir Path dir) throws Exception {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, "new_employment_form: true\nwork_city: xian\nhukou_province: henan\nchildren: 0\n");
        String[] r = run("", "interview", "--answers", answers.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("{\"as_of\": \"2026-03-10\", \"answers\": {"), r[1]);
        assertTrue(r[1].contains("\"XIAN_FREE_HEALTH_CHECK\""), r[1]);
        Files.writeString(answers, "birth_date: yesterday\nnew_employment_form: maybe\n");
        String[] bad = run("", "interview", "--answers", answers.toString());
        assertEquals("2", bad[0], bad[1]);
        assertTrue(bad[2].contains("new_employment_form") && bad[2].lines().count() == 1, bad[2]);
    }
}
