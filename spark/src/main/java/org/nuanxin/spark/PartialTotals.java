package org.nuanxin.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nuanxin.Region;
import org.nuanxin.population.BenefitTotals;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.PopulationTotals;
import org.nuanxin.population.RowProblem;

/**
 * One task's totals on their way to the driver, and the driver's merge of them into population's report.
 *
 * <p>A task over a Dataset's partition counts its rows with population's own {@link PopulationTotals} (the identity
 * counting of shared decisions, the exact sums, the problems of the smallest rows); a task over a split of a CSV file
 * runs population itself and has its {@link PopulationReport}. Neither is serialisable (they hold the region), so this
 * carries their figures. On the driver each benefit's figures merge through {@link BenefitTotals#merge}, beside the
 * quota and budget that a {@link PopulationTotals} of the driver's region puts there (in force on the date), so the
 * report is population's, figure for figure.
 *
 * <p>Bad rows are numbered as {@code population} numbers a CSV file's lines (the header is row 1). A Dataset's rows are
 * known by their key ({@code monotonically_increasing_id}'s layout: the partition the row was read in, shifted left 33
 * bits, plus its index there), which stands for the row number while they are counted; the driver adds the rows of
 * the partitions before, from the rows every task saw per reading partition. A split's rows are numbered by
 * population as the lines of its text (the header row given first is line 1); the driver adds the lines of the
 * splits before.
 */
