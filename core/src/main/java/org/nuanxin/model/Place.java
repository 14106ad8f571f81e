package org.nuanxin.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An administrative division of China (GB/T 2260): a province-level division, a prefecture-level
 * city or prefecture, or a county-level city. Obtain instances from {@link Places}; two places are
 * equal when their codes are.
 */
public final class Place {

    /** The level of a division. */
    public enum Level {
        PROVINCE,
        PREFECTURE,
        COUNTY
    }

    private final String code;
    private final String nameZh;
    private final String id;
    private final Level level;
    private final Place parent;

    Place(String code, String nameZh, String id, Level level, Place parent) {
        this.code = Objects.requireNonNull(code);
        this.nameZh = Objects.requireNonNull(nameZh);
        this.id = Objects.requireNonNull(id);
        this.level = Objects.requireNonNull(level);
        this.parent = parent;
    }

    /** The six-digit division code, e.g. {@code 610100}. */
    public String code() {
        return code;
    }

    /** The official Chinese name, e.g. {@code 西安市}. */
    public String nameZh() {
        return nameZh;
    }

    /** The unambiguous pinyin id, e.g. {@code xian}, {@code taizhou-zhejiang}. */
    public String id() {
        return id;
    }

    public Level level() {
        return level;
    }

    /** The division this one belongs to; empty for a province-level division. */
    public Optional<Place> parent() {
        return Optional.ofNullable(parent);
    }

    /** The province-level division this place is in (itself for a province). */
    public Place province() {
        Place p = this;
        while (p.parent != null) {
            p = p.parent;
        }
        return p;
    }

    /** Whether this place is {@code other} or lies inside it (Cixi lies within Ningbo and Zhejiang). */
    public boolean isWithin(Place other) {
        for (Place p = this; p != null; p = p.parent) {
            if (p.code.equals(other.code)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Place p && p.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** {@code xian (610100 西安市)}. */
    @Override
    public String toString() {
        return id + " (" + code + " " + nameZh + ")";
    }
}
