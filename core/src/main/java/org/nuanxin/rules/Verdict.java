package org.nuanxin.rules;

import java.math.BigDecimal;
import java.util.Objects;
import org.nuanxin.model.Money;

/**
 * Collects what the rules of one assessment find, as the global {@code verdict}. A rule states its
 * criterion once with {@link #check(Truth)}; the engine knows which rule is firing and files the
 * finding under that rule's {@code @benefit} codes with its citation. Findings about one event are
 * filed with the event as subject: a benefit triggered by events is due when every worker-level
 * criterion holds and every criterion of at least one event holds.
 *
 * <p>The engine supplies the implementation (one instance per assessment, used by one thread): this
 * class is the vocabulary rules write in, and how findings are filed is the engine's business.
 */
public abstract class Verdict {

    /** For the engine: rules only use the verdict they are given. */
    protected Verdict() {}

    /**
     * Files one finding of the firing rule.
     *
     * @param subject the event it is about, or {@code null} for the worker
     * @param truth   a criterion's answer, or {@code null} for an amount
     * @param amount  cash payable, or an in-kind value, for amount findings (the lowest, for a range)
     * @param upTo    the highest cash payable when the amount is a range, else {@code null}
     * @param inKind  whether {@code amount} is an in-kind value
     */
    protected abstract void add(Object subject, Truth truth, BigDecimal amount, BigDecimal upTo, boolean inKind);

    /** A worker-level criterion of the firing rule's benefits. */
    public void check(Truth truth) {
        check(null, truth);
    }

    /** A criterion about one event ({@code subject}) of the firing rule's benefits. */
    public void check(Object subject, Truth truth) {
        add(subject, Objects.requireNonNull(truth, "truth"), null, null, false);
    }

    /**
     * Cash of {@code min(cost, cap)} for the event, or {@code cap} when the cost is unknown ("up to").
     * Paid only when the event's criteria hold.
     */
    public void payUpTo(Object subject, AmountField cost, BigDecimal cap) {
        add(subject, null, Money.upTo(cost.value(), cap), null, false);
    }

    /**
     * As {@link #payUpTo(Object, AmountField, BigDecimal)} with a cap that may itself be unknown (a
     * cap by insurance type): then the event's decision needs the cap's field.
     */
    public void payUpTo(Object subject, AmountField cost, AmountField cap) {
        if (cap.value() == null) {
            check(subject, Truth.unknown(cap.name()));
        } else {
            payUpTo(subject, cost, cap.value());
        }
    }

    /**
     * A cash amount for the worker that the rules may not know: paid when known; when unknown, the
     * decision needs the amount's field (a schedule keyed by a field the worker left out).
     */
    public void pay(AmountField amount) {
        if (amount.value() == null) {
            check(Truth.unknown(amount.name()));
        } else {
            pay(amount.value());
        }
    }

    /** A fixed cash amount for the worker. */
    public void pay(BigDecimal amount) {
        add(null, null, Objects.requireNonNull(amount, "amount"), null, false);
    }

    /**
     * Cash somewhere between {@code min} and {@code max}: the source gives only a range and no
     * schedule settles it (A-XJ-1). The decision reports the range instead of an amount.
     */
    public void payRange(BigDecimal min, BigDecimal max) {
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("a range runs from its minimum to its maximum");
        }
        add(null, null, min, max, false);
    }

    /** The in-kind value of the benefit (a cover, a check-up), reported apart from cash. */
    public void value(BigDecimal amount) {
        add(null, null, Objects.requireNonNull(amount, "amount"), null, true);
    }
}
