package org.nuanxin.region.xinjiang;

import org.nuanxin.spi.ClasspathRegionProvider;

/**
 * The Xinjiang items (XJ-2025): the district and employer programmes a Workers' Daily page reports
 * (乌鲁木齐市沙依巴克区 工会驿站, 哈密市总工会 移动体检, 顺丰速运 金秋助学 and 学历/技能提升奖励). Its rules and
 * data are in {@code org/nuanxin/region/xinjiang/} of this jar.
 */
public final class XinjiangRegion extends ClasspathRegionProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public XinjiangRegion() {
        super("xinjiang", "org/nuanxin/region/xinjiang/", "nuanxin-rules-xinjiang");
    }
}
