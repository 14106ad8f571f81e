package org.nuanxin.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Reason;
import org.nuanxin.Reason.Outcome;
import org.nuanxin.Status;
import org.nuanxin.internal.Findings.Finding;
import org.nuanxin.model.Worker;
import org.nuanxin.rules.Truth;

/**
 * Turns the findings of one assessment into one decision per benefit. A benefit is decided by
 * {@code AND(worker-level criteria) AND OR over events(AND(that event's criteria))}, in three-valued
 * logic; the reasons are the findings that carried the result.
 */
final class Decider {

    private Decider() {}

    /**
     * The decisions on the benefits from the findings of one assessment, on {@code asOf}, of the worker
     * {@code assessed} (whose places a reason may name).
     */
    static List<Decision> decide(List<Benefit> benefits, Findings verdict, LocalDate asOf, Worker assessed) {
        int n = benefits.size();
        Truth[] worker = new Truth[n]; // null: no criterion yet
        Subjects subjects = new Subjects(n);
        List<Finding> all = verdict.findings();
        for (int k = 0, size = all.size(); k < size; k++) { // one pass; AND and OR do not depend on order
            Finding f = all.get(k);
            Truth t = f.truth();
            if (t == null) {
                continue; // an amount: added up below, once the statuses are known
            }
            Object subject = f.subject();
            for (int i : f.rule().benefitIndexes()) {
                if (subject == null) {
                    worker[i] = worker[i] == null ? t : worker[i].and(t);
                } else {
                    if (worker[i] == null) {
                        worker[i] = Truth.TRUE;
                    }
                    subjects.and(i, subject, t);
                }
            }
        }
        List<Finding> ordered = inRuleOrder(all) ? all : sorted(all);
        Truth[] overall = worker; // from here on: worker-level AND the events' OR
        for (int i = 0; i < n; i++) {
            if (worker[i] != null && subjects.has(i)) {
                overall[i] = worker[i].and(subjects.any(i));
            }
        }
        Amounts amounts = Amounts.of(benefits, ordered, overall, subjects);
        ByBenefit byBenefit = new ByBenefit(ordered, n, subjects, asOf, assessed);
        Decision[] decisions = new Decision[n];
        for (int i = 0; i < n; i++) {
            Benefit benefit = benefits.get(i);
            decisions[i] =
                    overall[i] == null ? undecided(benefit) : decision(i, benefit, overall[i], amounts, byBenefit);
        }
        return java.util.Arrays.asList(decisions);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort(java.util.Comparator.comparingInt(f -> f.rule().order())); // stable: events keep their order
        return copy;
    }

    /** The decision on a benefit no rule judged. */
    private static Decision undecided(Benefit benefit) {
        Reason none = new Reason(
                "(none)",
                Outcome.NOT_MET,
                benefit.source(),
                benefit.clause(),
                Sentences.undecided(true),
                Sentences.undecided(false),
                List.of());
        return new Decision(benefit, Status.NOT_ELIGIBLE, null, null, null, null, List.of(), List.of(none));
    }

    /**
     * One benefit's decision from {@code overall}, the AND of its worker-level criteria and of the OR
     * over events of each event's criteria.
     */
    private static Decision decision(int index, Benefit benefit, Truth overall, Amounts amounts, ByBenefit byBenefit) {
        Status status =
                overall.isTrue() ? Status.ELIGIBLE : overall.isFalse() ? Status.NOT_ELIGIBLE : Status.NEEDS_INFO;
        BigDecimal cash = amounts.cash(index);
        BigDecimal rangeMin = cash == null ? amounts.rangeMin(index) : null; // a settled amount (a configured
        BigDecimal rangeMax = cash == null ? amounts.rangeMax(index) : null; // schedule) wins over a range
        return new Decision(
                benefit,
                status,
                cash,
                rangeMin,
                rangeMax,
                amounts.inKind(index),
                overall.missingList(),
                new Reasons(byBenefit, index, status));
    }

    /**
     * The amounts of the benefits that are due, added up in one pass over the amount findings (in rule
     * order): per benefit the cash (summed per event for a per-event benefit, else the highest), the range
     * a source gives without a schedule (lowest low, highest high) and the in-kind value (the highest).
     * An event's amount counts only when that event qualifies.
     */
    private static final class Amounts {
        private static final Amounts NONE = new Amounts(0);
        /** Per benefit {@code i}: cash at {@code 4i}, range low and high at {@code 4i + 1, 4i + 2}, in kind at {@code 4i + 3}. */
        private final BigDecimal[] sums;

