package org.nuanxin.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.nuanxin.model.Place;

/** How parameter values read in tables (ISO dates, amounts to the fen); explanation sentences are made by {@link Sentences}. */
public final class Texts {

    private Texts() {}

    /** 200.00, 2025-09-01, 西安市, a list joined with commas. */
    public static String show(Object value) {
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof java.time.MonthDay md) {
            return md.toString().substring(2); // --06-01 → 06-01
        }
        if (value instanceof Place p) {
            return p.nameZh();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Texts::show).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream()
                    .map(e -> e.getKey() + "=" + show(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