final class PartialTotals implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Bits of a row key below the partition number ({@code monotonically_increasing_id}'s layout). */
    static final int PARTITION_SHIFT = 33;

    private static final long INDEX_MASK = (1L << PARTITION_SHIFT) - 1;

    /** Per benefit, in catalogue order: its code, then the counts and sums of {@link BenefitTotals}. */
    private final String[] codes;

    private final long[][] counts;
    private final BigDecimal[][] sums;
    private final long rows;
    private final long badRows;
    private final long problemCount;
    private final List<Kept> problems;
    private final List<String> versions;
    /** Rows seen per reading partition, when the problems' rows are row keys; else {@code null}. */
    private final Map<Integer, Long> rowsByPartition;
    /** When the problems' rows are lines of a split read by population (header = 1): the split's index. */
    private final int split;
    /** The lines the split read, a file's header among them. */
    private final long lines;
    /** Whether the split begins with a file's header row. */
    private final boolean fileStart;

    /** A kept problem, its row still a row key ({@link RowProblem} is not serialisable). */
    record Kept(long key, String field, String problem) implements Serializable {}

    private PartialTotals(
            List<BenefitTotals> benefits,
            long rows,
            long badRows,
            long problemCount,
            List<RowProblem> problems,
            List<String> versions,
            Map<Integer, Long> rowsByPartition,
            int split,
            long lines,
            boolean fileStart) {
        int n = benefits.size();
        codes = new String[n];
        counts = new long[n][];
        sums = new BigDecimal[n][];
        for (int i = 0; i < n; i++) {
            BenefitTotals b = benefits.get(i);
            codes[i] = b.code();
            counts[i] = new long[] {b.eligible(), b.notEligible(), b.needsInfo()};
            sums[i] = new BigDecimal[] {b.cash(), b.cashMin(), b.cashMax(), b.value()};
        }
        this.rows = rows;
        this.badRows = badRows;
        this.problemCount = problemCount;
        this.problems = problems.stream()
                .map(p -> new Kept(p.row(), p.field(), p.problem()))
                .toList();
        this.versions = List.copyOf(versions);
        this.rowsByPartition = rowsByPartition;
        this.split = split;
        this.lines = lines;
        this.fileStart = fileStart;
    }

    /**
     * The report of population's own run over one split of a register file: its rows numbered as the split's text
     * numbers its lines (the header row given first is line 1).
     *
     * @param split     the split's index, in file order
     * @param lines     the lines the split read, a file's header row among them
     * @param fileStart whether the split begins with a file's header row
     */
    static PartialTotals ofSplit(PopulationReport report, int split, long lines, boolean fileStart) {
        return new PartialTotals(
                report.benefits(),
                report.rows(),
                report.badRows(),
                report.problemCount(),
                report.problems(),
                report.assessed() == 0
                        ? List.of()
                        : List.of(report.ruleSetVersion().split(", ")),
                null,
                split,
                lines,
                fileStart);
    }

    /** A split that read fewer rows than it had non-empty lines: a quoted cell spans lines (or a quote is open). */
    static PartialTotals spanningLines() {
        return new PartialTotals(List.of(), -1, 0, 0, List.of(), List.of(), null, -1, 0, false);
    }

    /** Whether this is {@link #spanningLines()}. */
    boolean spansLines() {
        return rows < 0;
    }

    /** Counts the rows of one task. Not thread-safe. */
    static final class Counter {
        private final PopulationTotals totals;
        private final Map<Integer, Long> rowsByPartition = new HashMap<>();
        private int partition = -1;
        private long run;

        Counter(Region region, LocalDate asOf, int maxProblems) {
            totals = new PopulationTotals(region, asOf, maxProblems);
        }

        /** Counts one row's outcome, its problems (if bad) numbered by its key. */
        void add(RowReader.Outcome o) {
            int p = (int) (o.key() >>> PARTITION_SHIFT);
            if (p != partition) {
                flush();
                partition = p;
            }
            run++;
            if (o.ok()) {
                totals.add(o.assessment());
            } else {
                totals.addBadRow(o.problems());
            }
        }

        private void flush() {
            if (run > 0) {
                rowsByPartition.merge(partition, run, Long::sum);
            }
            run = 0;
        }

        /** The task's totals, to send. */
        PartialTotals done() {
            flush();
            return new PartialTotals(
                    totals.benefits(),
                    totals.rows(),
                    totals.badRows(),
                    totals.problemCount(),
                    totals.problems(),
                    totals.ruleSetVersions(),
                    rowsByPartition,
                    -1,
                    0,
                    false);
        }
    }

    /**
     * The report {@code population} makes of the register these partials cover together: the benefits in catalogue
     * order with the quota and budget in force on {@code asOf}, the problems of the smallest rows, numbered.
     *
     * @throws IllegalStateException when a partial's benefit catalogue is not the region's
     */
    static PopulationReport report(
            List<PartialTotals> parts, Region region, LocalDate asOf, int maxProblems, Duration elapsed, int threads) {
        // zero figures beside the quota and budget in force on the date, as population's totals give them
        List<BenefitTotals> benefits = new ArrayList<>(new PopulationTotals(region, asOf, maxProblems).benefits());
        long rows = 0;
        long badRows = 0;
        long problemCount = 0;
        LinkedHashSet<String> versions = new LinkedHashSet<>();
        Map<Integer, Long> rowsByPartition = new TreeMap<>();
        List<Kept> kept = new ArrayList<>();
        for (PartialTotals part : parts) {
            if (part.codes.length != benefits.size()) {
                throw new IllegalStateException("an executor's benefit catalogue for " + region.id()
                        + " is not the driver's: " + String.join(", ", part.codes));
            }
            for (int i = 0; i < benefits.size(); i++) {
                BenefitTotals b = benefits.get(i);
                if (!b.code().equals(part.codes[i])) {
                    throw new IllegalStateException("an executor's benefit catalogue for " + region.id()
                            + " is not the driver's: " + String.join(", ", part.codes));
                }
                long[] c = part.counts[i];
                BigDecimal[] s = part.sums[i];
                benefits.set(
                        i,
                        b.merge(new BenefitTotals(
                                b.benefit(), c[0], c[1], c[2], s[0], s[1], s[2], s[3], b.quota(), b.budget())));
            }
            rows += part.rows;
            badRows += part.badRows;
            problemCount += part.problemCount;
            versions.addAll(part.versions);
            if (part.rowsByPartition != null) {
                part.rowsByPartition.forEach((p, n) -> rowsByPartition.merge(p, n, Long::sum));
            }
            kept.addAll(part.problems);
        }
        List<RowProblem> problems = new ArrayList<>(kept.size());
        if (parts.stream().allMatch(p -> p.rowsByPartition != null)) {
            // row keys: the rows of the reading partitions before, the row's index in its own, and the header
            Map<Integer, Long> before = new HashMap<>();
            long sum = 0;
            for (Map.Entry<Integer, Long> e : rowsByPartition.entrySet()) {
                before.put(e.getKey(), sum);
                sum += e.getValue();
            }
            for (Kept k : kept) {
                long row = before.getOrDefault((int) (k.key() >>> PARTITION_SHIFT), 0L) + (k.key() & INDEX_MASK) + 2;
                problems.add(new RowProblem(row, k.field(), k.problem()));
            }
        } else {
            // lines of splits: the lines of the splits before, less the header row each split was given first (a
            // split that begins with the file's own header row read it as that line)
            List<PartialTotals> inOrder = new ArrayList<>(parts);
            inOrder.sort(java.util.Comparator.comparingInt(p -> p.split));
            long linesBefore = 0;
            for (PartialTotals part : inOrder) {
                long shift = linesBefore - (part.fileStart ? 0 : 1);
                for (Kept k : part.problems) {
                    problems.add(new RowProblem(k.key() + shift, k.field(), k.problem()));
                }
                linesBefore += part.lines;
            }
        }
        problems.sort(null);
        return new PopulationReport(
                region.id(),
                asOf,
                versions.isEmpty() ? region.ruleSetVersion() : String.join(", ", versions),
                rows,
                badRows,
                benefits,
                problems.subList(0, Math.min(maxProblems, problems.size())),
                problemCount,
                elapsed,
                threads,
                0);
    }
}
