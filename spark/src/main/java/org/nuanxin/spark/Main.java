package org.nuanxin.spark;

import java.io.PrintStream;
import java.math.BigDecimal;
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
import org.nuanxin.Parameter;
import org.nuanxin.UnknownRegionException;
import org.nuanxin.population.BenefitTotals;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.RowProblem;

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
              --rule-set-version V     fail unless every executor has rule set V for the region (default: the driver's)
              --master URL             Spark master (default: spark-submit's, else local[*]: this JVM, every core)
              --conf KEY=VALUE         a Spark setting, e.g. --conf spark.sql.files.maxPartitionBytes=64m
              --help                   this text

            Exit status: 0 done (bad rows are reported, not fatal); 1 the Spark job failed; 2 bad input.
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
        Options o;
        try {
            o = Options.parse(args);
        } catch (InvalidInputException e) {
            err.println(NAME + ": " + oneLine(e.getMessage()) + " (see --help)");
            return BAD_INPUT;
        }
        if (o.help) {
            out.print(USAGE);
            return OK;
        }
        try {
            checkLocal(o.register, "REGISTER", true);
            if (o.claims != null) {
                checkLocal(o.claims, "--claims", true);
            }
            if (o.decisions != null) {
                checkLocal(o.decisions, "--decisions", false);
            }
            o.conf.forEach(kv -> System.setProperty(kv[0], kv[1])); // SparkConf reads spark.* system properties
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
            print(out, report);
            return OK;
        } catch (UnknownRegionException e) {
            err.println(NAME + ": --region: " + oneLine(e.problem()));
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
            err.println(NAME + ": the Spark job failed: " + oneLine(firstLine(String.valueOf(root.getMessage()))) + " ("
                    + root.getClass().getSimpleName() + ")");
            return FAILED;
        }
    }

    /** A local path (no URI scheme) that must exist, or must not yet: checked before Spark starts. */
    private static void checkLocal(String path, String field, boolean mustExist) {
        if (path.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return; // hdfs:, s3a:, file: … are Spark's to read
        }
        boolean exists = Files.exists(Path.of(path));
        if (mustExist && !exists) {
            throw new InvalidInputException(field, "no such file or folder: " + path);
        }
        if (!mustExist && exists) {
            throw new InvalidInputException(field, path + " already exists; name a new folder");
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

    /** What {@code population --format text} prints, in English. */
    static void print(PrintStream out, PopulationReport r) {
        out.println(r.region() + " as of " + r.asOf() + " (rules " + r.ruleSetVersion() + "): " + r.assessed()
                + " workers assessed");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "CODE", "ELIGIBLE", "NOT_ELIGIBLE", "NEEDS_INFO", "CASH", "IN_KIND", "QUOTA", "BUDGET", "FLAGS"
        });
        List<String> notes = new ArrayList<>();
        for (BenefitTotals b : r.benefits()) {
            List<String> flags = new ArrayList<>(b.flags());
            for (Parameter p : new Parameter[] {b.quota(), b.budget()}) {
                if (p != null && !p.note().isBlank()) {
                    String of = p == b.quota() ? "quota" : "budget";
                    notes.add("[" + (notes.size() + 1) + "] " + b.code() + " " + of + " " + p.key() + ": "
                            + oneLine(p.note()));
                    flags.add("NOTE " + notes.size());
                }
            }
            rows.add(new String[] {
                b.code(),
                Long.toString(b.eligible()),
                Long.toString(b.notEligible()),
                Long.toString(b.needsInfo()),
                b.hasRange()
                        ? b.cashLow().toPlainString() + ".." + b.cashHigh().toPlainString()
                        : b.cash().toPlainString(),
                b.value().toPlainString(),
                b.quota() == null ? "-" : Long.toString(b.quotaPlaces()),
                b.budget() == null ? "-" : plain(b.budgetAmount()),
                String.join(", ", flags)
            });
        }
        table(rows).forEach(out::println);
        if (!notes.isEmpty()) {
            out.println();
            out.println("notes:");
            notes.forEach(n -> out.println("  " + n));
        }
        if (!r.problems().isEmpty() || r.problemsOmitted() > 0) {
            out.println();
            for (RowProblem p : r.problems()) {
                out.println(oneLine(p.toString()));
            }
            long more = r.problemsOmitted();
            if (more > 0) {
                out.println("... and " + more + " more problem" + (more == 1 ? "" : "s") + " (the first "
                        + r.problems().size() + " by row are listed)");
            }
        }
        out.println();
        out.println(r.rows() + " rows, " + r.badRows() + " bad row" + (r.badRows() == 1 ? "" : "s") + ", "
                + String.format(Locale.ROOT, "%.1f", r.elapsed().toNanos() / 1e9) + " s, "
                + String.format(Locale.ROOT, "%.0f", r.rowsPerSecond()) + " rows/s");
        out.flush();
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    /** The rows aligned in columns: the counts and amounts (columns 1 to 7) on the right, below the heading. */
    private static List<String> table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            String[] row = rows.get(r);
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(widths[i] - row[i].length());
                boolean right = r > 0 && i >= 1 && i <= 7;
                line.append(right ? pad + row[i] : row[i] + (i < row.length - 1 ? pad : ""));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
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
        boolean help;
        final List<String[]> conf = new ArrayList<>();

        /** @throws InvalidInputException naming the option that is wrong */
        static Options parse(String[] args) {
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
                        throw new InvalidInputException(name, "needs a value");
                    }
                    value = args[++i];
                }
                switch (name) {
                    case "--region" -> o.region = value.strip();
                    case "--as-of" -> o.asOf = date(value);
                    case "--claims" -> o.claims = value;
                    case "--decisions" -> o.decisions = value;
                    case "--rule-set-version" -> o.ruleSetVersion = value.strip();
                    case "--master" -> o.master = value.strip();
                    case "--max-problems" -> o.maxProblems = count(name, value);
                    case "--conf" -> {
                        int at = value.indexOf('=');
                        if (at <= 0) {
                            throw new InvalidInputException("--conf", "is KEY=VALUE, e.g. spark.executor.memory=4g");
                        }
                        o.conf.add(new String[] {value.substring(0, at).strip(), value.substring(at + 1)});
                    }
                    default -> throw new InvalidInputException(a, "unknown option");
                }
            }
            if (o.help) {
                return o;
            }
            if (o.region == null || o.region.isEmpty()) {
                throw new InvalidInputException("--region", "a region id is required, e.g. --region xian");
            }
            if (positional.size() != 1) {
                throw new InvalidInputException(
                        "REGISTER",
                        positional.isEmpty()
                                ? "name the register file"
                                : "one register file, not " + positional.size() + ": " + String.join(" ", positional));
            }
            o.register = positional.get(0);
            if (o.asOf == null) {
                o.asOf = Nuanxin.todayInShanghai(java.time.Clock.systemUTC());
            }
            return o;
        }

        private static LocalDate date(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                        "--as-of", "not a date '" + value + "'; write it as YYYY-MM-DD, e.g. 2026-03-10");
            }
        }

        private static int count(String name, String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new InvalidInputException(name, "is a whole number, 0 or more, not '" + value + "'");
        }
    }
}
