package org.nuanxin;

import java.util.Objects;

/**
 * How a region's rules read a vague or silent source: one entry of the region's assumptions
 * register ({@code assumptions.yaml}), cited by its id in rules, parameters and the catalogue.
 *
 * @param id     stable id, e.g. {@code A-XA-1} or {@code A-COMMON-1}
 * @param zh     the assumption in Chinese
 * @param en     the same in English
 * @param source the source and clause it interprets
 */
public record Assumption(String id, String zh, String en, String source) {

    /** Checks every part is given. */
    public Assumption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(source, "source");
    }
}
