package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.cli.CliTest.Run;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} in Chinese and English: the language of {@code --lang} (the command's own, else the one before the
 * command), else the system's; and the Chinese bundle ({@code Messages_zh.properties}) has a text for every command,
 * option, parameter and exit code, and no text for anything that is gone.
 */
class HelpTextsTest {

    private static final String MAIN_EN = "What a local trade union's programme grants a gig worker";
    private static final String MAIN_ZH = "地方工会的项目给新就业形态劳动者什么、给多少、为什么。";
    private static final String POPULATION_EN = "Assesses a member register (CSV)";
    private static final String POPULATION_ZH = "评估一份会员名册（CSV），按权益汇总结论";

    @Test
    void theMainCommandsHelpInEitherLanguage() {
        Run en = CliTest.runIn(Locale.ENGLISH, "--help");
        assertEquals(0, en.code(), en::toString);
        assertTrue(en.out().startsWith("Usage: nuanxin"), en::toString);
        assertTrue(en.out().contains(MAIN_EN), en::toString);
        assertTrue(en.out().contains("Show this help message and exit."), en::toString);
        assertTrue(en.out().contains("Exit codes:"), en::toString);
        assertFalse(
                en.out().contains(MAIN_ZH)
                        || en.out().contains("用法")
                        || en.out().contains("命令："),
                en::toString);

        Run zh = CliTest.runIn(Locale.CHINA, "--help");
        assertEquals(0, zh.code(), zh::toString);
        assertTrue(zh.out().startsWith("用法：" + System.lineSeparator() + "nuanxin [-hV]"), zh::toString);
        for (String text : List.of(
                MAIN_ZH,
                "显示本帮助并退出。",
                "命令：",
                // each command's line: the first sentence of its description, in Chinese
                "评估一份劳动者文件",
                "运行场景文件",
                "列出权益目录",
                "检查一个规则文件夹",
                "评估一份会员名册",
                "为一个地区生成一份虚构的会员名册",
                "一次一个问题地询问劳动者",
                "显示指定命令的帮助。",
                "退出码：",
                "2   输入有误")) {
            assertTrue(zh.out().contains(text), () -> "'" + text + "' in:\n" + zh.out());
        }
        assertFalse(zh.out().contains(MAIN_EN), zh::toString);
        assertEquals("", zh.err());
    }

    @Test
    void populationsHelpInEitherLanguage() {
        Run zh = CliTest.runIn(Locale.CHINA, "population", "--help");
        assertEquals(0, zh.code(), zh::toString);
        for (String text : List.of(
                "用法：" + System.lineSeparator() + "nuanxin population [-hV]",
                POPULATION_ZH,
                "地区 id，如 xian。",
                "列出的有误行问题数（行号最小的那些；默认 100）",
                "另从这个规则文件夹载入一个地区",
                "写给人看的内容",
                "会员名册，UTF-8 编码的 CSV。",
                "退出码：",
                "0   名册已评估")) {
            assertTrue(zh.out().contains(text), () -> "'" + text + "' in:\n" + zh.out());
        }
        assertFalse(zh.out().contains(POPULATION_EN), zh::toString);

        Run en = CliTest.runIn(Locale.ENGLISH, "population", "--help");
        assertTrue(en.out().contains(POPULATION_EN) && en.out().contains("Region id, e.g. xian."), en::toString);
        assertTrue(en.out().contains("Bad-row problems listed (those of the smallest"), en::toString);
        assertTrue(en.out().contains("rows; default 100); the rest are counted."), en::toString);
        assertNoChinese(en.out());

        // the help command in the language before it
        Run help = CliTest.runIn(Locale.ENGLISH, "--lang", "zh", "help", "population");
        assertEquals(0, help.code(), help::toString);
        assertEquals(zh.out(), help.out());
        // and in its own --lang, before or after the command it explains
        for (String[] args : List.of(
                new String[] {"help", "--lang", "zh", "population"},
                new String[] {"help", "population", "--lang=zh"})) {
            Run own = CliTest.runIn(Locale.ENGLISH, args);
            assertEquals(0, own.code(), own::toString);
            assertEquals(zh.out(), own.out());
        }
        Run helpEn = CliTest.runIn(Locale.CHINA, "help", "--lang", "en", "population");
        assertEquals(0, helpEn.code(), helpEn::toString);
        assertEquals(en.out(), helpEn.out());
    }

