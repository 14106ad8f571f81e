package org.nuanxin.population;

import org.nuanxin.TestRegions;
import org.nuanxin.spi.RegionProvider;

/** The test region's register profile, which the engine does not read: tests have no region jar to find it in. */
final class Testland {

    private Testland() {}

    /** {@code register-profile.yaml} of core's test region. */
    static RegisterProfile registerProfile() {
        return RegisterProfile.read("testland", TestRegions.TESTLAND.resolve(RegionProvider.REGISTER_PROFILE));
    }
}
