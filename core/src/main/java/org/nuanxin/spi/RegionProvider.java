package org.nuanxin.spi;

/**
 * A region's rules on the classpath, found with {@link java.util.ServiceLoader}: a rules module
 * registers one implementation in
 * {@code META-INF/services/org.nuanxin.spi.RegionProvider}, so adding a region is adding a jar.
 */
public interface RegionProvider {

    /** The stable region id, e.g. {@code xian}. */
    String id();

    /** Reads the region's rule files. */
    RuleFiles ruleFiles();
}