        private Amounts(int n) {
            sums = new BigDecimal[4 * n];
        }

        static Amounts of(List<Benefit> benefits, List<Finding> ordered, Truth[] overall, Subjects subjects) {
            Amounts a = NONE;
            for (int k = 0, size = ordered.size(); k < size; k++) {
                Finding f = ordered.get(k);
                if (f.truth() != null) {
                    continue;
                }
                for (int i : f.rule().benefitIndexes()) {
                    if (overall[i] == null || !overall[i].isTrue() || !subjects.qualifies(i, f.subject())) {
                        continue;
                    }
                    if (a == NONE) {
                        a = new Amounts(overall.length);
                    }
                    a.add(4 * i, f, benefits.get(i).payment() == Benefit.Payment.PER_EVENT);
                }
            }
            return a;
        }

        private void add(int at, Finding f, boolean perEvent) {
            BigDecimal[] s = sums;
            if (f.inKind()) {
                s[at + 3] = s[at + 3] == null ? f.amount() : s[at + 3].max(f.amount());
            } else if (f.upTo() != null) {
                s[at + 1] = s[at + 1] == null ? f.amount() : s[at + 1].min(f.amount());
                s[at + 2] = s[at + 2] == null ? f.upTo() : s[at + 2].max(f.upTo());
            } else if (s[at] == null) {
                s[at] = f.amount();
            } else {
                s[at] = perEvent ? s[at].add(f.amount()) : s[at].max(f.amount());
            }
        }

        private BigDecimal get(int i, int which) {
            int at = 4 * i + which;
            return at < sums.length ? sums[at] : null;
        }

        BigDecimal cash(int i) {
            return get(i, 0);
        }

        BigDecimal rangeMin(int i) {
            return get(i, 1);
        }

        BigDecimal rangeMax(int i) {
            return get(i, 2);
        }

        BigDecimal inKind(int i) {
            return get(i, 3);
        }
    }

    /**
     * Each benefit's criteria per event (the finding's subject), ANDed: a few events at most, so their
     * identities are kept in a small array and each benefit has a row of truths by event, made when the
     * benefit gets its first event criterion.
     */
    private static final class Subjects {
        private static final Object[] NO_KEYS = new Object[0];
        private Object[] keys = NO_KEYS;
        private int count;
        private final int benefits;
        private Truth[][] rows; // made with the first event criterion

        Subjects(int benefits) {
            this.benefits = benefits;
        }

        void and(int benefit, Object subject, Truth t) {
            int s = index(subject);
            if (s < 0) {
                if (count == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, Math.max(4, count * 2));
                }
                keys[count] = subject;
                s = count++;
            }
            if (rows == null) {
                rows = new Truth[benefits][];
            }
            Truth[] row = rows[benefit];
            if (row == null || row.length <= s) {
                row = row == null
                        ? new Truth[Math.max(4, s + 1)]
                        : java.util.Arrays.copyOf(row, Math.max(s + 1, row.length * 2));
                rows[benefit] = row;
            }
            row[s] = row[s] == null ? t : row[s].and(t);
        }

        /** Whether some event has a criterion of the benefit. */
        boolean has(int benefit) {
            return rows != null && rows[benefit] != null;
        }

        /** The OR over events of each event's criteria of the benefit; {@link Truth#TRUE} when it has none. */
        Truth any(int benefit) {
            Truth[] row = rows == null ? null : rows[benefit];
            if (row == null) {
                return Truth.TRUE;
            }
            Truth events = Truth.FALSE;
            for (Truth t : row) {
                if (t != null) {
                    events = events.or(t);
                }
            }
            return events;
        }

        /** The AND of the event's criteria of the benefit; {@link Truth#TRUE} when it has none. */
        Truth of(int benefit, Object subject) {
            Truth[] row = rows == null ? null : rows[benefit];
            int s = row == null ? -1 : index(subject);
            return s < 0 || s >= row.length || row[s] == null ? Truth.TRUE : row[s];
        }

