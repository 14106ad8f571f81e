package org.nuanxin.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.nuanxin.rules.Truth;
import org.nuanxin.rules.Verdict;

/**
 * The engine's {@link Verdict}: files each finding under the rule that is firing, for
 * {@link Decider}. One instance per assessment, used by one thread.
 */
public final class Findings extends Verdict {

    /**
     * One finding.
     *
     * @param rule    the rule that made it
     * @param subject the event it is about, or {@code null} for the worker
     * @param truth   a criterion's answer, or {@code null} for an amount
     * @param amount  cash payable, or an in-kind value, for amount findings (the lowest, for a range)
     * @param upTo    the highest cash payable when the amount is a range, else {@code null}
     * @param inKind  whether {@code amount} is an in-kind value
     */
    public record Finding(
            RuleInfo rule, Object subject, Truth truth, BigDecimal amount, BigDecimal upTo, boolean inKind) {}

    private final List<Finding> findings = new ArrayList<>(64); // a region's rules make about 60 per assessment
    private RuleInfo current;

    /** Called by the engine before each rule fires. */
    public void enter(RuleInfo rule) {
        current = rule;
    }

    @Override
    protected void add(Object subject, Truth truth, BigDecimal amount, BigDecimal upTo, boolean inKind) {
        if (current == null) {
            throw new IllegalStateException("verdict used outside a firing rule");
        }
        findings.add(new Finding(current, subject, truth, amount, upTo, inKind));
    }

    /** Everything found, in firing order. */
    public List<Finding> findings() {
        return findings;
    }

    @Override
    public String toString() {
        return "Findings[" + findings.size() + " finding(s)]";
    }
}
