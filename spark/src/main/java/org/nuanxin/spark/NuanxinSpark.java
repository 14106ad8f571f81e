package org.nuanxin.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Region;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.RegisterFormat;
import org.nuanxin.population.RowProblem;

/**
 * Member registers assessed on Apache Spark: the {@code population} command's work where the register lives (a CSV or
 * Parquet file, a Hive or Iceberg table, a JDBC source), on as many executors as the cluster gives.
 *
 * <pre>{@code
 * Dataset<Row> register = NuanxinSpark.readRegister(spark, "hdfs:///unions/xian/register.parquet");
 * Dataset<Row> decisions = NuanxinSpark.assess(register, "xian", LocalDate.of(2026, 3, 10));  // one row per member and benefit
 * PopulationReport totals = NuanxinSpark.totals(register, "xian", LocalDate.of(2026, 3, 10)); // as population prints them
 * PopulationReport csv = NuanxinSpark.totalsOfCsv(spark, "hdfs:///unions/xian/register.csv", "xian", asOf); // fastest
 * }</pre>
 *
 * <p>The register's columns are those of the register CSV format ({@link RegisterFormat}), by name, any subset, in
 * any order; a row is read exactly as {@code population} reads a CSV row, by the same reader. Each executor JVM
 * builds one engine, from the region jars on its classpath, the first time a task needs it, and keeps it for every
 * later partition and task ({@code mapPartitions}); before its first row a task checks that its engine's rule set for
 * the region is the one the job expects (the driver's, unless {@link Job#withRuleSetVersion} names one) and fails the
 * job with a {@link RuleSetMismatchException} if not. Claims already granted ({@link Job#withClaims}) are joined by
 * member id, so once-a-year limits hold as in the union service.
 *
 * <p>Spark itself is not a dependency of this module's users: the cluster (or {@code spark-submit}) provides it. See
 * docs/spark.md.
 */
public final class NuanxinSpark {

    /** Output column: the register's {@code id}, as written ({@code null} when the register has none). */
    public static final String MEMBER_ID = "member_id";
    /** Output column: the benefit code; {@code null} on an {@link #INVALID} row. */
    public static final String BENEFIT = "benefit";
    /** Output column: ELIGIBLE, NOT_ELIGIBLE, NEEDS_INFO, or {@link #INVALID}. */
    public static final String STATUS = "status";
    /** Output column: the cash amount payable (CNY), when settled. */
    public static final String AMOUNT = "amount";
    /** Output column: the low end of a cash range, when the source gives only a range. */
    public static final String AMOUNT_MIN = "amount_min";
    /** Output column: the high end of that range. */
    public static final String AMOUNT_MAX = "amount_max";
    /** Output column: the in-kind value (CNY). */
    public static final String VALUE = "value";
    /** Output column: the fields that would settle a NEEDS_INFO decision. */
    public static final String MISSING = "missing";
    /** Output column: the rule set that decided. */
    public static final String RULE_SET_VERSION = "rule_set_version";
    /** Output column: on an {@link #INVALID} row, what is wrong ({@code field: problem}); else {@code null}. */
    public static final String PROBLEMS = "problems";

    /** The status of a row that could not be assessed (a bad cell, a bad claim): one output row, no benefit. */
    public static final String INVALID = "INVALID";

    /** The column of the CSV reader {@link #readRegister} sets up for records that do not fit the header. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    /** Claims' columns: the member, the benefit granted, the date granted (as the service's ledger has them). */
    public static final List<String> CLAIM_COLUMNS = List.of("member_id", "benefit", "claim_date");

    private static final String ROW_KEY = "__nuanxin_row";
    private static final String CLAIMS = "__nuanxin_claims";
    private static final Set<String> INTERNAL = Set.of(CORRUPT_RECORD, ROW_KEY, CLAIMS);

    private static final DataType MONEY = DataTypes.createDecimalType(18, 2);

