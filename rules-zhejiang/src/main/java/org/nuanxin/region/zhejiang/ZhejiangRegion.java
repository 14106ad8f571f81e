package org.nuanxin.region.zhejiang;

import org.nuanxin.spi.ClasspathRegionProvider;

/**
 * The Zhejiang programme (ZJ-2025): 浙江省总工会 新就业形态劳动者工会工作三年行动 (2023-2025) and the
 * "9+X" 惠“新”服务包, with the standing union stations (工会驿站) and driver homes (司机之家).
 * Its rules and data are in {@code org/nuanxin/region/zhejiang/} of this jar.
 */
public final class ZhejiangRegion extends ClasspathRegionProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public ZhejiangRegion() {
        super("zhejiang", "org/nuanxin/region/zhejiang/", "nuanxin-rules-zhejiang");
    }
}
