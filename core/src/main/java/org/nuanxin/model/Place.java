package org.nuanxin.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An administrative division of China (GB/T 2260): a province-level division, a prefecture-level
 * city or prefecture, or a county-level division (a city district, county, county-level city or
 * banner). Obtain instances from {@link Places}; two places are equal when their codes are.
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

    /**
     * The division this one belongs to; empty for a province-level division. A county-level division
     * belongs to its prefecture-level city ({@code 雁塔区} to {@code 西安市}), to its municipality
     * ({@code 朝阳区} to {@code 北京市}), or to its province when the province administers it directly
     * ({@code 济源市} to {@code 河南省}, {@code 石河子市} to {@code 新疆维吾尔自治区}).
     */
    public Optional<Place> parent() {
        return Optional.ofNullable(parent);
    }

    /**
     * The official name with the division it lies in, as an address writes it, for a county-level
     * division: {@code 西安市雁塔区}, {@code 北京市朝阳区}, {@code 宁波市慈溪市}, {@code 河南省济源市}. A
     * province- or prefecture-level division's name alone: {@code 西安市}, {@code 陕西省}.
     */
    public String fullNameZh() {
        return level == Level.COUNTY && parent != null ? parent.nameZh + nameZh : nameZh;
    }

    /** The province-level division this place is in (itself for a province). */
    public Place province() {
        Place p = this;
        while (p.parent != null) {
            p = p.parent;
        }
        return p;
    }

    /**
     * Whether this place is {@code other} or lies inside it: Cixi lies within Ningbo and Zhejiang, Yanta
     * district within Xi'an and Shaanxi.
     */
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
