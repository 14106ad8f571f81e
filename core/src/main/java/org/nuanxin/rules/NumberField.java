package org.nuanxin.rules;

/** A whole number that may be unknown, such as an age in completed years. Bounds are inclusive. */
public final class NumberField extends Field<Integer> {

    public NumberField(String name, Integer value) {
        super(name, value);
    }

    /** {@code n >= min}. */
    public Truth atLeast(int min) {
        return test(value() != null && value() >= min);
    }

    /** {@code n <= max}. */
    public Truth atMost(int max) {
        return test(value() != null && value() <= max);
    }

    /** {@code n < limit}. */
    public Truth below(int limit) {
        return test(value() != null && value() < limit);
    }

    /** {@code min <= n <= max}. */
    public Truth between(int min, int max) {
        return test(value() != null && value() >= min && value() <= max);
    }
}
