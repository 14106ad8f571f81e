package org.nuanxin;

import java.util.Objects;

/**
 * One value of a region's programme that rules read by key: an amount, a cap, a date, a quota, an
 * assumption. Kept in the region's {@code parameters.yaml} with the source of the value, so that a
 * policy author changes it without touching a rule.
 *
 * @param key    dotted key, e.g. {@code homecoming.ticket_cap}
 * @param type   {@code date}, {@code month_day}, {@code money}, {@code integer}, {@code text}, {@code texts}, {@code city},
 *               {@code province} or {@code money_table}
 * @param value  the parsed value: LocalDate, MonthDay, BigDecimal, Integer, String, List, Place or Map
 * @param source where the value comes from (source key and clause, or an assumption id)
 * @param note   anything a reader must know (an inconsistency in the source, say); may be empty
 * @param usedBy what reads the value besides rules (e.g. {@code population report}); may be empty
 */
public record Parameter(String key, String type, Object value, String source, String note, String usedBy) {
    public Parameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        source = source == null ? "" : source;
        note = note == null ? "" : note;
        usedBy = usedBy == null ? "" : usedBy;
    }
}