        /** Whether an amount of the benefit is paid as far as its event goes: no event, or one that qualifies. */
        boolean qualifies(int benefit, Object subject) {
            return subject == null || of(benefit, subject).isTrue();
        }

        private int index(Object subject) {
            for (int i = 0; i < count; i++) {
                if (keys[i] == subject) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** A decision's reasons, assembled when first read. */
    private static final class Reasons extends LazyList<Reason> {
        private final ByBenefit findings;
        private final int benefit;
        private final Status status;

        Reasons(ByBenefit findings, int benefit, Status status) {
            this.findings = findings;
            this.benefit = benefit;
            this.status = status;
        }

        @Override
        List<Reason> make() {
            Subjects subjects = findings.subjects;
            return reasons(
                    findings.of(benefit),
                    status,
                    benefit,
                    subjects,
                    subjects.any(benefit),
                    findings.asOf,
                    findings.worker);
        }
    }

    /**
     * The findings that carried the decision, in rule order: for an eligible benefit every criterion
     * met and every amount paid; for one not eligible the criteria not met (of the worker, or of every
     * event when no event qualifies); for one that needs information the unknown criteria.
     */
    private static List<Reason> reasons(
            List<Finding> findings,
            Status status,
            int benefit,
            Subjects subjects,
            Truth events,
            LocalDate asOf,
            Worker worker) {
        List<Reason> reasons = new ArrayList<>();
        boolean anyEvent = subjects.has(benefit);
        for (Finding f : findings) {
            Truth subjectTruth = f.subject() == null || !anyEvent ? null : subjects.of(benefit, f.subject());
            if (f.truth() == null) {
                if (status == Status.ELIGIBLE && (!anyEvent || subjects.qualifies(benefit, f.subject()))) {
                    add(reasons, f.rule().amountReason(f.amount(), f.upTo(), asOf, worker));
                }
                continue;
            }
            boolean relevant = switch (status) {
                case ELIGIBLE -> f.truth().isTrue() && (subjectTruth == null || subjectTruth.isTrue());
                case NOT_ELIGIBLE -> f.truth().isFalse() && (f.subject() == null || events.isFalse());
                case NEEDS_INFO -> f.truth().isUnknown() && (f.subject() == null || subjectTruth.isUnknown());
            };
            if (relevant) {
                add(reasons, f.rule().reason(f.truth(), asOf, worker));
            }
        }
        return reasons;
    }

    /**
     * One assessment's findings in rule order and, made once when the first explanation is read,
     * each benefit's own: reading every reason then walks each finding once per benefit it is about,
     * not every finding once per benefit.
     */
    private static final class ByBenefit {
        final List<Finding> ordered;
        private final int benefits;
        /** What every reason is judged with: the findings' events, the date and the worker. */
        final Subjects subjects;

        final LocalDate asOf;
        final Worker worker;
        private List<Finding>[] split;

        ByBenefit(List<Finding> ordered, int benefits, Subjects subjects, LocalDate asOf, Worker worker) {
            this.ordered = ordered;
            this.benefits = benefits;
            this.subjects = subjects;
            this.asOf = asOf;
            this.worker = worker;
        }

        @SuppressWarnings("unchecked") // Java cannot create a List<Finding>[] without an unchecked cast
        synchronized List<Finding> of(int benefit) {
            if (split == null) {
                List<Finding>[] lists = (List<Finding>[]) new List<?>[benefits];
                for (int i = 0; i < benefits; i++) {
                    lists[i] = new ArrayList<>(8);
                }
                for (Finding f : ordered) {
                    for (int i : f.rule().benefitIndexes()) {
                        lists[i].add(f);
                    }
                }
                split = lists;
            }
            return split[benefit];
        }
    }

    /** Whether the findings come in rule order already (they do when the rules run directly). */
    private static boolean inRuleOrder(List<Finding> findings) {
        for (int i = 1; i < findings.size(); i++) {
            if (findings.get(i - 1).rule().order() > findings.get(i).rule().order()) {
                return false;
            }
        }
        return true;
    }

    /** Adds a reason once: the same rule firing for two events explains the decision once. */
    private static void add(List<Reason> reasons, Reason r) {
        for (Reason x : reasons) {
            if (x == r || x.equals(r)) {
                return;
            }
        }
        reasons.add(r);
    }
}
