package org.nuanxin.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Parameter;
import org.nuanxin.Region;
import org.nuanxin.model.Money;
import org.nuanxin.population.BenefitTotals;
import org.nuanxin.population.PopulationReport;
import org.nuanxin.population.RowProblem;

/**
 * The totals of some rows of a register, per benefit as {@code population} counts them (statuses, cash, range ends,
 * in-kind value, exact), with the bad rows and the problems of the smallest rows: one per partition, sent to the
 * driver and merged there. Two partial totals merge into the totals of both, so the order partitions finish in does
 * not matter.
 *
 * <p>Rows are known by their key ({@code monotonically_increasing_id}: the partition the row was read in, shifted
 * left 33 bits, plus its index there); each partial counts the rows it saw per reading partition, so the driver can
 * number every row as {@code population} numbers a CSV file's lines: the rows before it plus 2 (the header is row 1).
 *
 * <p>This stands in for population's own mergeable totals until they are public; {@link #report} builds the same
 * {@link PopulationReport} population builds, quota and budget as in force on the date.
 */
final class PartialTotals implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Bits of a row key below the partition number ({@code monotonically_increasing_id}'s layout). */
    static final int PARTITION_SHIFT = 33;

    private static final long INDEX_MASK = (1L << PARTITION_SHIFT) - 1;
    /** Distinct assessments counted before they are added up: the engine hands out the same one for equal facts. */
    private static final int PENDING = 4096;

    private final String[] codes;
    private final int maxProblems;
    private final long[] eligible;
    private final long[] notEligible;
    private final long[] needsInfo;
    private final BigDecimal[] cash;
    private final BigDecimal[] cashMin;
    private final BigDecimal[] cashMax;
    private final BigDecimal[] value;
    private long rows;
    private long badRows;
    private long problemCount;
    private final LinkedHashSet<String> versions = new LinkedHashSet<>(2);
    /** Rows seen per reading partition. */
    private final HashMap<Integer, Long> rowsByPartition = new HashMap<>();
    /** The kept problems, by row key: a max-heap, so that the smallest keys stay. */
    private final PriorityQueue<Kept> problems = new PriorityQueue<>(Collections.reverseOrder());

    private transient IdentityHashMap<Assessment, long[]> pending;
    private transient int runPartition = -1;
    private transient long runRows;

    /** A kept problem by row key (a {@link RowProblem} is not serialisable). */
    record Kept(long key, String field, String problem) implements Serializable, Comparable<Kept> {
        @Override
        public int compareTo(Kept o) {
            int c = Long.compare(key, o.key);
            return c != 0 ? c : field.compareTo(o.field);
        }
    }

    PartialTotals(List<Benefit> benefits, int maxProblems) {
        this.codes = benefits.stream().map(Benefit::code).toArray(String[]::new);
        this.maxProblems = maxProblems;
        int n = codes.length;
        eligible = new long[n];
        notEligible = new long[n];
        needsInfo = new long[n];
        cash = zeros(n);
        cashMin = zeros(n);
        cashMax = zeros(n);
        value = zeros(n);
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        Arrays.fill(a, Money.ZERO);
        return a;
    }

    /** Counts one row's outcome. */
    void add(RowReader.Outcome o, String version) {
        rows++;
        int partition = (int) (o.key() >>> PARTITION_SHIFT);
        if (partition != runPartition) {
            flushRun();
            runPartition = partition;
        }
        runRows++;
        if (!o.ok()) {
            badRows++;
            for (RowProblem p : o.problems()) {
                keep(new Kept(p.row(), p.field(), p.problem()));
            }
            return;
        }
        versions.add(version);
        if (!o.shared()) {
            add(o.assessment(), 1); // decided afresh for this row alone
            return;
        }
        if (pending == null) {
            pending = new IdentityHashMap<>();
        }
        long[] times = pending.get(o.assessment());
        if (times != null) {
            times[0]++;
            return;
        }
        if (pending.size() == PENDING) {
            fold();
        }
        pending.put(o.assessment(), new long[] {1});
    }

    private void flushRun() {
        if (runPartition >= 0 && runRows > 0) {
            rowsByPartition.merge(runPartition, runRows, Long::sum);
        }
        runRows = 0;
    }

    /** Adds the pending assessments up; call before sending or merging. */
    PartialTotals finish() {
        fold();
        flushRun();
        runPartition = -1;
        return this;
    }

    private void fold() {
        if (pending != null) {
            pending.forEach((a, times) -> add(a, times[0]));
            pending.clear();
        }
    }

    private void add(Assessment a, long count) {
        BigDecimal n = count == 1 ? null : BigDecimal.valueOf(count);
        List<Decision> decisions = a.decisions();
        for (int j = 0; j < decisions.size(); j++) {
            Decision d = decisions.get(j);
            int i = j < codes.length && codes[j].equals(d.code()) ? j : indexOf(d.code());
            switch (d.status()) {
                case ELIGIBLE -> eligible[i] += count;
                case NOT_ELIGIBLE -> notEligible[i] += count;
                case NEEDS_INFO -> needsInfo[i] += count;
            }
            if (d.amount() != null) {
                cash[i] = cash[i].add(times(d.amount(), n));
            }
            if (d.amountMin() != null) {
                cashMin[i] = cashMin[i].add(times(d.amountMin(), n));
            }
            if (d.amountMax() != null) {
                cashMax[i] = cashMax[i].add(times(d.amountMax(), n));
            }
            if (d.value() != null) {
                value[i] = value[i].add(times(d.value(), n));
            }
        }
    }

    private static BigDecimal times(BigDecimal amount, BigDecimal n) {
        return n == null ? amount : amount.multiply(n);
    }

    private int indexOf(String code) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i].equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("the assessment has a benefit " + code + " the region's catalogue does not");
    }

    private void keep(Kept p) {
        problemCount++;
        if (maxProblems == 0) {
            return;
        }
        if (problems.size() < maxProblems) {
            problems.add(p);
        } else if (p.compareTo(problems.peek()) < 0) {
            problems.poll();
            problems.add(p);
        }
    }

    /** Adds {@code other}'s rows to these; both must be {@linkplain #finish() finished}. */
    PartialTotals merge(PartialTotals other) {
        if (!Arrays.equals(codes, other.codes)) {
            throw new IllegalStateException("partial totals of two benefit catalogues: " + Arrays.toString(codes)
                    + " and " + Arrays.toString(other.codes));
        }
        for (int i = 0; i < codes.length; i++) {
            eligible[i] += other.eligible[i];
            notEligible[i] += other.notEligible[i];
            needsInfo[i] += other.needsInfo[i];
            cash[i] = cash[i].add(other.cash[i]);
            cashMin[i] = cashMin[i].add(other.cashMin[i]);
            cashMax[i] = cashMax[i].add(other.cashMax[i]);
            value[i] = value[i].add(other.value[i]);
        }
        rows += other.rows;
        badRows += other.badRows;
        versions.addAll(other.versions);
        other.rowsByPartition.forEach((p, n) -> rowsByPartition.merge(p, n, Long::sum));
        long count = problemCount;
        other.problems.forEach(this::keep);
        problemCount = count + other.problemCount;
        return this;
    }

    /**
     * The report {@code population} makes of these totals: the benefits in catalogue order with the quota and budget
     * in force on {@code asOf}, the problems numbered as rows of the register.
     */
    PopulationReport report(Region region, LocalDate asOf, Duration elapsed, int threads) {
        if (!Arrays.equals(codes, region.benefits().stream().map(Benefit::code).toArray())) {
            throw new IllegalStateException("the executors' benefit catalogue is not the driver's for " + region.id());
        }
        List<BenefitTotals> benefits = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            Benefit b = region.benefits().get(i);
            Parameter quota =
                    b.quotaKey().isEmpty() ? null : inForce(region.parameters().get(b.quotaKey()), asOf);
            Parameter budget =
                    b.budgetKey().isEmpty() ? null : inForce(region.parameters().get(b.budgetKey()), asOf);
            benefits.add(new BenefitTotals(
                    b,
                    eligible[i],
                    notEligible[i],
                    needsInfo[i],
                    cash[i],
                    cashMin[i],
                    cashMax[i],
                    value[i],
                    quota,
                    budget));
        }
        // the rows before each reading partition: row numbers as population gives a CSV file's (header = 1)
        Map<Integer, Long> before = new HashMap<>();
        long sum = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(rowsByPartition).entrySet()) {
            before.put(e.getKey(), sum);
            sum += e.getValue();
        }
        List<RowProblem> listed = new ArrayList<>(problems.size());
        for (Kept k : problems) {
            long row = before.getOrDefault((int) (k.key() >>> PARTITION_SHIFT), 0L) + (k.key() & INDEX_MASK) + 2;
            listed.add(new RowProblem(row, k.field(), k.problem()));
        }
        Collections.sort(listed);
        String version = versions.isEmpty() ? region.ruleSetVersion() : String.join(", ", versions);
        return new PopulationReport(
                region.id(), asOf, version, rows, badRows, benefits, listed, problemCount, elapsed, threads, 0);
    }

    /** {@code p} with only its value in force on {@code asOf}, as population reports a quota or budget. */
    private static Parameter inForce(Parameter p, LocalDate asOf) {
        if (p == null || !p.changesOverTime()) {
            return p;
        }
        NavigableMap<LocalDate, Parameter.Dated> one = new TreeMap<>();
        one.put(asOf, p.datedOn(asOf));
        return new Parameter(p.key(), p.type(), one, p.note(), p.usedBy());
    }
}
