package org.nuanxin.reliability;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.nuanxin.testing.ModuleBoundaries;

/** This module, and the region jars it tests, use only core's exported packages (docs/architecture.md). */
class ModuleBoundariesTest {

    @Test
    void usesOnlyWhatCoreExports() {
        JavaClasses own = ModuleBoundaries.ownClasses();
        ModuleBoundaries.RULES.forEach(rule -> rule.check(own));
    }

    @Test
    void regionJarsUseOnlyWhatCoreExports() {
        JavaClasses regions = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.nuanxin.region");
        if (regions.isEmpty()) {
            throw new AssertionError("no region classes on the classpath");
        }
        ModuleBoundaries.RULES.forEach(rule -> rule.check(regions));
    }
}
