package org.nuanxin.spi;

import java.util.Optional;

/**
 * A region's rules on the classpath, found with {@link java.util.ServiceLoader}: a rules module
 * registers one implementation in
 * {@code META-INF/services/org.nuanxin.spi.RegionProvider}, so adding a region is adding a jar.
 */
public interface RegionProvider {

    /** The file name of a region's register profile, beside its rule files: {@value}. */
    String REGISTER_PROFILE = "register-profile.yaml";

    /** The stable region id, e.g. {@code xian}. */
    String id();

    /** Reads the region's rule files. */
    RuleFiles ruleFiles();

    /**
     * The text of the region's register profile ({@value #REGISTER_PROFILE}), when it ships one: made-up data
     * (cities and provinces with weights, an employer, a hospital, a default date) from which
     * {@code org.nuanxin.population.RegisterGenerator} writes synthetic member registers for the region. It is
     * not policy: the engine never reads it, and it is no part of {@link #ruleFiles()}.
     *
     * @return the profile's UTF-8 text; empty (the default) when the region ships none
     */
    default Optional<String> registerProfile() {
        return Optional.empty();
    }
}
