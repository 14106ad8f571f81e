package org.nuanxin.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nuanxin.Nuanxin;
import org.nuanxin.population.Population;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.ReportWriter;
import org.nuanxin.population.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code population}: a member register (CSV) assessed row by row on all cores, added up per benefit beside
 * the benefit's quota and budget.
 */
@Command(
        name = "population",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = {
            "Assesses a member register (CSV) and adds the decisions up per benefit, beside its quota and " + "budget.",
            "Every worker of the register (CSV, UTF-8, a header row naming the columns) is assessed on all cores; the "
                    + "output (--format text, in --lang) is a table per benefit: eligible, not eligible, needs info, cash "
                    + "total, in-kind total, quota, budget and flags (QUOTA EXCEEDED, BUDGET EXCEEDED, BUDGET MAY BE "
                    + "EXCEEDED, NOTE n); then the notes of the quota and budget parameters, the bad rows ('row N: field: "
                    + "problem') and a last line 'N rows, N bad rows, S s, R rows/s'. --format json and --format csv "
                    + "(RFC 4180) carry the same figures and the run's summary, the same in every language.",
            "Columns: the worker fields of docs/scenario-format.md by name (id, occupation, new_employment_form, work_city, "
                    + "residence_city, work_province, hukou_province, gender, birth_date, union_member, union_join_date, "
                    + "medical_insurance, hardship, martyr_family, frontline_outstanding, employer, head_platform_enterprise, "
                    + "employment_start_date, integrity_deductions, children, certificates), in any order and any subset, "
                    + "and optionally one event per row: trip_date, trip_reason, trip_union_certified, trip_ticket_cost; "
                    + "stay_hospital, stay_admission_date, stay_discharge_date, stay_out_of_pocket_cost, stay_meal_cost; "
                    + "arrears_date, arrears_amount. An empty cell is unknown. children: 2015-06-01:PRIMARY;2019-03-02 "
                    + "(- or none: known to have none); certificates: DEGREE:2023-05-01;SKILL:2024-01-01.",
            "Bad rows are reported and skipped; they do not change the exit code. Progress goes to stderr, at most once a "
                    + "second, when stderr is a terminal (--progress): the share of the file read, rows, rows/s and the "
                    + "time left. Make a register to try it with 'generate'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the register was assessed (bad rows, if any, are listed)",
            "2:a missing, unreadable or non-UTF-8 file, or one that is not a regular file (a folder, FIFO or device), "
                    + "unknown region, an --as-of outside 1900-2200, malformed header (an unknown or repeated column, "
                    + "a header row longer than 65536 characters), a bad option, or the region's rules failed on a row",
            "3:unexpected failure"
        })
