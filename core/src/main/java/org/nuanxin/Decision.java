package org.nuanxin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The decision on one benefit for one worker.
 *
 * @param benefit  the catalogue entry decided
 * @param status   ELIGIBLE, NOT_ELIGIBLE or NEEDS_INFO
 * @param amount   cash payable in CNY (scale 2) when eligible for a cash benefit; {@code null}
 *                 otherwise, and for a referral whose amount another measure sets
 * @param amountMin lowest cash payable when the source gives only a range and no schedule is configured
 *                 (then {@code amount} is {@code null}); {@code null} otherwise
 * @param amountMax highest cash payable in that case; {@code null} otherwise
 * @param value    in-kind value in CNY (scale 2) when eligible for an in-kind benefit of stated value
 * @param missing  fields that would settle a NEEDS_INFO decision, sorted; empty otherwise
 * @param reasons  the findings that decided, each with its rule and citation; immutable. The engine's
 *                 decisions assemble this list on first access, so a host that reads only statuses
 *                 and amounts does not pay for the sentences: a list that is a {@link Deferred} is kept
 *                 as it is, any other list is copied
 */
public record Decision(
        Benefit benefit,
        Status status,
        BigDecimal amount,
        BigDecimal amountMin,
        BigDecimal amountMax,
        BigDecimal value,
        List<String> missing,
        List<Reason> reasons) {

    public Decision {
        Objects.requireNonNull(benefit, "benefit");
        Objects.requireNonNull(status, "status");
        missing = List.copyOf(missing);
        reasons = reasons instanceof Deferred ? reasons : List.copyOf(reasons); // the engine's: made on first use
    }

    /**
     * A list of reasons made on first access, which a decision keeps rather than copies (a copy would
     * make it at once). Whoever implements it promises what {@link #reasons()} promises: the list is
     * immutable and, once made, always the same. The engine's decisions carry one.
     */
    public interface Deferred {}

    /** The benefit code. */
    public String code() {
        return benefit.code();
    }

    /** {@code XIAN_HOMECOMING_TICKET_SUBSIDY: ELIGIBLE amount=200.00}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(benefit.code()).append(": ").append(status);
        if (amount != null) {
            s.append(" amount=").append(amount.toPlainString());
        }
        if (amountMin != null) {
            s.append(" amount=").append(amountMin.toPlainString()).append("..").append(amountMax.toPlainString());
        }
        if (value != null) {
            s.append(" value=").append(value.toPlainString());
        }
        if (!missing.isEmpty()) {
            s.append(" missing=").append(missing);
        }
        return s.toString();
    }
}
