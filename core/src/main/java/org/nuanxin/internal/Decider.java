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
        List<Finding>[] byBenefit = new List[benefits.size()];
        for (Finding f : verdict.findings()) {
            for (int i : f.rule().benefitIndexes()) {
                if (byBenefit[i] == null) {
                    byBenefit[i] = new ArrayList<>(8);
                }
                byBenefit[i].add(f);
            }
        }
        List<Decision> decisions = new ArrayList<>(benefits.size());
        for (int i = 0; i < benefits.size(); i++) {
            decisions.add(decide(benefits.get(i), byBenefit[i] == null ? List.of() : byBenefit[i], asOf));
        }
        return decisions;
    }

    private static Decision decide(Benefit benefit, List<Finding> unordered, LocalDate asOf) {
        List<Finding> findings = unordered;
        if (!inRuleOrder(findings)) {          // the rule files' order, not the engine's firing order
            findings = new ArrayList<>(unordered);
            findings.sort(java.util.Comparator.comparingInt(f -> f.rule().order()));
        }
        Truth worker = Truth.TRUE;
        Map<Object, Truth> subjects = null;
        boolean anyCheck = false;
        for (Finding f : findings) {
            if (f.truth() == null) {
                continue;
            }
            anyCheck = true;
            if (f.subject() == null) {
                worker = worker.and(f.truth());
            } else {
                if (subjects == null) {
                    subjects = new IdentityHashMap<>();
                }
                subjects.merge(f.subject(), f.truth(), Truth::and);
            }
        }
        if (!anyCheck) {
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
        if (status == Status.ELIGIBLE) {
            for (Finding f : findings) {
                if (f.truth() != null || !counts(f, subjects)) {
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
        List<Finding> ordered = findings;
        Map<Object, Truth> bySubject = subjects;
        Truth anyEvent = events;
        return new Decision(benefit, status, cash, rangeMin, rangeMax, inKind, List.copyOf(overall.missing()),
                new LazyList<>(() -> reasons(ordered, status, bySubject, anyEvent, asOf)));
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
        List<Reason> reasons = new ArrayList<>(findings.size());
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