    /** The schema of {@link #assess}'s rows. */
    public static final StructType DECISIONS = new StructType(new StructField[] {
        DataTypes.createStructField(MEMBER_ID, DataTypes.StringType, true),
        DataTypes.createStructField(BENEFIT, DataTypes.StringType, true),
        DataTypes.createStructField(STATUS, DataTypes.StringType, false),
        DataTypes.createStructField(AMOUNT, MONEY, true),
        DataTypes.createStructField(AMOUNT_MIN, MONEY, true),
        DataTypes.createStructField(AMOUNT_MAX, MONEY, true),
        DataTypes.createStructField(VALUE, MONEY, true),
        DataTypes.createStructField(MISSING, DataTypes.createArrayType(DataTypes.StringType, false), false),
        DataTypes.createStructField(RULE_SET_VERSION, DataTypes.StringType, true),
        DataTypes.createStructField(PROBLEMS, DataTypes.createArrayType(DataTypes.StringType, false), true)
    });

    private NuanxinSpark() {}

    /**
     * One row per member and benefit: see {@link Job#assess}.
     *
     * @throws org.nuanxin.UnknownRegionException when the driver has no such region
     * @throws MalformedFileException              when a column is not one of the register's
     */
    public static Dataset<Row> assess(Dataset<Row> register, String region, LocalDate asOf) {
        return job(region, asOf).assess(register);
    }

    /**
     * The register's totals per benefit: see {@link Job#totals}.
     *
     * @throws org.nuanxin.UnknownRegionException when the driver has no such region
     * @throws MalformedFileException              when a column is not one of the register's
     * @throws RuleSetMismatchException            when an executor has another rule set for the region
     */
    public static PopulationReport totals(Dataset<Row> register, String region, LocalDate asOf) {
        return job(region, asOf).totals(register);
    }

    /**
     * The totals of a register CSV file (or a folder of them) as {@code population} makes them: see
     * {@link Job#totalsOfCsv}.
     */
    public static PopulationReport totalsOfCsv(SparkSession spark, String path, String region, LocalDate asOf) {
        return job(region, asOf).withSource(path).totalsOfCsv(spark, path);
    }

    /** A job for one region and date, to add claims to, or to pin the rule set. */
    public static Job job(String region, LocalDate asOf) {
        return new Job(region, asOf, null, null, 100, "register");
    }

    /**
     * A register file as a Dataset: Parquet (a {@code .parquet} file or a folder of them) or CSV as {@code population}
     * reads it (UTF-8, a header row of column names, RFC 4180 quoting with doubled quotes, every cell a string). A CSV
     * record with another number of cells than the header is kept in {@value #CORRUPT_RECORD}, so that it is reported as
     * a bad row, as {@code population} reports it.
     *
     * @param path any path Spark reads ({@code file:}, {@code hdfs:}, {@code s3a:}, a local path)
     */
    public static Dataset<Row> readRegister(SparkSession spark, String path) {
        if (isParquet(path)) {
            return spark.read().parquet(path);
        }
        DataFrameReader csv = spark.read()
                .option("header", "true")
                .option("inferSchema", "false")
                .option("escape", "\"")
                .option("encoding", "UTF-8")
                .option("mode", "PERMISSIVE");
        String[] names = csv.csv(path).columns();
        List<StructField> fields = new ArrayList<>(names.length + 1);
        for (int i = 0; i < names.length; i++) {
            String name = i == 0 && names[i].startsWith("\uFEFF") ? names[i].substring(1) : names[i];
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(CORRUPT_RECORD, DataTypes.StringType, true));
        return csv.schema(DataTypes.createStructType(fields))
                .option("columnNameOfCorruptRecord", CORRUPT_RECORD)
                .csv(path);
    }

