package org.nuanxin.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Reason;
import org.nuanxin.Reason.Outcome;
import org.nuanxin.Status;
import org.nuanxin.rules.Truth;
import org.nuanxin.rules.Verdict;
import org.nuanxin.rules.Verdict.Finding;

/**
 * Turns the findings of one assessment into one decision per benefit. A benefit is decided by
 * {@code AND(worker-level criteria) AND OR over events(AND(that event's criteria))}, in three-valued
 * logic; the reasons are the findings that carried the result.
 */
final class Decider {

    private Decider() {
    }

    @SuppressWarnings("unchecked")
    static List<Decision> decide(List<Benefit> benefits, Verdict verdict, LocalDate asOf) {
        int n = benefits.size();
        Truth[] worker = new Truth[n];                   // null: no criterion yet
        Map<Object, Truth>[] subjects = new Map[n];
        boolean[] amounts = new boolean[n];
        List<Finding> all = verdict.findings();
        for (Finding f : all) {                          // one pass; AND and OR do not depend on order
            if (f.truth() == null) {
                for (int i : f.rule().benefitIndexes()) {
                    amounts[i] = true;
                }
                continue;
            }
            for (int i : f.rule().benefitIndexes()) {
                if (f.subject() == null) {
                    worker[i] = worker[i] == null ? f.truth() : worker[i].and(f.truth());
                } else {
                    if (worker[i] == null) {
                        worker[i] = Truth.TRUE;
                    }
                    if (subjects[i] == null) {
                        subjects[i] = new IdentityHashMap<>(4);
                    }
                    subjects[i].merge(f.subject(), f.truth(), Truth::and);
                }
            }
        }
        List<Finding> ordered = inRuleOrder(all) ? all : sorted(all);
        ByBenefit byBenefit = new ByBenefit(ordered, n);
        Decision[] decisions = new Decision[n];
        for (int i = 0; i < n; i++) {
            decisions[i] = decide(i, benefits.get(i), worker[i], subjects[i], amounts[i], byBenefit, asOf);
        }
        return java.util.Arrays.asList(decisions);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort(java.util.Comparator.comparingInt(f -> f.rule().order()));   // stable: events keep their order
        return copy;
    }

    private static boolean about(Finding f, int benefit) {
        for (int i : f.rule().benefitIndexes()) {
            if (i == benefit) {
                return true;
            }
        }
        return false;
    }

    /**
     * One benefit's decision from its criteria: {@code worker} (the AND of the worker-level ones, or
     * {@code null} when no rule judged the benefit) and {@code subjects} (each event's AND).
     */
    private static Decision decide(int index, Benefit benefit, Truth worker, Map<Object, Truth> subjects,
                                   boolean anyAmount, ByBenefit byBenefit, LocalDate asOf) {
        List<Finding> findings = byBenefit.ordered;
        if (worker == null) {
            Reason none = new Reason("(none)", Outcome.NOT_MET, benefit.source(), benefit.clause(),
                    "本地区规则未对该项权益作出判断。", "No rule of this region decided this benefit.", List.of());
            return new Decision(benefit, Status.NOT_ELIGIBLE, null, null, null, null, List.of(), List.of(none));
        }
        Truth events = Truth.TRUE;
        if (subjects != null) {
            events = Truth.FALSE;
            for (Truth t : subjects.values()) {
                events = events.or(t);
            }
        }
        Truth overall = worker.and(events);
        Status status = overall.isTrue() ? Status.ELIGIBLE : overall.isFalse() ? Status.NOT_ELIGIBLE : Status.NEEDS_INFO;

        BigDecimal cash = null;
        BigDecimal rangeMin = null;
        BigDecimal rangeMax = null;
        BigDecimal inKind = null;
        if (status == Status.ELIGIBLE && anyAmount) {
            for (Finding f : findings) {
                if (f.truth() != null || !about(f, index) || !counts(f, subjects)) {
                    continue;
                }
                if (f.inKind()) {
                    inKind = inKind == null ? f.amount() : inKind.max(f.amount());
                } else if (f.upTo() != null) {
                    rangeMin = rangeMin == null ? f.amount() : rangeMin.min(f.amount());
                    rangeMax = rangeMax == null ? f.upTo() : rangeMax.max(f.upTo());
                } else if (cash == null) {
                    cash = f.amount();
                } else {
                    cash = benefit.payment() == Benefit.Payment.PER_EVENT ? cash.add(f.amount()) : cash.max(f.amount());
                }
            }
        }
        if (cash != null) {
            rangeMin = null;            // a settled amount (a configured schedule) wins over a range
            rangeMax = null;
        }
        Truth anyEvent = events;
        return new Decision(benefit, status, cash, rangeMin, rangeMax, inKind,
                overall.missingList(),
                new LazyList<>(() -> reasons(byBenefit.of(index), status, subjects, anyEvent, asOf)));
    }

    /** Whether an amount finding is paid: the benefit is due and, for an event's amount, that event qualifies. */
    private static boolean counts(Finding f, Map<Object, Truth> subjects) {
        return f.subject() == null || subjects == null || subjects.getOrDefault(f.subject(), Truth.TRUE).isTrue();
    }

    /**
     * The findings that carried the decision, in rule order: for an eligible benefit every criterion
     * met and every amount paid; for one not eligible the criteria not met (of the worker, or of every
     * event when no event qualifies); for one that needs information the unknown criteria.
     */
    private static List<Reason> reasons(List<Finding> findings, Status status, Map<Object, Truth> subjects,
                                        Truth events, LocalDate asOf) {
        List<Reason> reasons = new ArrayList<>();
        for (Finding f : findings) {
            Truth subjectTruth = f.subject() == null || subjects == null ? null
                    : subjects.getOrDefault(f.subject(), Truth.TRUE);
            if (f.truth() == null) {
                if (status == Status.ELIGIBLE && counts(f, subjects)) {
                    String amount = f.upTo() == null ? f.amount().toPlainString()
                            : f.amount().toPlainString() + "–" + f.upTo().toPlainString();
                    add(reasons, f.rule().amountReason(amount, asOf));
                }
                continue;
            }
            boolean relevant = switch (status) {
                case ELIGIBLE -> f.truth().isTrue() && (subjectTruth == null || subjectTruth.isTrue());
                case NOT_ELIGIBLE -> f.truth().isFalse() && (f.subject() == null || events.isFalse());
                case NEEDS_INFO -> f.truth().isUnknown() && (f.subject() == null || subjectTruth.isUnknown());
            };
            if (relevant) {
                add(reasons, f.rule().reason(f.truth(), asOf));
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
        private List<Finding>[] split;

        ByBenefit(List<Finding> ordered, int benefits) {
            this.ordered = ordered;
            this.benefits = benefits;
        }

        @SuppressWarnings("unchecked")
        synchronized List<Finding> of(int benefit) {
            if (split == null) {
                List<Finding>[] lists = new List[benefits];
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
