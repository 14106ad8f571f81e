package org.nuanxin.population;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Parameter;
import org.nuanxin.Region;
import org.nuanxin.model.Money;

/**
 * The running totals of a population run over (part of) a member register: per benefit the counts by status and
 * the exact sums of cash (settled, and the low and high ends of ranges) and in-kind value; the rows read and the
 * bad ones; the problems of the bad rows with the smallest row numbers (at most {@code maxProblems}) and the count
 * of all; the rule-set versions that decided.
 *
 * <p>Totals are mergeable: {@link #merge} adds another part's totals to these, so that the totals of two parts are
 * the totals of both, whichever way the parts are cut and grouped (merging is associative and commutative; the
 * sums are exact). The quota and budget beside each benefit, and the flags that compare with them (QUOTA EXCEEDED,
 * BUDGET EXCEEDED), are worked out from the merged figures when {@link #benefits()} is asked for, never from a
 * part's. {@link Population#run} keeps one per range of the file it reads and merges them at the end; any other
 * engine that assesses the rows of a register in parts can do the same.
 *
 * <p>Not thread-safe: one per thread (or part), merged once the parts are done.
 */
public final class PopulationTotals {

    private final Region region;
    private final LocalDate asOf;
    private final int maxProblems;
    private final List<Benefit> benefits;
    private final long[] eligible;
    private final long[] notEligible;
    private final long[] needsInfo;
    private final BigDecimal[] cash;
    private final BigDecimal[] cashMin;
    private final BigDecimal[] cashMax;
    private final BigDecimal[] value;
    /** The kept problems: a max-heap by row, so the smallest rows stay. */
    private final PriorityQueue<RowProblem> problems = new PriorityQueue<>(Collections.reverseOrder());

    private long problemCount;
    private long badRows;
    private long rows;
    /**
     * Assessments counted but not yet added up: an identity hash table, at most half full, made on the first
     * {@link #add} and let go by {@link #fold}. Only assessments another row may share go in (rows with events or
     * claims are always decided afresh, {@link #addOnce}); it stays small because, with the engine's cache off,
     * what it holds is garbage kept alive until the next fold.
     */
    private Assessment[] seen;

    private long[] times;
    private int distinct;
    private final Set<String> versions = new LinkedHashSet<>(2);
    /** The rule-set version last added to {@link #versions}: a reload is rare, a set lookup per row is not. */
    private String lastVersion;

    private static final int SEEN = 1 << 12;

