package org.nuanxin.region.neimenggu;

import org.nuanxin.spi.ClasspathRegionProvider;

/**
 * The Inner Mongolia programme (NM-2024): 内蒙古自治区总工会 report of 2024-08-16 on its work for
 * new-employment-form workers (the ten measures, the three-year implementation plan 2023-2025, the
 * two-cancer screening and the Ordos Kangbashi battery-swap pilot). Its rules and data are in
 * {@code org/nuanxin/region/neimenggu/} of this jar.
 */
public final class NeimengguRegion extends ClasspathRegionProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public NeimengguRegion() {
        super("neimenggu", "org/nuanxin/region/neimenggu/", "nuanxin-rules-neimenggu");
    }
}
