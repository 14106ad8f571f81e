package org.nuanxin.spark;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.nuanxin.testing.ModuleBoundaries;

class ModuleBoundariesTest {

    @Test
    void usesOnlyCoresExportedPackages() {
        JavaClasses own = ModuleBoundaries.ownClasses();
        ModuleBoundaries.RULES.forEach(rule -> rule.check(own));
    }
}
