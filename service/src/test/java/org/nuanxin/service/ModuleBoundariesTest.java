package org.nuanxin.service;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.nuanxin.testing.ModuleBoundaries;

/** This module uses only core's exported packages (docs/architecture.md), but for named exceptions. */
class ModuleBoundariesTest {

    @Test
    void usesOnlyWhatCoreExports() {
        JavaClasses own = ModuleBoundaries.ownClasses();
        ModuleBoundaries.RULES.forEach(rule -> rule.check(own));
    }
}
