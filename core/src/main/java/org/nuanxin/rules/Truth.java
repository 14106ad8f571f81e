package org.nuanxin.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A three-valued answer to one criterion: met, not met, or not known because fields are missing.
 * Unknown is never false. The connectives follow Kleene's strong logic, which gives the library's
 * two promises for free: a known disqualifier wins over missing facts ({@code FALSE.and(unknown)}
 * is {@code FALSE}), and an OR-condition that is not yet met names every unknown alternative.
 *
 * <p>Rules build truths from worker facts ({@code $w.hukouProvince().notWithin(...)}) and hand
 * them to {@link Verdict#check(Truth)}. Instances are immutable.
 */
public final class Truth {

    /** The three values. */
    public enum Value {
        TRUE,
        FALSE,
        UNKNOWN
    }

    /** Known to hold. */
    public static final Truth TRUE = new Truth(Value.TRUE, Set.of());
    /** Known not to hold. */
    public static final Truth FALSE = new Truth(Value.FALSE, Set.of());

    private final Value value;
    private final Set<String> missing;
    /** {@link #missing} as a list, made once: every NEEDS_INFO decision reports it. */
    private final List<String> missingList;
    /**
     * What merging this unknown truth with others gave, as pairs (other, result), copied on write and
     * bounded: the same few unknowns meet on every assessment, and their merge is then a lookup.
     */
    private volatile Object[] merges = NO_MERGES;

    private static final Object[] NO_MERGES = new Object[0];
    private static final int MAX_MERGES = 16;

    private Truth(Value value, Set<String> missing) {
        this.value = value;
        this.missing = missing;
        this.missingList = List.copyOf(missing);
    }

    /** {@link #TRUE} or {@link #FALSE}. */
    public static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /**
     * Unknown truths by their missing fields, shared: rules name the same few fields on every
     * assessment, and combining a truth with itself is then an identity check. Bounded; past the
     * bound new truths are simply not shared.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Object, Truth> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int SHARED_MAX = 4096;

    private static Truth shared(Object key, Set<String> missing) {
        Truth t = SHARED.get(key);
        if (t == null) {
            t = new Truth(Value.UNKNOWN, missing);
            if (SHARED.size() < SHARED_MAX) {
                Truth before = SHARED.putIfAbsent(key, t);
                if (before != null) {
                    t = before;
                }
            }
        }
        return t;
    }

    /** Not known until the named fields are given. */
    public static Truth unknown(String... fields) {
        if (fields.length == 1) { // the usual case: one field, no set to build
            Truth t = SHARED.get(fields[0]);
            return t != null ? t : shared(fields[0], Set.of(fields[0]));
        }
        return unknown(List.of(fields));
    }

    /** Not known until the named fields are given. */
    public static Truth unknown(Collection<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an unknown truth must name at least one missing field");
        }
        if (fields.size() == 1) {
            return unknown(fields.iterator().next());
        }
        Set<String> sorted = Collections.unmodifiableSet(new TreeSet<>(fields));
        return shared(sorted, sorted);
    }

    /** Both hold. FALSE wins over UNKNOWN; two unknowns name the fields of both. */
    public Truth and(Truth other) {
        if (value == Value.FALSE || other.value == Value.FALSE) {
            return FALSE;
        }
        if (value == Value.TRUE) {
            return other;
        }
        if (other.value == Value.TRUE) {
            return this;
        }
        return merge(other);
    }

    /** Either holds. TRUE wins over UNKNOWN; two unknowns name the fields of both. */
    public Truth or(Truth other) {
        if (value == Value.TRUE || other.value == Value.TRUE) {
            return TRUE;
        }
        if (value == Value.FALSE) {
            return other;
        }
        if (other.value == Value.FALSE) {
            return this;
        }
        return merge(other);
    }

    /** The negation; unknown stays unknown. */
    public Truth not() {
        return switch (value) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> this;
        };
    }

    private Truth merge(Truth other) {
        if (this == other) { // the usual case: the same shared truth again
            return this;
        }
        Object[] known = merges;
        for (int i = 0; i < known.length; i += 2) {
            if (known[i] == other) {
                return (Truth) known[i + 1];
            }
        }
        Truth merged = mergeSets(other);
        if (known.length < 2 * MAX_MERGES) { // a lost race only drops a remembered pair
            Object[] more = java.util.Arrays.copyOf(known, known.length + 2);
            more[known.length] = other;
            more[known.length + 1] = merged;
            merges = more;
        }
        return merged;
    }

    private Truth mergeSets(Truth other) {
        if (missing.size() >= other.missing.size() && missing.containsAll(other.missing)) {
            return this;
        }
        if (other.missing.containsAll(missing)) {
            return other;
        }
        Set<String> all = new TreeSet<>(missing);
        all.addAll(other.missing);
        return unknown(all);
    }

    /** All of them hold ({@link #TRUE} for none). */
    public static Truth all(Truth... truths) {
        Truth t = TRUE;
        for (Truth x : truths) {
            t = t.and(x);
        }
        return t;
    }

    /** Any of them holds ({@link #FALSE} for none). */
    public static Truth any(Truth... truths) {
        Truth t = FALSE;
        for (Truth x : truths) {
            t = t.or(x);
        }
        return t;
    }

    public Value value() {
        return value;
    }

    public boolean isTrue() {
        return value == Value.TRUE;
    }

    public boolean isFalse() {
        return value == Value.FALSE;
    }

    public boolean isUnknown() {
        return value == Value.UNKNOWN;
    }

    /** The fields that would settle an unknown truth, sorted; empty when known. */
    public Set<String> missing() {
        return missing;
    }

    /** {@link #missing()} as an immutable list, in the same order. */
    public List<String> missingList() {
        return missingList;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Truth t && t.value == value && t.missing.equals(missing);
    }

    @Override
    public int hashCode() {
        return value.hashCode() * 31 + missing.hashCode();
    }

    /** {@code TRUE}, {@code FALSE} or {@code UNKNOWN[work_city, residence_city]}. */
    @Override
    public String toString() {
        return value == Value.UNKNOWN ? "UNKNOWN" + missing : value.name();
    }
}
