package org.nuanxin.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static List<Decision> decide(List<Benefit> benefits, Verdict verdict, LocalDate asOf) {
        Map<String, List<Finding>> byBenefit = new LinkedHashMap<>();
        for (Finding f : verdict.findings()) {
            for (String code : f.rule().benefits()) {
                byBenefit.computeIfAbsent(code, c -> new ArrayList<>()).add(f);
            }
        }
        List<Decision> decisions = new ArrayList<>(benefits.size());
        for (Benefit b : benefits) {
            decisions.add(decide(b, byBenefit.getOrDefault(b.code(), List.of()), asOf));
        }
        return decisions;
    }

    private static Decision decide(Benefit benefit, List<Finding> findings, LocalDate asOf) {
        Truth worker = Truth.TRUE;
        Map<Object, Truth> subjects = new IdentityHashMap<>();
        boolean anyCheck = false;
        for (Finding f : findings) {
            if (f.truth() == null) {
                continue;
            }
            anyCheck = true;
            if (f.subject() == null) {
                worker = worker.and(f.truth());
            } else {
                subjects.merge(f.subject(), f.truth(), Truth::and);
            }
        }
        if (!anyCheck) {
            Reason none = new Reason("(none)", Outcome.NOT_MET, benefit.source(), benefit.clause(),
                    "本地区规则未对该项权益作出判断。", "No rule of this region decided this benefit.", List.of());
            return new Decision(benefit, Status.NOT_ELIGIBLE, null, null, null, null, List.of(), List.of(none));
        }
        Truth events = Truth.TRUE;
        if (!subjects.isEmpty()) {
            events = Truth.FALSE;
            for (Truth t : subjects.values()) {
                events = events.or(t);
            }
        }
        Truth overall = worker.and(events);
        Status status = overall.isTrue() ? Status.ELIGIBLE : overall.isFalse() ? Status.NOT_ELIGIBLE : Status.NEEDS_INFO;

        Set<Reason> reasons = new LinkedHashSet<>();
        BigDecimal cash = null;
        BigDecimal rangeMin = null;
        BigDecimal rangeMax = null;
        BigDecimal inKind = null;
        for (Finding f : findings) {
            Truth subjectTruth = f.subject() == null ? null : subjects.getOrDefault(f.subject(), Truth.TRUE);
            if (f.truth() == null) {
                boolean counts = status == Status.ELIGIBLE && (subjectTruth == null || subjectTruth.isTrue());
                if (!counts) {
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
                reasons.add(amountReason(f, asOf));
                continue;
            }
            boolean relevant = switch (status) {
                case ELIGIBLE -> f.truth().isTrue() && (subjectTruth == null || subjectTruth.isTrue());
                case NOT_ELIGIBLE -> f.truth().isFalse() && (f.subject() == null ? true : events.isFalse());
                case NEEDS_INFO -> f.truth().isUnknown() && (f.subject() == null || subjectTruth.isUnknown());
            };
            if (relevant) {
                reasons.add(checkReason(f, asOf));
            }
        }
        if (cash != null) {
            rangeMin = null;            // a settled amount (a configured schedule) wins over a range
            rangeMax = null;
        }
        return new Decision(benefit, status, cash, rangeMin, rangeMax, inKind, List.copyOf(overall.missing()),
                List.copyOf(reasons));
    }

    private static Reason checkReason(Finding f, LocalDate asOf) {
        RuleInfo r = f.rule();
        Truth t = f.truth();
        String zh;
        String en;
        Outcome outcome;
        if (t.isTrue()) {
            outcome = Outcome.MET;
            zh = "符合：" + r.zh();
            en = "Met: " + r.en();
        } else if (t.isFalse()) {
            outcome = Outcome.NOT_MET;
            zh = r.unmetZh().isEmpty() ? "不符合：" + r.zh() : r.unmetZh();
            en = r.unmetEn().isEmpty() ? "Not met: " + r.en() : r.unmetEn();
        } else {
            outcome = Outcome.UNKNOWN;
            String fields = String.join(", ", t.missing());
            zh = "需补充信息（" + fields + "）：" + r.zh();
            en = "Needs information (" + fields + "): " + r.en();
        }
        return new Reason(r.name(), outcome, r.source(), r.clause(), asOf(zh, asOf), asOf(en, asOf),
                List.copyOf(t.missing()));
    }

    private static Reason amountReason(Finding f, LocalDate asOf) {
        RuleInfo r = f.rule();
        String amount = f.upTo() == null ? f.amount().toPlainString()
                : f.amount().toPlainString() + "–" + f.upTo().toPlainString();
        return new Reason(r.name(), Outcome.AMOUNT, r.source(), r.clause(),
                asOf(r.zh() + "：" + amount + " 元", asOf), asOf(r.en() + ": " + amount + " CNY", asOf), List.of());
    }

    private static String asOf(String text, LocalDate asOf) {
        return text.replace("${as_of}", asOf.toString());
    }
}
