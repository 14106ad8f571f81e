package org.nuanxin.region.qingdao;

import org.nuanxin.spi.ClasspathRegionProvider;

/**
 * The Qingdao programme (QD-2021): 青岛市总工会《青岛市新就业形态劳动者温暖行动实施方案》(青工办〔2021〕13号),
 * 2021-11 to 2022-12. Its rules and data are in {@code org/nuanxin/region/qingdao/} of this jar.
 */
public final class QingdaoRegion extends ClasspathRegionProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public QingdaoRegion() {
        super("qingdao", "org/nuanxin/region/qingdao/", "nuanxin-rules-qingdao");
    }
}
