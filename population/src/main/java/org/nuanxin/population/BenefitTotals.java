package org.nuanxin.population;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nuanxin.Benefit;
import org.nuanxin.Parameter;

/**
 * One benefit's figures over a member register: how many workers are eligible, not eligible or need
 * information, what the eligible ones are paid and given, and, beside them, the benefit's quota and
 * budget as the region's parameters state them.
 *
 * @param benefit     the catalogue entry
 * @param eligible    workers ELIGIBLE
 * @param notEligible workers NOT_ELIGIBLE
 * @param needsInfo   workers NEEDS_INFO
 * @param cash        sum of the settled cash amounts ({@link org.nuanxin.Decision#amount()}), CNY
 * @param cashMin     sum of the lower ends of range decisions ({@link org.nuanxin.Decision#amountMin()})
 * @param cashMax     sum of the upper ends of range decisions ({@link org.nuanxin.Decision#amountMax()})
 * @param value       sum of the in-kind values ({@link org.nuanxin.Decision#value()})
 * @param quota       the parameter the benefit names as its quota ({@link Benefit#quotaKey()}), or {@code null}
 * @param budget      the parameter the benefit names as its budget ({@link Benefit#budgetKey()}), or {@code null}
 */
public record BenefitTotals(
        Benefit benefit,
        long eligible,
        long notEligible,
        long needsInfo,
        BigDecimal cash,
        BigDecimal cashMin,
        BigDecimal cashMax,
        BigDecimal value,
        Parameter quota,
        Parameter budget) {

    /** Flag: more workers are eligible than the quota has places. */
    public static final String QUOTA_EXCEEDED = "QUOTA EXCEEDED";
    /** Flag: cash and in-kind value (the low end of any range) exceed the budget. */
    public static final String BUDGET_EXCEEDED = "BUDGET EXCEEDED";
    /** Flag: only the high end of a range exceeds the budget. */
    public static final String BUDGET_MAY_BE_EXCEEDED = "BUDGET MAY BE EXCEEDED";

    public BenefitTotals {
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(cashMin, "cashMin");
        Objects.requireNonNull(cashMax, "cashMax");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The figures of two parts of a register together: counts and sums added (exactly), beside the same quota and
     * budget; the flags are worked out from the sums, so two parts each within a quota can exceed it together.
     * Associative and commutative.
     *
     * @throws IllegalArgumentException for another benefit, or another quota or budget
     */
    public BenefitTotals merge(BenefitTotals other) {
        if (!code().equals(other.code())) {
            throw new IllegalArgumentException("the totals of " + other.code() + " cannot be merged into " + code());
        }
        if (!Objects.equals(quota, other.quota) || !Objects.equals(budget, other.budget)) {
            throw new IllegalArgumentException(
                    "the totals of " + code() + " stand beside another quota or budget and cannot be merged");
        }
        return new BenefitTotals(
                benefit,
                eligible + other.eligible,
                notEligible + other.notEligible,
                needsInfo + other.needsInfo,
                cash.add(other.cash),
                cashMin.add(other.cashMin),
                cashMax.add(other.cashMax),
                value.add(other.value),
                quota,
                budget);
    }

    /** The benefit code. */
    public String code() {
        return benefit.code();
    }

    /** Workers assessed for it (every assessed row). */
    public long assessed() {
        return eligible + notEligible + needsInfo;
    }

    /** The quota in places, or {@code null} when the benefit names none. */
    public Integer quotaPlaces() {
        return quota == null ? null : (Integer) quota.value();
    }

    /** The budget in CNY, or {@code null} when the benefit names none. */
    public BigDecimal budgetAmount() {
        return budget == null ? null : (BigDecimal) budget.value();
    }

    /** Whether some eligible decision gave only a range of cash. */
    public boolean hasRange() {
        return cashMax.signum() > 0 || cashMin.signum() > 0;
    }

    /** Cash payable at the least: settled amounts plus the low ends of the ranges. */
    public BigDecimal cashLow() {
        return cash.add(cashMin);
    }

    /** Cash payable at the most: settled amounts plus the high ends of the ranges. */
    public BigDecimal cashHigh() {
        return cash.add(cashMax);
    }

    /** ELIGIBLE &gt; quota. */
    public boolean quotaExceeded() {
        Integer q = quotaPlaces();
        return q != null && eligible > q;
    }

    /** Cash (low end) plus in-kind value &gt; budget. */
    public boolean budgetExceeded() {
        BigDecimal b = budgetAmount();
        return b != null && cashLow().add(value).compareTo(b) > 0;
    }

    /** Not {@linkplain #budgetExceeded() exceeded}, but the high end of the ranges plus in-kind value is over the budget. */
    public boolean budgetMayBeExceeded() {
        BigDecimal b = budgetAmount();
        return b != null && !budgetExceeded() && cashHigh().add(value).compareTo(b) > 0;
    }

    /** The flags that apply, in order: quota exceeded, budget exceeded or budget may be exceeded. */
    public List<String> flags() {
        List<String> flags = new ArrayList<>(2);
        if (quotaExceeded()) {
            flags.add(QUOTA_EXCEEDED);
        }
        if (budgetExceeded()) {
            flags.add(BUDGET_EXCEEDED);
        } else if (budgetMayBeExceeded()) {
            flags.add(BUDGET_MAY_BE_EXCEEDED);
        }
        return flags;
    }

    /** {@code XIAN_FREE_HEALTH_CHECK: 812 eligible, 90 not, 98 need info; value 154280.00; quota 10000}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(code())
                .append(": ")
                .append(eligible)
                .append(" eligible, ")
                .append(notEligible)
                .append(" not, ")
                .append(needsInfo)
                .append(" need info");
        if (cash.signum() != 0 || hasRange()) {
            s.append("; cash ")
                    .append(
                            hasRange()
                                    ? cashLow().toPlainString() + ".."
                                            + cashHigh().toPlainString()
                                    : cash.toPlainString());
        }
        if (value.signum() != 0) {
            s.append("; value ").append(value.toPlainString());
        }
        if (quota != null) {
            s.append("; quota ").append(quotaPlaces());
        }
        if (budget != null) {
            s.append("; budget ").append(budgetAmount().toPlainString());
        }
        flags().forEach(f -> s.append("; ").append(f));
        return s.toString();
    }
}