    /**
     * Empty totals.
     *
     * @param region      the region whose assessments are added (its benefit catalogue, quotas and budgets)
     * @param asOf        the assessment date: the quota and budget shown are those in force on it
     * @param maxProblems the bad rows' problems kept (those of the smallest row numbers); the rest are counted
     */
    public PopulationTotals(Region region, LocalDate asOf, int maxProblems) {
        this.region = Objects.requireNonNull(region, "region");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        if (maxProblems < 0) {
            throw new IllegalArgumentException("max problems must not be negative");
        }
        this.maxProblems = maxProblems;
        this.benefits = region.benefits();
        int n = benefits.size();
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

    /**
     * Counts one row's assessment. The engine hands out the same assessment for workers whose facts are equal, so
     * the distinct ones are counted here and added up, times their count, now and then: the sums are exact either
     * way, and this reads each decision once per distinct assessment, not per row.
     *
     * @throws IllegalStateException when the assessment has a benefit the region's catalogue does not
     */
    public void add(Assessment a) {
        rows++;
        if (seen == null) {
            seen = new Assessment[SEEN];
            times = new long[SEEN];
        }
        count(a);
    }

    private void count(Assessment a) {
        int mask = seen.length - 1;
        int h = System.identityHashCode(a);
        int i = (h ^ (h >>> 16)) & mask;
        Assessment k;
        while ((k = seen[i]) != null) {
            if (k == a) {
                times[i]++;
                return;
            }
            i = (i + 1) & mask;
        }
        if (distinct == seen.length / 2) {
            addUp();
            count(a);
            return;
        }
        seen[i] = a;
        times[i] = 1;
        distinct++;
    }

    /** Counts the assessment of a row that no other row can share (decided afresh for it): added up at once. */
    void addOnce(Assessment a) {
        rows++;
        add(a, 1);
    }

    /** Counts one row that could not be assessed, and keeps its problems if they are among the smallest rows. */
    public void addBadRow(List<RowProblem> rowProblems) {
        rows++;
        badRows++;
        for (RowProblem p : rowProblems) {
            keep(p);
        }
    }

    /** Adds the counted assessments up and lets them go (and the table that held them). */
    void fold() {
        if (seen != null) {
            addUp();
            seen = null;
            times = null;
        }
    }

    private void addUp() {
        for (int i = 0; i < seen.length; i++) {
            if (seen[i] != null) {
                add(seen[i], times[i]);
                seen[i] = null;
            }
        }
        distinct = 0;
    }

    private void add(Assessment a, long count) {
        List<Decision> decisions = a.decisions();
        if (a.ruleSetVersion() != lastVersion) {
            lastVersion = a.ruleSetVersion();
            versions.add(lastVersion);
        }
        BigDecimal n = count == 1 ? null : BigDecimal.valueOf(count);
        for (int j = 0; j < decisions.size(); j++) {
            Decision d = decisions.get(j);
            int i = j < benefits.size() && benefits.get(j).code().equals(d.code()) ? j : indexOf(d.code());
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

    /** {@code amount × n} (exact, the scale of {@code amount}); {@code amount} when {@code n} is null (once). */
    private static BigDecimal times(BigDecimal amount, BigDecimal n) {
        return n == null ? amount : amount.multiply(n);
    }

    private int indexOf(String code) {
        for (int i = 0; i < benefits.size(); i++) {
            if (benefits.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("the assessment has a benefit " + code + " the region's catalogue does not");
    }

    private void keep(RowProblem p) {
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

    /**
     * Adds another part's totals to these: counts, sums, rows and problems add up (the problems of the smallest rows
     * of both are kept, at most this one's {@code maxProblems}), the rule-set versions join. {@code other} is left
     * as it was, as far as its figures go.
     *
     * @return these totals
     * @throws IllegalArgumentException for totals of another region, date or benefit catalogue, or these themselves
     */
    public PopulationTotals merge(PopulationTotals other) {
        return merge(other, 0);
    }

    /**
     * {@link #merge(PopulationTotals)}, with {@code other}'s row numbers {@code shift} further on: the totals of a
     * part of a file whose rows were numbered from the part's first line.
     */
    PopulationTotals merge(PopulationTotals other, long shift) {
        Objects.requireNonNull(other, "other");
        if (other == this) {
            throw new IllegalArgumentException("totals cannot be merged with themselves");
        }
        if (!region.id().equals(other.region.id()) || !asOf.equals(other.asOf)) {
            throw new IllegalArgumentException("totals of " + other.region.id() + " as of " + other.asOf
                    + " cannot be merged into those of " + region.id() + " as of " + asOf);
        }
        if (!codes(benefits).equals(codes(other.benefits))) {
            throw new IllegalArgumentException("totals of another benefit catalogue cannot be merged: "
                    + codes(other.benefits) + ", not " + codes(benefits));
        }
        fold();
        other.fold();
        for (int i = 0; i < eligible.length; i++) {
            eligible[i] += other.eligible[i];
            notEligible[i] += other.notEligible[i];
            needsInfo[i] += other.needsInfo[i];
            cash[i] = cash[i].add(other.cash[i]);
            cashMin[i] = cashMin[i].add(other.cashMin[i]);
            cashMax[i] = cashMax[i].add(other.cashMax[i]);
            value[i] = value[i].add(other.value[i]);
        }
        badRows += other.badRows;
        rows += other.rows;
        versions.addAll(other.versions);
        long kept = problemCount;
        for (RowProblem p : other.problems) {
            keep(shift == 0 ? p : new RowProblem(p.row() + shift, p.field(), p.problem()));
        }
        problemCount = kept + other.problemCount;
        return this;
    }

    private static List<String> codes(List<Benefit> benefits) {
        return benefits.stream().map(Benefit::code).toList();
    }

    /** The region's id. */
    public String region() {
        return region.id();
    }

    /** The assessment date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Rows counted, good and bad. */
    public long rows() {
        return rows;
    }

    /** Rows not assessed because a cell (or the row) was bad. */
    public long badRows() {
        return badRows;
    }

    /** Every problem found, kept or not. */
    public long problemCount() {
        return problemCount;
    }

    /** The kept problems, those of the smallest rows, sorted by row and field. */
    public List<RowProblem> problems() {
        List<RowProblem> sorted = new ArrayList<>(problems);
        Collections.sort(sorted);
        return sorted;
    }

    /**
     * The rule-set versions that decided the rows, in the order first met (more than one when the region was
     * reloaded during the run); empty when no row was assessed.
     */
    public List<String> ruleSetVersions() {
        return List.copyOf(versions);
    }

    /**
     * One entry per benefit, in catalogue order: the figures so far, beside the quota and budget in force on the
     * assessment date; the flags are those of these figures.
     */
    public List<BenefitTotals> benefits() {
        fold();
        List<BenefitTotals> out = new ArrayList<>(benefits.size());
        for (int i = 0; i < benefits.size(); i++) {
            Benefit b = benefits.get(i);
            Parameter quota =
                    b.quotaKey().isEmpty() ? null : inForce(region.parameters().get(b.quotaKey()));
            Parameter budget =
                    b.budgetKey().isEmpty() ? null : inForce(region.parameters().get(b.budgetKey()));
            out.add(new BenefitTotals(
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
        return out;
    }

    /** {@code p} with only its value in force on the date: a quota or budget changed later is not this run's. */
    private Parameter inForce(Parameter p) {
        if (p == null || !p.changesOverTime()) {
            return p;
        }
        NavigableMap<LocalDate, Parameter.Dated> one = new TreeMap<>();
        one.put(asOf, p.datedOn(asOf));
        return new Parameter(p.key(), p.type(), one, p.note(), p.usedBy());
    }

    /** {@code xian as of 2026-03-10: 1000 rows, 3 bad}; no personal data. */
    @Override
    public String toString() {
        return region.id() + " as of " + asOf + ": " + rows + " rows, " + badRows + " bad";
    }
}
