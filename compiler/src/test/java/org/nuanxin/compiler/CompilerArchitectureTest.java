package org.nuanxin.compiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.nuanxin.testing.Tiers;

/** The compiler module's own classes: Drools is named on the compile path only, and lint sits on top of it. */
class CompilerArchitectureTest {

    static final JavaClasses OWN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/nuanxin-core") && !location.contains("/core/target/"))
            .importPackages("org.nuanxin.compiler", "org.nuanxin.authoring");

    @Test
    void droolsIsNamedOnlyOnTheCompilePath() {
        noClasses()
                .that(DescribedPredicate.describe(
                        "outside Tiers.DROOLS_USERS",
                        (JavaClass c) -> Tiers.DROOLS_USERS.stream()
                                .noneMatch(n ->
                                        c.getName().equals(n) || c.getName().startsWith(n + "$"))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..")
                .check(OWN);
    }

    @Test
    void theCompilerDoesNotUseLint() {
        noClasses()
                .that()
                .resideInAPackage("org.nuanxin.compiler")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.nuanxin.authoring")
                .check(OWN);
    }

    @Test
    void theClassesAreThere() {
        org.junit.jupiter.api.Assertions.assertTrue(OWN.contain(RuleGuard.class), "imported " + OWN.size());
    }
}
