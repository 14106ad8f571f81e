package org.nuanxin.rules;

import java.time.LocalDate;

/** A date that may be unknown. Bounds are inclusive. */
public final class DateField extends Field<LocalDate> {

    public DateField(String name, LocalDate value) {
        super(name, value);
    }

    /** {@code first <= date <= last}. */
    public Truth between(LocalDate first, LocalDate last) {
        return test(value() != null && !value().isBefore(first) && !value().isAfter(last));
    }

    /** {@code date <= last}. */
    public Truth onOrBefore(LocalDate last) {
        return test(value() != null && !value().isAfter(last));
    }

    /** {@code date >= first}. */
    public Truth onOrAfter(LocalDate first) {
        return test(value() != null && !value().isBefore(first));
    }

    /** This field with {@code fallback} in place of an unknown date (a trip without a date is taken as today's). */
    public DateField withDefault(LocalDate fallback) {
        return value() == null ? new DateField(name(), fallback) : this;
    }

    /** The date, or {@code fallback} when unknown. */
    public LocalDate orElse(LocalDate fallback) {
        return value() == null ? fallback : value();
    }
}
