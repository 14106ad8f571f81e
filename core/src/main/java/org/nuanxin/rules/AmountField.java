package org.nuanxin.rules;

import java.math.BigDecimal;

/** An amount of money (CNY, scale 2) that may be unknown, such as a ticket cost. */
public final class AmountField extends Field<BigDecimal> {

    public AmountField(String name, BigDecimal value) {
        super(name, value);
    }

    /** {@code amount >= min}. */
    public Truth atLeast(BigDecimal min) {
        return test(value() != null && value().compareTo(min) >= 0);
    }

    /** {@code amount > 0}. */
    public Truth positive() {
        return test(value() != null && value().signum() > 0);
    }
}