final class PopulationCommand implements Callable<Integer>, Cli.Localized {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--region",
            paramLabel = "R",
            required = true,
            descriptionKey = "population.region",
            description = "Region id, e.g. xian.")
    String region;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = Cli.DateConverter.class,
            descriptionKey = "population.as-of",
            description = "Assessment date YYYY-MM-DD for every row (default: today in Asia/Shanghai).")
    LocalDate asOf;

    @Mixin
    RuleFolderOption rules;

    @Option(
            names = "--threads",
            paramLabel = "N",
            descriptionKey = "population.threads",
            description = "Assessing threads (default: one per core).")
    Integer threads;

    @Option(
            names = "--max-problems",
            paramLabel = "N",
            defaultValue = "100",
            descriptionKey = "population.max-problems",
            description =
                    "Bad-row problems listed (those of the smallest rows; default ${DEFAULT-VALUE}); the rest are counted.")
    int maxProblems;

    @Option(
            names = "--cached-decisions",
            paramLabel = "N",
            descriptionKey = "population.cached-decisions",
            description = "Decisions kept for reuse during the run (workers whose facts read by the rules are equal "
                    + "share one; the rules still decide every distinct combination). Default: sized to the heap, "
                    + "one per 10 KiB of the maximum heap, at least 10000 and at most 100000; 0 turns reuse off.")
    Integer cachedDecisions;

    @Option(
            names = "--stats",
            descriptionKey = "population.stats",
            description = "Print a line of run statistics (threads, rows in flight, heap, GC) before the summary "
                    + "(with --format json: a \"stats\" object).")
    boolean stats;

    @Option(
            names = "--format",
            paramLabel = "text|json|csv",
            defaultValue = "text",
            descriptionKey = "population.format",
            description = "text (default): the report for people, in --lang; json: one object with the run's summary, "
                    + "the per-benefit figures and the bad rows; csv: one row per benefit with the run's summary "
                    + "on each (RFC 4180, CR LF).")
    String format;

    @Option(
            names = "--progress",
            paramLabel = "auto|always|never",
            defaultValue = "auto",
            descriptionKey = "population.progress",
            description = "Progress on stderr: auto (default) when stderr is a terminal (on Linux read from "
                    + "/proc/self/fd/2, so also when stdout goes to a file; elsewhere when System.console() is set), "
                    + "always, or never.")
    String progressMode;

    @Mixin
    LangOption langOption;

    @Parameters(
            paramLabel = "FILE",
            descriptionKey = "population.file",
            description = "The member register, CSV in UTF-8.")
    Path file;

    @Override
    public Lang lang() {
        return langOption.get(cli);
    }

    @Override
    public Integer call() {
        if (!List.of("text", "json", "csv").contains(format)) {
            throw new CliInputException("--format", "应为 text、json 或 csv", "is text, json or csv");
        }
        if (!List.of("auto", "always", "never").contains(progressMode)) {
            throw new CliInputException("--progress", "应为 auto、always 或 never", "is auto, always or never");
        }
        if (stats && format.equals("csv")) {
            throw new CliInputException(
                    "--stats", "只用于 --format text 或 json", "goes with --format text or json, not csv");
        }
        Cli.requireReadableFile(file);
        if (threads != null && threads < 1) {
            throw new CliInputException("--threads", "至少为 1", "must be at least 1");
        }
        if (maxProblems < 0) {
            throw new CliInputException("--max-problems", "不能为负数", "must not be negative");
        }
        if (cachedDecisions != null && cachedDecisions < 0) {
            throw new CliInputException("--cached-decisions", "不能为负数", "must not be negative");
        }
        Lang lang = lang();
        int cache = cachedDecisions != null
                ? cachedDecisions
                : defaultCachedDecisions(Runtime.getRuntime().maxMemory());
        Nuanxin engine = cli.engine(rules.folders, region, "--region", b -> b.cachedDecisions(cache));
        String id = Cli.checkedRegion(engine, region, "--region");
        LocalDate date = asOf != null ? asOf : Nuanxin.todayInShanghai(cli.clock());

        Population.Options options =
                Population.Options.defaults().withSource(file.toString()).withMaxProblems(maxProblems);
        if (threads != null) {
            options = options.withThreads(threads);
        }
        HeapWatch heap = stats ? new HeapWatch() : null;
        boolean showProgress =
                progressMode.equals("always") || (progressMode.equals("auto") && Terminal.stderrIsTerminal());
        long[] bytesRead = new long[1]; // written and read on this thread, by the run's callbacks
        Progress progress =
                showProgress ? new Progress(spec.commandLine().getErr(), lang, size(file), () -> bytesRead[0]) : null;
        if (heap != null || progress != null) {
            options = options.withBytesRead(b -> bytesRead[0] = b).withProgress(done -> {
                if (heap != null) {
                    heap.sample();
                }
                if (progress != null) {
                    progress.update(done);
                }
            });
        }
        PopulationReport report;
        try {
            report = Population.run(engine, id, date, file, options);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new CliInputException(
                        file.toString(),
                        "不是 UTF-8 文本；请把名册另存为 CSV UTF-8",
                        "is not UTF-8 text; save the register as CSV UTF-8");
            }
            throw e;
        } finally {
            if (progress != null) {
                progress.clear();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> ReportWriter.json(out, report, heap == null ? null : heap.json(report));
            case "csv" -> ReportWriter.csv(out, report);
            default -> ReportWriter.text(out, report, heap == null ? null : heap.summary(report, lang), lang.locale());
        }
        return Cli.OK;
    }

    /** The file's size in bytes, or 0 when it cannot be told. */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Decisions kept for reuse when {@code --cached-decisions} is not given: one per 10 KiB of heap (a decision
     * takes a few KiB), at least the engine's default and at most 100,000. A register of a million workers has
     * some tens of thousands of distinct combinations of the facts the rules read; a cache much smaller than
     * that is emptied over and over and the rules decide most workers afresh.
     */
    static int defaultCachedDecisions(long maxHeap) {
        long byHeap = maxHeap / (10 * 1024);
        return (int) Math.max(Nuanxin.DEFAULT_CACHED_DECISIONS, Math.min(100_000, byHeap));
    }

    /** Heap figures for {@code --stats}: sampled as the run goes, and the heap pools' own peaks. */
    static final class HeapWatch {
        private final Runtime rt = Runtime.getRuntime();
        private final long baseline;
        private final long gcCount;
        private final long gcMillis;
        private long peakUsed;
        private long peakCommitted;

        HeapWatch() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            baseline = rt.totalMemory() - rt.freeMemory();
            gcCount = gcs()[0];
            gcMillis = gcs()[1];
            sample();
        }

        void sample() {
            long used = rt.totalMemory() - rt.freeMemory();
            peakUsed = Math.max(peakUsed, used);
            peakCommitted = Math.max(peakCommitted, rt.totalMemory());
        }

        private static long[] gcs() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new long[] {count, millis};
        }

        private static long poolPeaks() {
            long poolPeaks = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    poolPeaks += pool.getPeakUsage().getUsed();
                }
            }
            return poolPeaks;
        }

        /** The statistics line: {@code stats: 2 threads, peak … rows in flight; heap used …; GC …}. */
        String summary(PopulationReport r, Lang lang) {
            sample();
            long poolPeaks = poolPeaks();
            long[] gc = gcs();
            String gcSeconds = String.format(Locale.ROOT, "%.1f", (gc[1] - gcMillis) / 1000.0);
            return lang == Lang.ZH
                    ? "统计：" + r.threads() + " 个线程，最多 " + r.peakRowsInFlight() + " 行同时在处理；堆：开始时 "
                            + mib(baseline) + " MiB，采样峰值 " + mib(peakUsed) + " MiB（各内存池峰值之和 " + mib(poolPeaks)
                            + " MiB），已提交峰值 " + mib(peakCommitted) + " MiB，上限 " + mib(rt.maxMemory()) + " MiB；GC "
                            + (gc[0] - gcCount) + " 次，" + gcSeconds + " 秒"
                    : "stats: " + r.threads() + " threads, peak " + r.peakRowsInFlight()
                            + " rows in flight; heap used " + mib(baseline) + " MiB at start, peak " + mib(peakUsed)
                            + " MiB sampled (" + mib(poolPeaks) + " MiB sum of pool peaks), committed peak "
                            + mib(peakCommitted) + " MiB, max " + mib(rt.maxMemory()) + " MiB; GC "
                            + (gc[0] - gcCount) + " collections, " + gcSeconds + " s";
        }

        /** The same figures as a JSON object, in MiB and seconds. */
        String json(PopulationReport r) {
            sample();
            long[] gc = gcs();
            return "{\"heap_start_mib\": " + mib(baseline) + ", \"heap_peak_sampled_mib\": " + mib(peakUsed)
                    + ", \"heap_pool_peaks_mib\": " + mib(poolPeaks()) + ", \"heap_committed_peak_mib\": "
                    + mib(peakCommitted) + ", \"heap_max_mib\": " + mib(rt.maxMemory()) + ", \"gc_collections\": "
                    + (gc[0] - gcCount) + ", \"gc_seconds\": "
                    + String.format(Locale.ROOT, "%.3f", (gc[1] - gcMillis) / 1000.0) + "}";
        }

        private static String mib(long bytes) {
            return new BigDecimal(bytes)
                    .divide(new BigDecimal(1 << 20), 1, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
        }
    }
}
