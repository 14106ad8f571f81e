package org.nuanxin.rules;

import java.util.Collection;
import java.util.Objects;

/**
 * A named fact that may be unknown, as rules see it. Every test on a field answers a {@link Truth}:
 * when the value is unknown the answer is unknown and names the field, so a rule written once covers
 * the met, not-met and needs-info cases.
 *
 * @param <T> the value's type
 */
public class Field<T> {

    private final String name;
    private final T value;

    /**
     * @param name  the field's name in worker files, used when it is missing ({@code hukou_province})
     * @param value the value, or {@code null} when unknown
     */
    public Field(String name, T value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
    }

    /** The field's name in worker files. */
    public String name() {
        return name;
    }

    /** The value, or {@code null} when unknown. */
    public T value() {
        return value;
    }

    public boolean isKnown() {
        return value != null;
    }

    /** TRUE when known, else unknown naming this field. */
    public Truth known() {
        return value == null ? Truth.unknown(name) : Truth.TRUE;
    }

    /** The field equals {@code v}. */
    public Truth is(Object v) {
        return test(value != null && matches(value, v));
    }

    /** The field is known and differs from {@code v}. */
    public Truth isNot(Object v) {
        return is(v).not();
    }

    /** The field equals one of the values; enum constants and their names both match. */
    public Truth in(Object... values) {
        if (value == null) {
            return Truth.unknown(name);
        }
        for (Object v : values) {
            if (v instanceof Collection<?> c) {
                for (Object x : c) {
                    if (matches(value, x)) {
                        return Truth.TRUE;
                    }
                }
            } else if (matches(value, v)) {
                return Truth.TRUE;
            }
        }
        return Truth.FALSE;
    }

    /** The field is known and equals none of the values. */
    public Truth notIn(Object... values) {
        return in(values).not();
    }

    private static boolean matches(Object value, Object v) {
        if (value instanceof Enum<?> e && v instanceof String s) {
            return e.name().equals(s);
        }
        return value.equals(v);
    }

    /** TRUE/FALSE per {@code b} when the value is known, else unknown naming this field. */
    protected Truth test(boolean b) {
        return value == null ? Truth.unknown(name) : Truth.of(b);
    }

    /** Names the field and whether it is known; never the value (it may be personal). */
    @Override
    public String toString() {
        return name + (value == null ? " (unknown)" : " (known)");
    }
}
