package org.nuanxin.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.BenefitKind;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.NuanxinException;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.RuleProblem;
import org.nuanxin.Status;
import org.nuanxin.UnknownRegionException;
import org.nuanxin.authoring.LintReport;
import org.nuanxin.authoring.RuleLinter;
import org.nuanxin.input.InputFiles;
import org.nuanxin.input.InputLimits;
import org.nuanxin.population.PlainTable;
import org.nuanxin.scenario.ScenarioCase;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;
import org.nuanxin.scenario.ScenarioRunner.CaseResult;
import org.nuanxin.scenario.ScenarioRunner.Mismatch;
import org.nuanxin.scenario.WorkerFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code nuanxin} command line ({@code java -jar nuanxin.jar}).
 *
 * <ul>
 *   <li>{@code assess [--region R] [--as-of DATE] [--rules DIR] [--format json|text] FILE}: the assessment of one
 *       worker file as JSON, or as a table;</li>
 *   <li>{@code verify [--rules DIR] PATH...}: runs scenario files or folders, ending with {@code N passed, N failed};</li>
 *   <li>{@code benefits [--region R]}: the benefit catalogue as a table;</li>
 *   <li>{@code lint DIR}: checks a rule folder, one {@code file:line:column: severity: message} per problem,
 *       ending with {@code N errors, N warnings}.</li>
 *   <li>{@code population --region R [--as-of DATE] [--stats] [--format text|json|csv] [--progress auto|always|never]
 *       FILE.csv}: a member register assessed on all cores and added up per benefit beside its quota and budget
 *       ({@link PopulationCommand}), ending with {@code N rows, N bad rows, S s, R rows/s};</li>
 *   <li>{@code generate --region R --rows N [--seed S] [--bad-rows F] OUT.csv}: a synthetic register to try it with
 *       ({@link GenerateCommand});</li>
 *   <li>{@code interview [--region R] [--as-of DATE] [--lang zh|en]}: the guided interview
 *       ({@link InterviewCommand}).</li>
 * </ul>
 *
 * <p>Every command takes {@code --lang zh|en} ({@link LangOption}; also before the command, for any command
 * not given its own) for what it writes for people, its own error messages and {@code --help} included. The
 * default is Chinese when the system's language is Chinese ({@link Locale#getDefault()}), else English;
 * {@code interview} is Chinese by default whatever the system's language (its help follows the system's). JSON
 * is the same in both. Messages that come from the library (a malformed file, an unknown place) are in English.
 *
 * <p>Help texts: English in the annotations, Chinese in the resource bundle {@value #MESSAGES}
 * ({@code Messages_zh.properties}, keyed by each option's {@code descriptionKey} and each command's qualified name,
 * e.g. {@code nuanxin.assess.usage.description}), chosen by {@link #messages(Lang)}.
 *
 * <p>Exit codes: 0 success, 1 a scenario failed, 2 bad input (one line {@code nuanxin: message} on stderr) or
 * a rule folder with errors ({@code lint}, problems on stdout), 3 an unexpected failure (one line on stderr as
 * well). stdout carries only the command's output.
 */
@Command(
        name = "nuanxin",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "What a local trade union's programme grants a gig worker, how much, and why.",
        subcommands = {
            Cli.Assess.class,
            Cli.Verify.class,
            Cli.Benefits.class,
            Cli.Lint.class,
            PopulationCommand.class,
            GenerateCommand.class,
            InterviewCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a scenario case failed (verify)",
            "2:bad input: unknown region, malformed file, invalid value, usage error; lint: the folder has errors",
            "3:unexpected failure"
        })
public final class Cli implements Callable<Integer> {

    /** Success. */
    public static final int OK = 0;
    /** {@code verify}: at least one case failed. */
    public static final int FAILED = 1;
    /** Bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Anything unexpected. */
    public static final int INTERNAL = 3;

    private final Clock clock;
    private final Supplier<Nuanxin.Builder> builders;
    private Locale locale;

    @Spec
    CommandSpec spec;

    /** {@code nuanxin --lang zh COMMAND …}: the language of every command that is not given its own. */
    @Mixin
    LangOption langOption;

    /** A command line that takes "today" from the system clock and loads every region on the classpath. */
    public Cli() {
        this(Clock.systemUTC(), Nuanxin::builder);
    }

    /**
     * A command line whose "today" (in Asia/Shanghai) comes from {@code clock} and whose engine starts from
     * the builders {@code builders} gives (to which {@code --rules} folders are added); for tests and hosts
     * that restrict the regions.
     */
    public Cli(Clock clock, Supplier<Nuanxin.Builder> builders) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.builders = Objects.requireNonNull(builders, "builders");
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default: the output carries Chinese names and JSON is UTF-8.
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        int code;
        try {
            code = commandLine(new Cli(), out, err).execute(args);
        } catch (Throwable t) { // an Error escaping picocli (out of memory, linkage): still one line
            Lang lang = Objects.requireNonNullElseGet(Lang.named(args), () -> Lang.of(Locale.getDefault()));
            err.println("nuanxin: " + lang.pick("意外故障：", "unexpected failure: ") + describe(t));
            code = INTERNAL;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The command line wired with this class's error handling, writing to {@code out} and {@code err}.
     * {@code commandLine(new Cli(), out, err).execute(args)} returns the exit code.
     */
    public static CommandLine commandLine(Cli cli, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(cli);
        // `help --lang zh` as `--lang zh help`: picocli's help command gets the --lang option of the other commands
        cl.getSubcommands().get("help").addMixin("lang", new LangOption());
        cl.setOut(out);
        cl.setErr(err);
        // Help in the language of the system's locale, then, once the arguments are parsed, in the --lang given
        // (the command's own, else the one before the command): picocli prints help while it executes.
        cl.setResourceBundle(messages(cli.defaultLang()));
        cl.setExecutionStrategy(parseResult -> {
            cl.setResourceBundle(messages(lang(parseResult, cli)));
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine at = ex.getCommandLine();
            // not parsed yet, or not at all: the language is the one named on the command line, if any
            Lang lang = Objects.requireNonNullElseGet(Lang.named(args), cli::defaultLang);
            String message = ex.getMessage();
            if (ex instanceof UnmatchedArgumentException u
                    && !at.getSubcommands().isEmpty()
                    && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().get(0).startsWith("-")) {
                String known = String.join(", ", at.getSubcommands().keySet());
                message = lang.pick(
                        "未知命令 '" + u.getUnmatched().get(0) + "'；可用的命令：" + known,
                        "unknown command '" + u.getUnmatched().get(0) + "'; expected one of: " + known);
            }
            String help = at.getCommandSpec().qualifiedName() + " --help";
            at.getErr()
                    .println("nuanxin: " + oneLine(message) + lang.pick("（见 '" + help + "'）", " (see '" + help + "')"));
            at.getErr().flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, at, parseResult) -> {
            Lang lang = at.getCommand() instanceof Localized l ? l.lang() : cli.defaultLang();
            int code;
            String message;
            if (ex instanceof CliInputException c) {
                code = BAD_INPUT;
                message = c.message(lang);
            } else if (ex instanceof NuanxinException || ex instanceof UncheckedIOException) {
                code = BAD_INPUT;
                message = ex instanceof UncheckedIOException u ? describe(u.getCause()) : message(ex);
            } else {
                code = INTERNAL;
                message = lang.pick("意外故障：", "unexpected failure: ") + describe(ex);
            }
            at.getErr().println("nuanxin: " + oneLine(message));
            at.getErr().flush();
            return code;
        });
        return cl;
    }

    /** The resource bundle of the help texts in Chinese ({@code Messages_zh.properties}); English is in the code. */
    static final String MESSAGES = "org.nuanxin.cli.Messages";

    /**
     * The help texts in {@code lang}: the Chinese bundle, or for English the base bundle, which leaves the
     * annotations' English as it is. Never the system locale's bundle in place of the one asked for.
     */
    static ResourceBundle messages(Lang lang) {
        return ResourceBundle.getBundle(
                MESSAGES,
                lang == Lang.ZH ? Locale.CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The {@code --lang} given last on the way to the command run ({@code nuanxin --lang zh assess --lang en}: en). */
    static Lang lang(ParseResult parsed, Cli cli) {
        Lang given = null;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--lang")) {
                given = p.matchedOptionValue("--lang", given);
            }
        }
        return given != null ? given : cli.defaultLang();
    }

    /** No command given: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                defaultLang()
                        .pick(
                                "缺少命令：assess、verify、benefits、lint、population、generate 或 interview",
                                "missing command: assess, verify, benefits, lint, population, generate or interview"));
    }

    /** A command that writes text for people in a language the user chose ({@code --lang}). */
    interface Localized {
        /** The language of the command's output and of its own error messages. */
        Lang lang();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** {@code assess}: one worker file, assessed, as JSON or as a table. */
    @Command(
            name = "assess",
            mixinStandardHelpOptions = true,
            versionProvider = Cli.Version.class,
            description = {
                "Assesses one worker file and prints the assessment as JSON (every decision with its amounts, "
                        + "missing fields and reasons in Chinese and English), or with --format text as a table: "
                        + "each benefit's name and code, status, amount or in-kind value, and the reason that decided.",
                "A worker file is a scenario case without expect (worker, region, as_of, events, claims) "
                        + "or a bare worker (its fields at the top level); see docs/scenario-format.md."
            })
    static final class Assess implements Callable<Integer>, Localized {

        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--region",
                paramLabel = "R",
                descriptionKey = "assess.region",
                description = "Region id (default: the file's region, else the only region loaded).")
        String region;

        @Option(
                names = "--as-of",
                paramLabel = "DATE",
                converter = DateConverter.class,
                descriptionKey = "assess.as-of",
                description = "Assessment date YYYY-MM-DD (default: the file's as_of, else today in Asia/Shanghai).")
        LocalDate asOf;

        @Mixin
        RuleFolderOption rules;

        @Option(
                names = "--format",
                paramLabel = "json|text",
                defaultValue = "json",
                descriptionKey = "assess.format",
                description = "json (default): the whole assessment; text: a table for people, in --lang.")
        String format;

        @Mixin
        LangOption langOption;

        @Parameters(paramLabel = "FILE", descriptionKey = "assess.file", description = "Worker file (YAML or JSON).")
        Path file;

        @Override
        public Lang lang() {
            return langOption.get(cli);
        }

        @Override
        public Integer call() {
            if (!format.equals("json") && !format.equals("text")) {
                throw new CliInputException("--format", "应为 json 或 text", "is json or text");
            }
            requireReadableFile(file);
            WorkerFile worker = WorkerFile.read(file); // parse before building rules: fail fast on typos
            String named = region != null
                    ? region
                    : worker.region() == null ? null : worker.region().strip();
            Nuanxin engine = cli.engine(rules.folders, named, region != null ? "--region" : worker.file() + ": region");
            String id = regionFor(engine, worker);
            LocalDate date =
                    asOf != null ? asOf : worker.asOf() != null ? worker.asOf() : Nuanxin.todayInShanghai(cli.clock);
            Assessment a = engine.assess(id, worker.situation(), date);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("text")) {
                table(out, engine.region(id), a, lang());
            } else {
                out.println(a.toJson());
            }
            out.flush();
            return OK;
        }

        /**
         * The assessment as a table for people: a heading with the programme's name, then one row per benefit,
         * those the worker can get first, then those that need information, then the others (each group in
         * catalogue order): the benefit's name and code, the status, the cash amount or in-kind value, the reason
         * that decided.
         */
        static void table(PrintWriter out, Region region, Assessment a, Lang lang) {
            out.println("== " + oneLine(lang.pick(region.nameZh(), region.nameEn())) + " (" + a.region() + ", "
                    + a.asOf() + ")");
            List<String[]> rows = new ArrayList<>();
            rows.add(
                    lang == Lang.ZH
                            ? new String[] {"权益", "代码", "结论", "金额/价值", "理由"}
                            : new String[] {"BENEFIT", "CODE", "STATUS", "AMOUNT/VALUE", "REASON"});
            for (Status group : List.of(Status.ELIGIBLE, Status.NEEDS_INFO, Status.NOT_ELIGIBLE)) {
                for (Decision d : a.decisions()) {
                    if (d.status() == group) {
                        rows.add(new String[] {
                            DecisionText.name(d.benefit(), lang),
                            d.code(),
                            DecisionText.status(d.status(), lang),
                            DecisionText.money(d),
                            DecisionText.reason(d, lang)
                        });
                    }
                }
            }
            for (String line : PlainTable.format(rows, 3)) {
                out.println(line);
            }
        }

        private String regionFor(Nuanxin engine, WorkerFile worker) {
            if (region != null) {
                return checkedRegion(engine, region, "--region");
            }
            if (worker.region() != null) {
                return checkedRegion(engine, worker.region().strip(), worker.file() + ": region");
            }
            List<String> ids = engine.regionIds();
            if (ids.size() == 1) {
                return ids.get(0);
            }
            if (ids.isEmpty()) {
                throw new CliInputException(
                        "region",
                        "没有载入任何地区（请加入地区规则模块或 --rules DIR）",
                        "no region is loaded (add a rules module or --rules DIR)");
            }
            throw new CliInputException(
                    "region",
                    worker.file() + " 没有写明地区，而载入了多个地区（" + String.join(", ", ids) + "）；请用 --region 指定",
                    worker.file() + " names no region and several are loaded (" + String.join(", ", ids)
                            + "); give --region");
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** {@code verify}: scenario files, checked. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            versionProvider = Cli.Version.class,
            description = {
                "Runs scenario files (or every .yaml, .yml and .json file under folders) and reports "
                        + "each failing case.",
                "The last line is 'N passed, N failed' ('N 通过，N 失败' with --lang zh).",
                "Scenario files are described in docs/scenario-format.md."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every case passed", "1:a case failed", "2:a file is malformed or a path is missing"})
    static final class Verify implements Callable<Integer>, Localized {

        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Mixin
        RuleFolderOption rules;

        @Mixin
        LangOption langOption;

        @Override
        public Lang lang() {
            return langOption.get(cli);
        }

        @Parameters(
                paramLabel = "PATH",
                arity = "1..*",
                descriptionKey = "verify.path",
                description = "Scenario files or folders.")
        List<Path> paths;

        @Override
        public Integer call() {
            // Parse every file before building the rules and running anything: a malformed file is reported
            // alone (exit 2), without a partial run in front of it.
            List<ScenarioFile> files = ScenarioRunner.readAll(paths);
            if (files.isEmpty()) { // a run that checks nothing must not pass
                throw new CliInputException(
                        "PATH",
                        paths + " 下没有场景文件（.yaml、.yml、.json）",
                        "no scenario files (.yaml, .yml, .json) under " + paths);
            }
            ScenarioRunner.Report report = new ScenarioRunner(cli.engine(rules.folders)).runFiles(files);

            PrintWriter out = spec.commandLine().getOut();
            Lang lang = lang();
            for (CaseResult r : report.results()) {
                if (!r.passed()) {
                    printFailure(out, r, lang);
                }
            }
            out.println(lang == Lang.ZH ? report.passed() + " 通过，" + report.failed() + " 失败" : report.summary());
            out.flush();
            return report.failed() == 0 ? OK : FAILED;
        }

        /**
         * A failing case: where it is, then per benefit the outcome expected and the actual one (as a scenario
         * file writes them, {@code ELIGIBLE amount=200.00}) and the reasons in {@code lang}.
         */
        static void printFailure(PrintWriter out, CaseResult r, Lang lang) {
            ScenarioCase c = r.scenario();
            out.println(
                    lang == Lang.ZH
                            ? "失败 " + c.file() + ":" + c.line() + " “" + c.name() + "”（地区 " + c.region() + "，评估日 "
                                    + c.asOf() + "）"
                            : "FAIL " + c.file() + ":" + c.line() + " \"" + c.name() + "\" (region " + c.region()
                                    + ", as of " + c.asOf() + ")");
            for (Mismatch m : r.mismatches()) {
                out.println("  " + m.benefit());
                out.println(lang.pick("    预期：", "    expected: ") + m.expected());
                out.println(lang.pick("    实际：", "    actual:   ") + m.actual());
                for (Reason reason : m.reasons()) {
                    out.println(
                            lang == Lang.ZH
                                    ? "      - [" + outcome(reason.outcome()) + "] " + oneLine(reason.textZh()) + "（"
                                            + reason.source() + "；规则 “" + reason.rule() + "”）"
                                    : "      - [" + reason.outcome() + "] " + oneLine(reason.textEn()) + " ("
                                            + reason.source() + "; rule \"" + reason.rule() + "\")");
                }
            }
        }

        private static String outcome(Reason.Outcome o) {
            return switch (o) {
                case MET -> "满足";
                case NOT_MET -> "不满足";
                case UNKNOWN -> "未知";
                case AMOUNT -> "金额";
            };
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** {@code benefits}: the catalogue as an aligned table. */
    @Command(
            name = "benefits",
            mixinStandardHelpOptions = true,
            versionProvider = Cli.Version.class,
            description = "Lists the benefit catalogue: region, code, kind, Chinese and English names (the "
                    + "headings and kinds in --lang).")
    static final class Benefits implements Callable<Integer>, Localized {

        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--region",
                paramLabel = "R",
                descriptionKey = "benefits.region",
                description = "Only this region (default: every region).")
        String region;

        @Mixin
        RuleFolderOption rules;

        @Mixin
        LangOption langOption;

        @Override
        public Lang lang() {
            return langOption.get(cli);
        }

        @Override
        public Integer call() {
            Nuanxin engine = cli.engine(rules.folders);
            List<Region> regions = region == null
                    ? engine.regions()
                    : List.of(engine.region(checkedRegion(engine, region, "--region")));
            Lang lang = lang();
            List<String[]> rows = new ArrayList<>();
            rows.add(
                    lang == Lang.ZH
                            ? new String[] {"地区", "代码", "类型", "中文名称", "英文名称"}
                            : new String[] {"REGION", "CODE", "KIND", "NAME_ZH", "NAME_EN"});
            for (Region r : regions) {
                for (Benefit b : r.benefits()) {
                    rows.add(new String[] {
                        r.id(), b.code(), kind(b.kind(), lang), oneLine(b.nameZh()), oneLine(b.nameEn())
                    });
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            for (String line : PlainTable.format(rows)) {
                out.println(line);
            }
            out.flush();
            return OK;
        }

        /** The kind's name ({@code CASH}), or in Chinese (现金). */
        static String kind(BenefitKind k, Lang lang) {
            return lang == Lang.EN
                    ? k.name()
                    : switch (k) {
                        case CASH -> "现金";
                        case IN_KIND -> "实物";
                        case SERVICE -> "服务";
                        case REFERRAL -> "转介";
                        case PRIORITY -> "优先";
                        case NEXT_STEP -> "下一步";
                    };
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** {@code lint}: a rule folder checked the way a policy author needs before verifying or reloading it. */
    @Command(
            name = "lint",
            mixinStandardHelpOptions = true,
            versionProvider = Cli.Version.class,
            description = {
                "Checks a rule folder (region.yaml, benefits.yaml, parameters.yaml and its .drl files): "
                        + "the guard, a DRL10 parse, a compile, every rule's metadata, sources and assumptions, the "
                        + "catalogue, and parameters no rule reads. Given a folder above rule folders (a module such as "
                        + "rules-xian, or the checkout), it checks every rule folder below it.",
                "Prints one 'file:line:column: severity: message' line per problem, the file relative to the "
                        + "folder given; the last line is 'N errors, N warnings'."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no errors (warnings allowed)", "2:the folder has errors, or it is missing"})
    static final class Lint implements Callable<Integer>, Localized {

        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Mixin
        LangOption langOption;

        @Override
        public Lang lang() {
            return langOption.get(cli);
        }

        @Parameters(
                paramLabel = "DIR",
                descriptionKey = "lint.dir",
                description = "The rule folder, e.g. rules-xian/src/main/resources/org/nuanxin/region/xian, or a "
                        + "folder above rule folders, e.g. rules-xian")
        Path dir;

        @Override
        public Integer call() {
            List<Path> folders = RuleLinter.ruleFolders(dir);
            PrintWriter out = spec.commandLine().getOut();
            List<RuleProblem> all = new ArrayList<>();
            for (Path folder : folders) {
                String prefix = folder.equals(dir)
                        ? ""
                        : dir.relativize(folder).toString().replace('\\', '/') + "/";
                for (RuleProblem p : RuleLinter.lint(folder).problems()) {
                    RuleProblem located = new RuleProblem(
                            prefix + p.file(), p.line(), p.column(), p.severity(), p.rule(), p.message());
                    all.add(located);
                    out.println(oneLine(located.toString())); // a DRL10 parse message can quote several lines
                }
            }
            LintReport report = new LintReport(dir.toString(), all);
            out.println(summary(report, folders.size(), lang()));
            out.flush();
            return report.hasErrors() ? BAD_INPUT : OK;
        }

        /** {@code 1 error, 0 warnings[ in N rule folders]}, or {@code 1 个错误，0 个警告[（共 N 个规则文件夹）]}. */
        static String summary(LintReport report, int folders, Lang lang) {
            if (lang == Lang.EN) {
                return report.summary() + (folders > 1 ? " in " + folders + " rule folders" : "");
            }
            long errors = report.problems().stream()
                    .filter(p -> p.severity() == RuleProblem.Severity.ERROR)
                    .count();
            return errors + " 个错误，" + (report.problems().size() - errors) + " 个警告"
                    + (folders > 1 ? "（共 " + folders + " 个规则文件夹）" : "");
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private java.io.InputStream input = System.in;

    /** This command line reading a person's answers ({@code interview}) from {@code in}; for tests and hosts. */
    public Cli input(java.io.InputStream in) {
        this.input = Objects.requireNonNull(in, "in");
        return this;
    }

    /** Where {@code interview} reads answers. */
    java.io.InputStream input() {
        return input;
    }

    /**
     * This command line writing for people in {@code locale}'s language unless {@code --lang} says otherwise
     * (Chinese when its language is Chinese, else English); by default the system's ({@link Locale#getDefault()}).
     * For tests and hosts.
     */
    public Cli locale(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        return this;
    }

    /**
     * The language of a command not given {@code --lang}: the one given before the command
     * ({@code nuanxin --lang en verify …}), else Chinese where the locale's language is Chinese, else English.
     */
    Lang defaultLang() {
        Lang given = givenLang();
        return given != null ? given : Lang.of(locale != null ? locale : Locale.getDefault());
    }

    /** The language given before the command, or {@code null}. */
    Lang givenLang() {
        return langOption == null ? null : langOption.lang;
    }

    /** "Today" comes from this clock (in Asia/Shanghai). */
    Clock clock() {
        return clock;
    }

    /** Builds the engine: every bundled region, plus the rule folders given with {@code --rules}. */
    Nuanxin engine(List<Path> ruleFolders) {
        return engine(ruleFolders, null, null);
    }

    /**
     * Builds the engine with only {@code region} (when not {@code null}): a command about one region
     * need not compile the others. An unknown region is an error naming {@code field}.
     */
    Nuanxin engine(List<Path> ruleFolders, String region, String field) {
        return engine(ruleFolders, region, field, b -> b);
    }

    /** As {@link #engine(List, String, String)}, with the builder set up further by {@code tune} (e.g. its cache). */
    Nuanxin engine(
            List<Path> ruleFolders,
            String region,
            String field,
            java.util.function.UnaryOperator<Nuanxin.Builder> tune) {
        Nuanxin.Builder b = tune.apply(builders.get());
        if (region != null) {
            b.regions(region);
        }
        for (Path dir : ruleFolders) {
            if (!Files.isDirectory(dir)) {
                throw Files.exists(dir)
                        ? new CliInputException("--rules", "'" + dir + "' 不是文件夹", "'" + dir + "' is not a folder")
                        : new CliInputException("--rules", "没有文件夹 '" + dir + "'", "no such folder '" + dir + "'");
            }
            b.ruleFolder(dir);
        }
        try {
            return b.build();
        } catch (UnknownRegionException e) {
            throw unknownRegion(field, region, e);
        }
    }

    /** The region id if loaded, else an error naming {@code field} and the regions that are loaded. */
    static String checkedRegion(Nuanxin engine, String id, String field) {
        try {
            engine.region(id);
            return id;
        } catch (UnknownRegionException e) {
            throw unknownRegion(field, id, e);
        }
    }

    private static CliInputException unknownRegion(String field, String id, UnknownRegionException e) {
        String known = e.knownRegions().isEmpty() ? null : String.join(", ", e.knownRegions());
        return new CliInputException(
                field,
                "未知地区 '" + id + "'；已载入的地区：" + (known == null ? "（无）" : known),
                "unknown region '" + id + "'; known regions: " + (known == null ? "(none)" : known));
    }

    /**
     * Refuses, before anything is opened, a path that is not an existing, readable regular file: a folder, a FIFO
     * (which would block the open), a device such as {@code /dev/zero} (which never ends).
     */
    static void requireReadableFile(Path file) {
        InputFiles.requireRegularFile(file);
    }

    /** The message of a library exception ({@code file:line: field: problem} for a malformed file). */
    static String message(Throwable ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    /** {@code s} as exactly one line, safe for a terminal: {@link PlainTable#oneLine}. */
    static String oneLine(String s) {
        return PlainTable.oneLine(s);
    }

    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()));
    }

    /** {@code --as-of}: an ISO date in the years 1900 to 2200; picocli names the option in the message. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            LocalDate date;
            try {
                date = LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("not a date; write it as YYYY-MM-DD, e.g. 2026-03-10");
            }
            if (!InputLimits.inRange(date)) {
                throw new TypeConversionException(InputLimits.DATE_OUT_OF_RANGE);
            }
            return date;
        }
    }

    /** {@code --version}: the jar's Maven version when packaged, else "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = "development";
            try (InputStream in =
                    Cli.class.getResourceAsStream("/META-INF/maven/org.nuanxin/nuanxin-cli/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    version = p.getProperty("version", version);
                }
            } catch (IOException e) {
                // keep "development"
            }
            return new String[] {
                "nuanxin " + version,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
