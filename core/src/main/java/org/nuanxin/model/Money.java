package org.nuanxin.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import org.nuanxin.InvalidInputException;

/**
 * Money in the library: CNY as a {@link BigDecimal} with scale 2 (exact to the fen). Inputs with
 * more than two decimals are rejected rather than rounded, since the fen is the smallest amount a
 * union can pay; nothing in the library rounds.
 */
public final class Money {

    /** Zero yuan. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    /** An amount as text: compiled once, since a register's money cells come through {@link #parse} row after row. */
    private static final Pattern AMOUNT = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private static final BigDecimal TOO_MUCH = new BigDecimal("1000000000");

    private Money() {}

    /**
     * Checks an amount given for a field and brings it to scale 2.
     *
     * @return {@code null} when {@code amount} is null (unknown), else the amount with scale 2
     * @throws InvalidInputException when negative or finer than a fen
     */
    public static BigDecimal of(String field, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            throw new InvalidInputException(field, "must not be negative (amounts are CNY, e.g. 356.50)");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(
                    field, "has more than 2 decimal places; amounts are exact to the fen (0.01 CNY)");
        }
        if (amount.compareTo(TOO_MUCH) >= 0) {
            throw new InvalidInputException(field, "is out of range (at most 999999999.99 CNY)");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Parses an amount written as text ({@code 356.50}); see {@link #of(String, BigDecimal)}. */
    public static BigDecimal parse(String field, String text) {
        if (text == null) {
            return null;
        }
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
                .strip();
        if (!AMOUNT.matcher(t).matches()) {
            throw new InvalidInputException(field, "not an amount; write CNY as a number such as 356.50");
        }
        return of(field, new BigDecimal(t));
    }

    /** {@code min(claimed, cap)}, or {@code cap} when nothing was claimed ("up to" without a cost). */
    public static BigDecimal upTo(BigDecimal claimed, BigDecimal cap) {
        return claimed == null ? cap : claimed.min(cap);
    }
}
