package org.nuanxin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.Status;
import org.nuanxin.input.InputFiles;
import org.nuanxin.input.YamlNode;
import org.nuanxin.interview.AnswerKind;
import org.nuanxin.interview.Choice;
import org.nuanxin.interview.Interview;
import org.nuanxin.interview.Possibility;
import org.nuanxin.interview.Question;
import org.nuanxin.population.PlainTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code interview}: asks a worker, one question at a time, only what can still change a decision
 * across every programme loaded, then shows what they can get. Chinese by default.
 */
@Command(
        name = "interview",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = {
            "Asks a worker, one question at a time, only what can still change a decision in the programmes loaded, "
                    + "then prints what they can get (可以申请), what is still unknown (还需了解), what an event would "
                    + "bring (如遇以下情况可申请) and what they cannot get (不符合).",
            "Type ? for why a question is asked, 'skip' (跳过) when you do not know, 'back' (返回) to change the "
                    + "previous answer. Chinese by default; --lang en for English."
        })
final class InterviewCommand implements Callable<Integer>, Cli.Localized {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--region",
            paramLabel = "R",
            descriptionKey = "interview.region",
            description = "Only this region (repeatable; default: every region).")
    List<String> regions = new ArrayList<>();

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = Cli.DateConverter.class,
            descriptionKey = "interview.as-of",
            description = "Assessment date YYYY-MM-DD (default: today in Asia/Shanghai).")
    LocalDate asOf;

    @Option(
            names = "--lang",
            paramLabel = "zh|en",
            converter = Lang.Converter.class,
            descriptionKey = "interview.lang",
            description = "zh or en. Default: zh (the interview is for workers at a union station, whatever the "
                    + "system's language), or the --lang given before the command.")
    Lang lang;

    @Option(
            names = "--answers",
            paramLabel = "FILE",
            descriptionKey = "interview.answers",
            description = "Answer from this YAML or JSON file (field: answer, as the questions name them) instead of "
                    + "asking; a question the file does not answer is left unknown.")
    Path answersFile;

    @Option(
            names = "--json",
            descriptionKey = "interview.json",
            description = "Print the answers and the result as JSON instead of a table.")
    boolean json;

    @Mixin
    RuleFolderOption rules;

    private boolean zh;
    private Nuanxin engine;

    /** {@code --lang}, else the one given before the command, else Chinese. */
    @Override
    public Lang lang() {
        return lang != null ? lang : cli.givenLang() != null ? cli.givenLang() : Lang.ZH;
    }

    @Override
    public Integer call() {
        zh = lang() == Lang.ZH;
        Map<String, String> scripted = answersFile == null ? null : readAnswers(answersFile);
        engine = cli.engine(rules.folders);
        for (String r : regions) {
            Cli.checkedRegion(engine, r, "--region");
        }
        LocalDate date = asOf != null ? asOf : Nuanxin.todayInShanghai(cli.clock());
        Interview i = Interview.start(engine, date, regions.isEmpty() ? engine.regionIds() : regions, List.of());
        PrintWriter out = spec.commandLine().getOut();
        boolean talk = scripted == null && !json;
        BufferedReader in = new BufferedReader(new InputStreamReader(cli.input(), StandardCharsets.UTF_8));
        List<String> asked = new ArrayList<>();
        int n = 0;
        while (true) {
            List<Question> next = i.next();
            if (next.isEmpty()) {
                break;
            }
            Question q = next.get(0);
            if (scripted != null) {
                String a = scripted.get(q.field());
                try {
                    i = a == null ? i.skip(q.field()) : i.answer(q.field(), a);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(answersFile + ": " + q.field(), e.problem());
                }
                continue;
            }
            n++;
            ask(out, n, q);
            String line = readLine(in);
            while (true) {
                if (line == null) { // end of input: whatever is left stays unknown
                    i = i.skip(q.field());
                    break;
                }
                line = line.strip();
                if (line.equals("?") || line.equals("？")) {
                    out.println("  " + (zh ? q.helpZh() : q.helpEn()));
                } else if (line.equalsIgnoreCase("skip") || line.equals("跳过") || line.equals("不知道")) {
                    i = i.skip(q.field());
                    asked.add(q.field());
                    break;
                } else if (line.equalsIgnoreCase("back") || line.equals("返回")) {
                    if (asked.isEmpty()) {
                        out.println(zh ? "  这是第一个问题。" : "  This is the first question.");
                    } else {
                        i = i.without(asked.remove(asked.size() - 1));
                        n = Math.max(0, n - 2);
                        break;
                    }
                } else {
                    try {
                        i = i.answer(q.field(), chosen(q, line));
                        asked.add(q.field());
                        break;
                    } catch (InvalidInputException e) {
                        out.println(
                                zh
                                        ? "  请重新回答（" + hint(q) + "）：" + e.problem()
                                        : "  Please answer again (" + hint(q) + "): " + e.problem());
                    }
                }
                out.print(zh ? "> " : "> ");
                out.flush();
                line = readLine(in);
            }
        }
        if (json) {
            out.println(json(i));
        } else {
            if (talk) {
                out.println();
            }
            summary(out, i);
        }
        out.flush();
        return Cli.OK;
    }

    private void ask(PrintWriter out, int n, Question q) {
        out.println((zh ? "第" + n + "问：" : "Q" + n + ": ") + (zh ? q.promptZh() : q.promptEn()));
        if (q.kind() == AnswerKind.ONE_OF) {
            List<Choice> options = q.options();
            for (int k = 0; k < options.size(); k++) {
                out.println("  " + (k + 1) + ". "
                        + (zh ? options.get(k).zh() : options.get(k).en()));
            }
        }
        out.print("  (" + hint(q) + (zh ? "；? 说明原因，跳过，返回" : "; ? why, skip, back") + ") > ");
        out.flush();
    }

    private String hint(Question q) {
        return switch (q.kind()) {
            case YES_NO, EVENT -> zh ? "是/否" : "yes/no";
            case ONE_OF -> zh ? "填序号或名称" : "a number or the name";
            case PLACE -> zh ? "城市或区县名称，或6位代码" : "a city or district name, or its 6-digit code";
            case DATE -> zh ? "日期，如1990-05-01" : "a date such as 1990-05-01";
            case MONEY -> zh ? "金额，元" : "an amount in CNY";
            case COUNT -> zh ? "个数，如0、1、2" : "how many: 0, 1, 2…";
        };
    }

    /** A number typed for a choice is the option shown with it (open lists such as employers included). */
    private static String chosen(Question q, String line) {
        if (q.kind() == AnswerKind.ONE_OF && line.matches("\\d{1,3}")) {
            int k = Integer.parseInt(line);
            if (k >= 1 && k <= q.options().size()) {
                return q.options().get(k - 1).value();
            }
        }
        return line;
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> readAnswers(Path file) {
        Cli.requireReadableFile(file);
        YamlNode root = YamlNode.parse(file.toString(), InputFiles.read(file));
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            answers.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().text());
        }
        return answers;
    }

    // ---- the result ------------------------------------------------------------------------------

    private void summary(PrintWriter out, Interview i) {
        Map<String, Assessment> result = i.assessments();
        if (result.isEmpty()) {
            out.println(zh ? "所载入的项目都不适用于这位劳动者。" : "None of the programmes loaded covers this worker.");
            return;
        }
        List<Possibility> possible = i.possibilities();
        for (Assessment a : result.values()) {
            out.println("== "
                    + (zh
                                    ? engine.region(a.region()).nameZh()
                                    : engine.region(a.region()).nameEn())
                            .strip() + " (" + a.region() + ", " + a.asOf() + ")");
            List<String[]> rows = new ArrayList<>();
            rows.add(
                    zh
                            ? new String[] {"权益", "结论", "金额/价值", "理由", "如遇以下情况可申请"}
                            : new String[] {"BENEFIT", "STATUS", "AMOUNT/VALUE", "REASON", "COULD GET IF"});
            for (Status group : List.of(Status.ELIGIBLE, Status.NEEDS_INFO, Status.NOT_ELIGIBLE)) {
                for (Decision d : a.decisions()) {
                    if (d.status() != group) {
                        continue;
                    }
                    String could = possible.stream()
                            .filter(p ->
                                    p.region().equals(a.region()) && p.code().equals(d.code()))
                            .map(p -> zh ? p.textZh() : p.textEn())
                            .findFirst()
                            .orElse("");
                    rows.add(new String[] {
                        DecisionText.name(d.benefit(), lang()),
                        DecisionText.status(d.status(), lang()),
                        DecisionText.money(d),
                        DecisionText.reason(d, lang()),
                        could
                    });
                }
            }
            for (String line : PlainTable.format(rows)) {
                out.println(line);
            }
        }
    }

    private static String json(Interview i) {
        StringBuilder s = new StringBuilder("{\"as_of\": \"").append(i.asOf()).append("\", \"answers\": {");
        boolean first = true;
        for (Map.Entry<String, String> a : i.answers().entrySet()) {
            s.append(first ? "" : ", ")
                    .append(JsonText.quote(a.getKey()))
                    .append(": ")
                    .append(a.getValue() == null ? "null" : JsonText.quote(a.getValue()));
            first = false;
        }
        s.append("}, \"assessments\": [");
        first = true;
        for (Assessment a : i.assessments().values()) {
            s.append(first ? "" : ", ").append(a.toJson());
            first = false;
        }
        s.append("], \"possibilities\": [");
        first = true;
        for (Possibility p : i.possibilities()) {
            s.append(first ? "" : ", ")
                    .append("{\"region\": ")
                    .append(JsonText.quote(p.region()))
                    .append(", \"benefit\": ")
                    .append(JsonText.quote(p.code()))
                    .append(", \"event\": ")
                    .append(JsonText.quote(p.event()))
                    .append(", \"text_zh\": ")
                    .append(JsonText.quote(p.textZh()))
                    .append(", \"text_en\": ")
                    .append(JsonText.quote(p.textEn()))
                    .append(", \"cash\": ")
                    .append(p.cash() == null ? "null" : p.cash().toPlainString())
                    .append("}");
            first = false;
        }
        return s.append("]}").toString();
    }
}
