package org.nuanxin;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One value of a region's programme that rules read by key: an amount, a cap, a date, a quota, an
 * assumption. Kept in the region's {@code parameters.yaml} with the source of the value, so that a
 * policy author changes it without touching a rule.
 *
 * <p>A parameter holds its values by date: each value is in force from its date on, until the next
 * one's date. The value in force on an assessment date is the one with the latest date on or before
 * it; a date before every value's date takes the first value (the first date records when its source
 * set the value, not a day before which the parameter is undefined).
 *
 * @param key    dotted key, e.g. {@code homecoming.ticket_cap}
 * @param type   {@code date}, {@code month_day}, {@code money}, {@code integer}, {@code text}, {@code texts}, {@code city},
 *               {@code province} or {@code money_table}
 * @param values the values by the date each takes effect, earliest first; at least one; immutable
 * @param note   anything a reader must know (an inconsistency in the source, say); may be empty
 * @param usedBy what reads the value besides rules (e.g. {@code population report}); may be empty
 */
public record Parameter(String key, String type, NavigableMap<LocalDate, Dated> values, String note, String usedBy) {

    /**
     * One value of a parameter and where it comes from.
     *
     * @param value  the parsed value: LocalDate, MonthDay, BigDecimal, Integer, String, List, Place or Map
     * @param source where the value comes from (source key and clause, or an assumption id)
     */
    public record Dated(Object value, String source) {
        /** Checks the value is given; an absent source reads as empty. */
        public Dated {
            Objects.requireNonNull(value, "value");
            source = source == null ? "" : source;
        }
    }

    /** Checks the key, type and values are given and copies the values into an immutable sorted map. */
    public Parameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("parameter " + key + " has no value");
        }
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
        note = note == null ? "" : note;
        usedBy = usedBy == null ? "" : usedBy;
    }

    /** The latest value: the one in force from the last date on (the only one when the parameter has one). */
    public Object value() {
        return values.lastEntry().getValue().value();
    }

    /** Where the {@linkplain #value() latest value} comes from. */
    public String source() {
        return values.lastEntry().getValue().source();
    }

    /**
     * The value in force on {@code date}: the one with the latest date on or before it, or the first
     * one when {@code date} is before every value's date.
     */
    public Object valueOn(LocalDate date) {
        return datedOn(date).value();
    }

    /** The value in force on {@code date}, as {@link #valueOn(LocalDate)} finds it, with its source. */
    public Dated datedOn(LocalDate date) {
        java.util.Map.Entry<LocalDate, Dated> e = values.floorEntry(Objects.requireNonNull(date, "date"));
        return (e != null ? e : values.firstEntry()).getValue();
    }

    /** Whether the parameter holds more than one value, so that what is in force depends on the date. */
    public boolean changesOverTime() {
        return values.size() > 1;
    }
}
