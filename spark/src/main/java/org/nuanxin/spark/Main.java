package org.nuanxin.spark;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.UnknownRegionException;
import org.nuanxin.population.PlainTable;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.ReportWriter;
import org.nuanxin.population.Terminal;

/**
 * The {@code population} command on Spark: totals a register (CSV or Parquet, any path Spark reads) per benefit and
 * prints them as {@code population} does, optionally writing every member's decisions as Parquet.
 *
 * <pre>
 * java -jar spark/target/nuanxin-spark-local.jar --region xian --as-of 2026-03-10 register.csv
 * spark-submit --class org.nuanxin.spark.Main spark/target/nuanxin-spark-app.jar --region xian --as-of 2026-03-10 hdfs:///r.parquet
 * </pre>
 *
 * <p>Without {@code spark-submit} (nor {@code --master}) it runs Spark in this JVM on every core ({@code local[*]}).
 * Exit status: 0 done (bad rows are reported, not fatal), 2 bad input (an option, the register's header, a missing
 * file: one line naming it), 1 the job failed (a rule-set mismatch on an executor, say).
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String NAME = "nuanxin-spark";

    /** Spark's console progress bar: the running stage's tasks, on stderr, while its logging is at warn or above. */
    static final String PROGRESS_BAR = "spark.ui.showConsoleProgress";

    static final String USAGE = """
            Usage: nuanxin-spark --region R [--as-of DATE] [options] REGISTER
            Assesses every member of a register on Apache Spark and prints each benefit's totals as
            `nuanxin population` does: eligible, not eligible, needs info, cash, in-kind value, quota, budget, flags.

              REGISTER                 CSV (UTF-8, a header row naming the columns of the register format) or Parquet
                                       (a .parquet file or a folder of them); a local path or any URI Spark reads
              --region R               region id, e.g. xian
              --as-of DATE             assessment date YYYY-MM-DD for every row (default: today in Asia/Shanghai)
              --claims PATH            benefits already granted (CSV or Parquet: member_id, benefit, claim_date, and
                                       optionally region and status), joined by member id: once-a-year limits hold
              --decisions DIR          also write one row per member and benefit to DIR as Parquet (a second pass)
              --max-problems N         bad-row problems listed, those of the smallest rows (default 100)
              --format text|json|csv   the report as population prints it: a table (default), JSON or CSV
              --lang zh|en             the language of the table, this help and the messages (default: the
                                       system's, Chinese or else English)
              --progress auto|always|never
                                       Spark's progress bar of the running stage on stderr (tasks done, running,
                                       in all); auto (default): when stderr is a terminal
              --rule-set-version V     fail unless every executor has rule set V for the region (default: the driver's)
              --master URL             Spark master (default: spark-submit's, else local[*]: this JVM, every core)
              --conf KEY=VALUE         a Spark setting, e.g. --conf spark.sql.files.maxPartitionBytes=64m
              --help                   this text

            Exit status: 0 done (bad rows are reported, not fatal); 1 the Spark job failed; 2 bad input.
            """;

    static final String USAGE_ZH = """
            用法：nuanxin-spark --region 地区 [--as-of 日期] [选项] 名册
            在 Apache Spark 上评估名册中的每一名会员，并像 `nuanxin population` 那样按权益列出汇总：
            符合、不符合、还需了解、现金、实物价值、名额、预算、提示。

              名册                     CSV（UTF-8，首行为名册格式的列名）或 Parquet（一个 .parquet 文件或
                                       一个装有它们的文件夹）；本地路径或 Spark 能读的任何 URI
              --region 地区            地区代码，如 xian
              --as-of 日期             评估日 YYYY-MM-DD，对每一行都用这一天（默认：上海时区的今天）
              --claims 路径            已发放的权益（CSV 或 Parquet：member_id、benefit、claim_date，可再有
                                       region 和 status），按会员编号关联：每年一次的限制照样成立
              --decisions 文件夹       另把每名会员每项权益的结论以 Parquet 写入该文件夹（再算一遍）
              --max-problems N         列出的有误行问题数，按行号从小到大（默认 100）
              --format text|json|csv   汇总的形式，与 population 相同：表格（默认）、JSON 或 CSV
              --lang zh|en             表格、本说明和消息的语言（默认随系统：中文，否则英文）
              --progress auto|always|never
                                       在标准错误上显示 Spark 当前阶段的进度条（已完成、运行中、总任务数）；
                                       auto（默认）：标准错误是终端时显示
              --rule-set-version V     除非每个执行器都有该地区的规则集 V，否则失败（默认：驱动程序的）
              --master URL             Spark 主节点（默认：spark-submit 给的，否则 local[*]：本 JVM，所有核心）
              --conf 键=值             Spark 设置，如 --conf spark.sql.files.maxPartitionBytes=64m
              --help                   本说明

            退出码：0 完成（有误的行会列出，不算失败）；1 Spark 作业失败；2 输入有误。
            """;

    private Main() {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command; the status to exit with. Leaves the Spark session running (a JVM's exit stops it). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        quietLocalLogging(masterOf(args)); // first: reading the options may log (the engine's classes)
        Lang l = Lang.of(args);
        Options o;
        try {
            o = Options.parse(args, l);
        } catch (InvalidInputException e) {
            err.println(NAME + ": " + oneLine(e.getMessage()) + l.pick("（见 --help）", " (see --help)"));
            return BAD_INPUT;
        }
        if (o.help) {
            out.print(l.zh ? USAGE_ZH : USAGE);
            return OK;
        }
        try {
            checkLocal(o.register, "REGISTER", true, l);
            if (o.claims != null) {
                checkLocal(o.claims, "--claims", true, l);
            }
            if (o.decisions != null) {
                checkLocal(o.decisions, "--decisions", false, l);
            }
            o.conf.forEach(kv -> System.setProperty(kv[0], kv[1])); // SparkConf reads spark.* system properties
            if (System.getProperty(PROGRESS_BAR) == null) { // Spark's bar, which shows when its logging is at warn
                boolean show =
                        o.progress.equals("always") || (o.progress.equals("auto") && Terminal.stderrIsTerminal());
                System.setProperty(PROGRESS_BAR, Boolean.toString(show));
            }
            Engines.get().region(o.region); // an unknown region fails before Spark starts
            SparkSession spark = session(o.master);
            NuanxinSpark.Job job =
                    NuanxinSpark.job(o.region, o.asOf).withSource(o.register).withMaxProblems(o.maxProblems);
            if (o.claims != null) {
                job = job.withClaims(read(spark, o.claims));
            }
            if (o.ruleSetVersion != null) {
                job = job.withRuleSetVersion(o.ruleSetVersion);
            }
            // a CSV file is read by population itself, split by split; Parquet and claims go through Datasets
            boolean csv = !NuanxinSpark.isParquet(o.register) && o.claims == null;
            Dataset<Row> register = csv ? null : NuanxinSpark.readRegister(spark, o.register);
            PopulationReport report = csv ? job.totalsOfCsv(spark, o.register) : job.totals(register);
            if (o.decisions != null) {
                try {
                    if (register == null) {
                        register = NuanxinSpark.readRegister(spark, o.register);
                    }
                    job.assess(register).write().parquet(o.decisions);
                } catch (Exception e) {
                    throw NuanxinSpark.unwrapped(e);
                }
            }
            print(out, report, o.format, l.locale());
            return OK;
        } catch (UnknownRegionException e) {
            err.println(NAME + ": --region: "
                    + oneLine(l.pick(
                            "未知地区 '" + o.region + "'；已载入的地区：" + String.join(", ", e.knownRegions()), e.problem())));
            return BAD_INPUT;
        } catch (InvalidInputException e) {
            err.println(NAME + ": " + oneLine(e.getMessage()));
            return BAD_INPUT;
        } catch (RuleSetMismatchException e) {
            err.println(NAME + ": " + oneLine(e.getMessage()));
            return FAILED;
        } catch (Exception e) { // Spark's AnalysisException is checked in Java's eyes, and thrown all the same
            if (e instanceof AnalysisException) { // a path Spark cannot read, a table it cannot find
                err.println(NAME + ": " + oneLine(firstLine(e.getMessage())));
                return BAD_INPUT;
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            err.println(NAME + l.pick(": Spark 作业失败：", ": the Spark job failed: ")
                    + oneLine(firstLine(String.valueOf(root.getMessage()))) + " ("
                    + root.getClass().getSimpleName() + ")");
            return FAILED;
        }
    }

    /** A local path (no URI scheme) that must exist, or must not yet: checked before Spark starts. */
    private static void checkLocal(String path, String field, boolean mustExist, Lang l) {
        if (path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return; // hdfs:, s3a:, file: … are Spark's to read
        }
        boolean exists = Files.exists(Path.of(path));
        if (mustExist && !exists) {
            throw new InvalidInputException(field, l.pick("没有这个文件或文件夹：", "no such file or folder: ") + path);
        }
        if (!mustExist && exists) {
            throw new InvalidInputException(
                    field, path + l.pick(" 已存在；请给一个新的文件夹", " already exists; name a new folder"));
        }
    }

    /**
     * Spark's logging, when it runs in this JVM: warnings and errors, a failed task told once (by this command), not
     * with its stack trace by the executor and scheduler. Set before anything logs (the engine logs through slf4j,
     * whose binding is Spark's log4j 2); left alone under spark-submit, or when a configuration is given.
     */
    private static void quietLocalLogging(String master) {
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        if (m.startsWith("local")
                && System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null
                && Main.class.getClassLoader().getResource("log4j2.properties") == null) {
            System.setProperty("log4j2.configurationFile", "org/nuanxin/spark/log4j2-local.properties");
        }
    }

    /** The value of {@code --master} among the arguments, or {@code null}. */
    private static String masterOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--master=")) {
                return args[i].substring("--master=".length());
            }
            if (args[i].equals("--master") && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** The session: spark-submit's when it set a master, else {@code --master}, else {@code local[*]}. */
    private static SparkSession session(String master) {
        if (master != null) {
            System.setProperty("spark.master", master);
        }
        String m = System.getProperty("spark.master", "local[*]");
        boolean local = m.startsWith("local");
        SparkSession.Builder b = SparkSession.builder().appName(NAME).master(m);
        if (local && System.getProperty("spark.ui.enabled") == null) {
            b = b.config("spark.ui.enabled", "false"); // no web UI (and no port taken) for a run in this JVM
        }
        return b.getOrCreate();
    }

    /** A claims file: Parquet, or CSV with a header row (every column text). */
    private static Dataset<Row> read(SparkSession spark, String path) {
        return NuanxinSpark.isParquet(path)
                ? spark.read().parquet(path)
                : spark.read().option("header", "true").option("escape", "\"").csv(path);
    }

    /** What {@code population --format FORMAT --lang LANG} prints for the report: population's own writer. */
    static void print(PrintStream out, PopulationReport r, String format, Locale lang) {
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        switch (format) {
            case "json" -> ReportWriter.json(w, r, null);
            case "csv" -> ReportWriter.csv(w, r);
            default -> ReportWriter.text(w, r, null, lang);
        }
        w.flush();
    }

    /**
     * The language of what the command writes for people (its report, help and messages): {@code --lang zh|en}
     * anywhere on the command line, else the system's (Chinese, else English). JSON and CSV are the same in both.
     */
    record Lang(boolean zh) {
        static Lang of(String[] args) {
            for (int i = 0; i < args.length; i++) {
                String v = args[i].startsWith("--lang=")
                        ? args[i].substring("--lang=".length())
                        : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
                if (v != null && (v.strip().equals("zh") || v.strip().equals("en"))) {
                    return new Lang(v.strip().equals("zh"));
                }
            }
            return new Lang(Locale.getDefault().getLanguage().equals("zh"));
        }

        String pick(String zhText, String enText) {
            return zh ? zhText : enText;
        }

        /** The locale population's report writer takes. */
        Locale locale() {
            return zh ? Locale.CHINESE : Locale.ENGLISH;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String oneLine(String s) {
        return PlainTable.oneLine(s);
    }

    /** The command line, read. */
    static final class Options {
        String region;
        LocalDate asOf;
        String register;
        String claims;
        String decisions;
        String ruleSetVersion;
        String master;
        int maxProblems = 100;
        String format = "text";
        String progress = "auto";
        boolean help;
        final List<String[]> conf = new ArrayList<>();

        /** @throws InvalidInputException naming the option that is wrong */
        static Options parse(String[] args, Lang l) {
            Options o = new Options();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || a.equals("--")) {
                    positional.add(a);
                    continue;
                }
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (name.equals("--help")) {
                    o.help = true;
                    continue;
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new InvalidInputException(name, l.pick("缺少值", "needs a value"));
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--region" -> o.region = value.strip();
                    case "--as-of" -> o.asOf = date(value, l);
                    case "--claims" -> o.claims = value;
                    case "--decisions" -> o.decisions = value;
                    case "--rule-set-version" -> o.ruleSetVersion = value.strip();
                    case "--master" -> o.master = value.strip();
                    case "--max-problems" -> o.maxProblems = count(name, value, l);
                    case "--format" -> o.format = oneOf(name, value.strip(), l, "text", "json", "csv");
                    case "--progress" -> o.progress = oneOf(name, value.strip(), l, "auto", "always", "never");
                    case "--lang" -> oneOf(name, value.strip(), l, "zh", "en"); // its value was read first, by Lang.of
                    case "--conf" -> {
                        int at = value.indexOf('=');
                        if (at <= 0) {
                            throw new InvalidInputException(
                                    "--conf",
                                    l.pick(
                                            "应为 键=值，如 spark.executor.memory=4g",
                                            "is KEY=VALUE, e.g. spark.executor.memory=4g"));
                        }
                        o.conf.add(new String[] {value.substring(0, at).strip(), value.substring(at + 1)});
                    }
                    default -> throw new InvalidInputException(a, l.pick("未知选项", "unknown option"));
                }
            }
            if (o.help) {
                return o;
            }
            if (o.region == null || o.region.isEmpty()) {
                throw new InvalidInputException(
                        "--region", l.pick("需要地区代码，如 --region xian", "a region id is required, e.g. --region xian"));
            }
            if (positional.size() != 1) {
                throw new InvalidInputException(
                        "REGISTER",
                        positional.isEmpty()
                                ? l.pick("请给出名册文件", "name the register file")
                                : l.pick("只能给一个名册文件，而不是 ", "one register file, not ") + positional.size() + ": "
                                        + String.join(" ", positional));
            }
            o.register = positional.get(0);
            if (o.asOf == null) {
                o.asOf = Nuanxin.todayInShanghai(java.time.Clock.systemUTC());
            }
            return o;
        }

        private static LocalDate date(String value, Lang l) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                        "--as-of",
                        l.pick(
                                "不是日期 '" + value + "'；请写成 YYYY-MM-DD，如 2026-03-10",
                                "not a date '" + value + "'; write it as YYYY-MM-DD, e.g. 2026-03-10"));
            }
        }

        private static String oneOf(String name, String value, Lang l, String... allowed) {
            for (String a : allowed) {
                if (a.equals(value)) {
                    return a;
                }
            }
            String list = String.join(", ", allowed);
            throw new InvalidInputException(
                    name,
                    l.pick("应为 " + list + " 之一，而不是 '" + value + "'", "is one of " + list + ", not '" + value + "'"));
        }

        private static int count(String name, String value, Lang l) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new InvalidInputException(
                    name,
                    l.pick("应为 0 或更大的整数，而不是 '" + value + "'", "is a whole number, 0 or more, not '" + value + "'"));
        }
    }
}