    @Test
    void langOnTheCommandLineWinsOverTheSystemsLanguage() {
        assertTrue(CliTest.runIn(Locale.CHINA, "--lang", "en", "--help").out().contains(MAIN_EN));
        assertTrue(CliTest.runIn(Locale.ENGLISH, "--lang=zh", "--help").out().contains(MAIN_ZH));
        assertTrue(CliTest.runIn(Locale.ENGLISH, "population", "--help", "--lang", "zh")
                .out()
                .contains(POPULATION_ZH));
        assertTrue(CliTest.runIn(Locale.CHINA, "population", "--lang", "en", "--help")
                .out()
                .contains(POPULATION_EN));
        // the command's own --lang over the one before the command
        assertTrue(CliTest.runIn(Locale.ENGLISH, "--lang", "zh", "population", "--lang", "en", "--help")
                .out()
                .contains(POPULATION_EN));
        assertTrue(CliTest.runIn(Locale.ENGLISH, "--lang", "zh", "assess", "--help")
                .out()
                .contains("劳动者文件（YAML 或 JSON）。"));
        // one run's language does not stay for the next: each help is in its own run's language
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine(
                new Cli().locale(Locale.ENGLISH), new PrintWriter(out, true), new PrintWriter(new StringWriter()));
        cl.execute("--lang", "zh", "--help");
        assertTrue(out.toString().contains(MAIN_ZH));
        out.getBuffer().setLength(0);
        cl.execute("--help");
        assertTrue(out.toString().contains(MAIN_EN), out::toString);
    }

    @Test
    void theChineseBundleHasATextForEverythingAndNothingElse() {
        ResourceBundle zh = Cli.messages(Lang.ZH);
        ResourceBundle base = Cli.messages(Lang.EN);
        assertEquals(Set.of(), base.keySet(), "English is in the annotations: the base bundle is empty");
        CommandSpec root = Cli.commandLine(
                        new Cli().locale(Locale.ENGLISH),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()))
                .getCommandSpec();
        Set<String> used = new TreeSet<>(List.of("usage.synopsisHeading", "usage.commandListHeading"));
        List<String> missing = new ArrayList<>();
        for (CommandSpec spec : commands(root)) {
            String q = spec.qualifiedName(".");
            List<String> description = numbered(zh, q + ".usage.description");
            if (description.isEmpty()) {
                missing.add(q + ".usage.description");
            }
            used.addAll(description);
            for (String section : List.of(".usage.header", ".usage.synopsisHeading", ".usage.exitCodeListHeading")) {
                if (zh.containsKey(q + section)) {
                    used.add(q + section);
                }
            }
            List<String> codes = numbered(zh, q + ".usage.exitCodeList");
            used.addAll(codes);
            List<String> expected =
                    new ArrayList<>(spec.usageMessage().exitCodeList().keySet());
            List<String> got = codes.stream()
                    .map(k -> zh.getString(k).split(":")[0].strip())
                    .toList();
            if (!expected.equals(got)) {
                missing.add(q + ".usage.exitCodeList: the codes " + expected + ", not " + got);
            }
            if (!expected.isEmpty() && !zh.containsKey(q + ".usage.exitCodeListHeading")) {
                missing.add(q + ".usage.exitCodeListHeading");
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String key = arg.descriptionKey();
                if (key == null || key.isEmpty()) {
                    missing.add(q + " " + arg.paramLabel() + ": no descriptionKey");
                } else if (!zh.containsKey(key)) {
                    missing.add(key + " (" + q + ")");
                } else {
                    used.add(key);
                }
            }
        }
        assertEquals(List.of(), missing, "texts missing from Messages_zh.properties");
        Set<String> unused = new TreeSet<>(zh.keySet());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "texts in Messages_zh.properties that nothing shows");
    }

    /** The command and every command below it. */
    private static List<CommandSpec> commands(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>(List.of(spec));
        for (CommandLine sub : spec.subcommands().values()) {
            all.addAll(commands(sub.getCommandSpec()));
        }
        return all;
    }

    /** {@code key}, or {@code key.0}, {@code key.1}, …, as far as the bundle has them. */
    private static List<String> numbered(ResourceBundle bundle, String key) {
        if (bundle.containsKey(key)) {
            return List.of(key);
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; bundle.containsKey(key + "." + i); i++) {
            keys.add(key + "." + i);
        }
        return Collections.unmodifiableList(keys);
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** No Chinese character in {@code help}. */
    private static void assertNoChinese(String help) {
        assertFalse(HAN.matcher(help).find(), () -> "Chinese in the English help:\n" + help);
    }
}