    /** Whether {@code path} names Parquet: by its extension, or a folder of {@code .parquet} files as Spark writes. */
    static boolean isParquet(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".parquet")) {
            return true;
        }
        java.io.File local = new java.io.File(p.startsWith("file:") ? p.substring(5) : p);
        String[] parts = local.isDirectory() ? local.list((d, n) -> n.endsWith(".parquet")) : null;
        return parts != null && parts.length > 0;
    }

    /**
     * A job: the region, date, claims and expectations of one run. Immutable; change it with the {@code with…}
     * methods.
     */
    public static final class Job {
        private final String region;
        private final LocalDate asOf;
        private final Dataset<Row> claims;
        private final String ruleSetVersion;
        private final int maxProblems;
        private final String source;

        private Job(
                String region,
                LocalDate asOf,
                Dataset<Row> claims,
                String ruleSetVersion,
                int maxProblems,
                String source) {
            this.region = region;
            this.asOf = asOf;
            this.claims = claims;
            this.ruleSetVersion = ruleSetVersion;
            this.maxProblems = maxProblems;
            this.source = source;
        }

        /**
         * Benefits already granted, joined to the register by member id so that once-a-year limits hold: columns
         * {@code member_id}, {@code benefit} and {@code claim_date} (a date, or text {@code YYYY-MM-DD}), as the union
         * service's {@code benefit_grant} table has them. When the Dataset has a {@code region} column only this
         * region's rows count, and when it has a {@code status} column only {@code GRANTED} ones (a waiting-list place
         * is no grant). The register needs its {@code id} column.
         */
        public Job withClaims(Dataset<Row> claims) {
            return new Job(region, asOf, Objects.requireNonNull(claims, "claims"), ruleSetVersion, maxProblems, source);
        }

        /**
         * The rule-set version every executor must have for the region ({@link Region#ruleSetVersion()}); by default
         * the driver's. A task whose engine has another fails the job ({@link RuleSetMismatchException}).
         */
        public Job withRuleSetVersion(String version) {
            return new Job(region, asOf, claims, Objects.requireNonNull(version, "version"), maxProblems, source);
        }

        /** Problems {@link #totals} lists (those of the smallest rows; the rest are counted); default 100. */
        public Job withMaxProblems(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("max problems must not be negative");
            }
            return new Job(region, asOf, claims, ruleSetVersion, n, source);
        }

        /** The register's name in error messages (a file name); default {@code register}. */
        public Job withSource(String name) {
            return new Job(region, asOf, claims, ruleSetVersion, maxProblems, Objects.requireNonNull(name));
        }

        /**
         * One row per member and benefit ({@link #DECISIONS}): the member's id, the benefit, its status, cash amount
         * (or range), in-kind value, missing fields and the rule set that decided; a row that cannot be assessed is
         * one row of status {@value #INVALID} with its problems. Lazy, as Datasets are: the work (and the rule-set
         * check) happens when an action runs, which fails with a {@link SparkException} whose message says what.
         *
         * @throws org.nuanxin.UnknownRegionException when the driver has no such region
         * @throws MalformedFileException              when a column is not one of the register's
         */
        public Dataset<Row> assess(Dataset<Row> register) {
            Prepared p = prepare(register);
            return p.rows.mapPartitions(new DecisionRows(p.layout), Encoders.row(DECISIONS));
        }

        /**
         * Every benefit's counts by status, cash (and range ends), in-kind value, with the quota and budget in force
         * on the date: the report {@code population} makes of the same register, figure for figure, with the bad
         * rows and their problems (rows numbered as {@code population} numbers a CSV file's, the header being row 1,
         * when the register is one CSV file; otherwise by their order in the Dataset). Runs a Spark job: each
         * partition totals its rows and the driver adds the partitions' totals up.
         *
         * @throws org.nuanxin.UnknownRegionException when the driver has no such region
         * @throws MalformedFileException              when a column is not one of the register's
         * @throws RuleSetMismatchException            when an executor has another rule set for the region
         */
        public PopulationReport totals(Dataset<Row> register) {
            Prepared p = prepare(register);
            long started = System.nanoTime();
            List<PartialTotals> parts;
            try {
                parts = p.rows.javaRDD()
                        .mapPartitions(new PartitionTotals(p.layout, maxProblems))
                        .collect();
            } catch (Exception e) { // SparkException is checked in Java's eyes, and thrown all the same
                throw unwrapped(e);
            }
            return PartialTotals.report(
                    parts,
                    p.region,
                    asOf,
                    maxProblems,
                    Duration.ofNanos(System.nanoTime() - started),
                    register.sparkSession().sparkContext().defaultParallelism());
        }

        /**
         * The totals of a register CSV file, or a folder of them, as {@link #totals} gives them for the same file
         * read with {@link #readRegister}, the fastest way: Spark cuts the files into splits at line breaks and each
         * task runs {@code population} itself over its split (the header row first), so that every row is read,
         * assessed and counted by population's own code; the driver merges the splits' totals. A register whose
         * quoted cells hold line breaks is detected (a split reads fewer rows than it has lines) and read again file
         * by file, each whole in one task. With claims, the register is read with {@link #readRegister} and
         * totalled by {@link #totals}.
         *
         * @param path any path Spark reads; rows are numbered as the lines of the files one after the other (for one
         *             file, as {@code population} numbers them)
         * @throws org.nuanxin.UnknownRegionException when the driver has no such region
         * @throws MalformedFileException              for an empty file, a bad header, files with different headers,
         *                                             or text that is not UTF-8
         * @throws RuleSetMismatchException            when an executor has another rule set for the region
         */
        public PopulationReport totalsOfCsv(SparkSession spark, String path) {
            Objects.requireNonNull(spark, "spark");
            Objects.requireNonNull(path, "path");
            if (claims != null) {
                return totals(readRegister(spark, path));
            }
            if (asOf == null) {
                throw new InvalidInputException("as_of", "an assessment date is required");
            }
            Region r = Engines.get().region(region);
            String expected = ruleSetVersion != null ? ruleSetVersion : r.ruleSetVersion();
            try {
                return CsvSplits.totals(spark, path, r.id(), asOf, expected, source, maxProblems);
            } catch (Exception e) {
                throw unwrapped(e);
            }
        }

        /** The register checked and laid out for the tasks: a row key added, the claims joined. */
        private Prepared prepare(Dataset<Row> register) {
            Objects.requireNonNull(register, "register");
            if (asOf == null) {
                throw new InvalidInputException("as_of", "an assessment date is required");
            }
            Region r = Engines.get().region(region);
            String expected = ruleSetVersion != null ? ruleSetVersion : r.ruleSetVersion();
            List<String> columns = Arrays.stream(register.columns())
                    .filter(c -> !INTERNAL.contains(c))
                    .toList();
            if (columns.isEmpty()) {
                throw new MalformedFileException(
                        source, 0, "", "the register has no columns; the first row names them");
            }
            String[] header = columns.toArray(String[]::new);
            RegisterFormat format = RegisterFormat.header(source, header); // a bad column fails here, on the driver
            Dataset<Row> rows = register;
            int id = format.columns().indexOf("id");
            if (claims != null) {
                // the row key before the join's shuffle: the partition the row was read in and its index there; without
                // a join a task knows both itself, and the projection that adds the column (a copy of every row) is
                // saved
                rows = rows.withColumn(ROW_KEY, monotonically_increasing_id());
                if (id < 0) {
                    throw new InvalidInputException(
                            "claims", "claims are joined by member id, and the register has no id column");
                }
                rows = rows.join(claimsByMember(), rows.col(header[id]).equalTo(col("__claims_member")), "left_outer")
                        .drop("__claims_member");
            }
            List<String> names = Arrays.asList(rows.columns());
            StructType schema = rows.schema();
            int[] at = new int[header.length];
            byte[] kinds = new byte[header.length];
            for (int i = 0; i < header.length; i++) {
                at[i] = names.indexOf(header[i]);
                DataType type = schema.fields()[at[i]].dataType();
                kinds[i] = type.equals(DataTypes.StringType)
                        ? Layout.TEXT
                        : type instanceof ArrayType ? Layout.LIST : Layout.VALUE;
            }
            Layout layout = new Layout(
                    r.id(),
                    asOf,
                    expected,
                    source,
                    header,
                    at,
                    kinds,
                    id,
                    names.indexOf(CORRUPT_RECORD),
                    names.indexOf(CLAIMS),
                    names.indexOf(ROW_KEY));
            return new Prepared(r, layout, rows);
        }

        /** The claims as one list per member: {@code __claims_member} and a list of (benefit, date as text). */
        private Dataset<Row> claimsByMember() {
            Set<String> have = Arrays.stream(claims.columns())
                    .map(c -> c.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            for (String c : CLAIM_COLUMNS) {
                if (!have.contains(c)) {
                    throw new InvalidInputException(
                            "claims",
                            "the claims have no column " + c + "; they need " + String.join(", ", CLAIM_COLUMNS));
                }
            }
            Dataset<Row> c = claims;
            if (have.contains("region")) {
                c = c.filter(col("region").equalTo(lit(region)));
            }
            if (have.contains("status")) {
                c = c.filter(col("status").equalTo(lit("GRANTED")));
            }
            DataType dateType =
                    c.schema().apply(c.schema().fieldIndex(claimDateName(c))).dataType();
            Column date = dateType.equals(DataTypes.StringType)
                    ? col("claim_date")
                    : col("claim_date").cast(DataTypes.DateType).cast(DataTypes.StringType);
            return c.groupBy(col("member_id").cast(DataTypes.StringType).as("__claims_member"))
                    .agg(collect_list(struct(
                                    col("benefit").cast(DataTypes.StringType).as("benefit"), date.as("claim_date")))
                            .as(CLAIMS));
        }

        private static String claimDateName(Dataset<Row> c) {
            return Arrays.stream(c.columns())
                    .filter(n -> n.equalsIgnoreCase("claim_date"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private record Prepared(Region region, Layout layout, Dataset<Row> rows) {}

    /**
     * A failed job's {@link RuleSetMismatchException}, to throw again on the driver (Spark wraps a task's exception
     * in its own {@link SparkException}), or the {@link InvalidInputException} a task met (text that is not UTF-8);
     * any other failure is thrown as it is, from here.
     */
    static RuntimeException unwrapped(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleSetMismatchException m) {
                return new RuleSetMismatchException(m, e);
            }
            if (t instanceof InvalidInputException bad) {
                return bad;
            }
        }
        throw NuanxinSpark.<RuntimeException>sneaky(e);
    }

    /** Throws {@code e}, checked or not, as the Scala code it comes from does. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E sneaky(Exception e) throws E {
        throw (E) e;
    }

    /** A partition's totals: every row read, assessed and counted; one {@link PartialTotals} out. */
    private static final class PartitionTotals implements FlatMapFunction<Iterator<Row>, PartialTotals> {
        private static final long serialVersionUID = 1L;
        private final Layout layout;
        private final int maxProblems;

        PartitionTotals(Layout layout, int maxProblems) {
            this.layout = layout;
            this.maxProblems = maxProblems;
        }

        @Override
        public Iterator<PartialTotals> call(Iterator<Row> rows) {
            RowReader reader = new RowReader(layout);
            PartialTotals.Counter totals = new PartialTotals.Counter(reader.region(), layout.asOf, maxProblems);
            while (rows.hasNext()) {
                totals.add(reader.read(rows.next()));
            }
            return List.of(totals.done()).iterator();
        }
    }

    /** A partition's decisions: one output row per member and benefit, made as the input rows are read. */
    private static final class DecisionRows implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Layout layout;

        DecisionRows(Layout layout) {
            this.layout = layout;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> input) {
            RowReader reader = new RowReader(layout);
            String version = reader.version();
            return new Iterator<>() {
                private final ArrayDeque<Row> ready = new ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    while (ready.isEmpty() && input.hasNext()) {
                        add(reader.read(input.next()));
                    }
                    return !ready.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return ready.poll();
                }

                private void add(RowReader.Outcome o) {
                    if (!o.ok()) {
                        String[] problems = new String[o.problems().size()];
                        for (int i = 0; i < problems.length; i++) {
                            RowProblem p = o.problems().get(i);
                            problems[i] = p.field() + ": " + p.problem();
                        }
                        ready.add(RowFactory.create(
                                o.memberId(), null, INVALID, null, null, null, null, new String[0], version, problems));
                        return;
                    }
                    for (Decision d : o.assessment().decisions()) {
                        ready.add(RowFactory.create(
                                o.memberId(),
                                d.code(),
                                d.status().name(),
                                money(d.amount()),
                                money(d.amountMin()),
                                money(d.amountMax()),
                                money(d.value()),
                                d.missing().toArray(new String[0]),
                                o.assessment().ruleSetVersion(),
                                null));
                    }
                }
            };
        }

        /** An amount at the output's scale of 2 (the engine's own): never rounded, so a finer amount fails loudly. */
        private static BigDecimal money(BigDecimal amount) {
            return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
        }
    }
}
