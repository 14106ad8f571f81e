package org.nuanxin.region.xian;

import org.nuanxin.spi.ClasspathRegionProvider;

/**
 * The Xi'an programme (XA-2025): 西安市总工会 新就业形态劳动者帮扶服务三年行动, 2025-09 to 2028-09.
 * Its rules and data are in {@code org/nuanxin/region/xian/} of this jar.
 */
public final class XianRegion extends ClasspathRegionProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public XianRegion() {
        super("xian", "org/nuanxin/region/xian/", "nuanxin-rules-xian");
    }
}
