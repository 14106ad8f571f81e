package org.nuanxin.spark;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A register cell as the text the register format reads, from whatever type a Spark source gave it. */
final class Cells {

    private Cells() {}

    /**
     * The text of a single value: a string as it is; {@code true}/{@code false}; a date as {@code YYYY-MM-DD}; a
     * decimal or integer in plain digits; anything else as {@link String#valueOf} writes it (a timestamp, for one,
     * is then not a date, and the row says so). {@code null} stays {@code null}: an empty cell, unknown.
     */
    static String text(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue()).toPlainString();
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return String.valueOf(v); // Boolean, Integer, Long, LocalDate: their own text is the format's
    }

    /** The items of an array column joined with {@code ;}, as the register format writes children and certificates. */
    static String list(List<?> items) {
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            return "-"; // an empty list is known to have none
        }
        StringBuilder s = new StringBuilder();
        for (Object item : items) {
            if (s.length() > 0) {
                s.append(';');
            }
            String t = text(item);
            s.append(t == null ? "" : t);
        }
        return s.toString();
    }

    /**
     * Cells of one CSV record as RFC 4180 cuts it (commas outside double quotes): for a record the CSV reader could
     * not fit to the header, only to tell how many cells it has.
     */
    static int count(String record) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                quoted = !quoted; // a doubled quote inside a quoted cell flips twice
            } else if (c == ',' && !quoted) {
                n++;
            }
        }
        return n;
    }
}
