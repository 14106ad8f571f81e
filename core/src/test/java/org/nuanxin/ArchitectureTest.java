package org.nuanxin;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;
import org.nuanxin.testing.Tiers;

/**
 * The tiers of core (docs/architecture.md): no cycle between them, and each uses only the tiers it
 * is allowed. The root package is two tiers, the facade ({@link Tiers#FACADE}) and the API's values;
 * {@code org.nuanxin.model} belongs to the values. The one allowed exception is in {@link Tiers#EXCEPTIONS}.
 */
class ArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nuanxin");

    @Test
    void tiersAreFreeOfCycles() {
        SliceRule rule = slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass c) {
                        String tier = Tiers.tierOf(c);
                        return tier == null ? SliceIdentifier.ignore() : SliceIdentifier.of(tier);
                    }

                    @Override
                    public String getDescription() {
                        return "the tiers of core";
                    }
                })
                .should()
                .beFreeOfCycles();
        for (Tiers.Exception e : Tiers.EXCEPTIONS) {
            rule = rule.ignoreDependency(e.originClasses(), e.targetClasses());
        }
        rule.check(CORE);
    }

    /**
     * Drools is the engine's compiler and the model it compiles to, and is named in a few classes of the
     * engine path only ({@link Tiers#DROOLS_USERS}); everything else works with the engine's own types.
     */
    @Test
    void droolsIsNamedOnlyOnTheEnginePath() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "outside Tiers.DROOLS_USERS",
                        (JavaClass c) -> Tiers.DROOLS_USERS.stream()
                                .noneMatch(n ->
                                        c.getName().equals(n) || c.getName().startsWith(n + "$"))))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.drools..", "org.kie..")
                .check(CORE);
    }

    @Test
    void eachTierUsesOnlyTheTiersBelowIt() {
        tiers().check(CORE);
    }

    /** What each tier may use of the others; a tier may always use itself. */
    static LayeredArchitecture tiers() {
        LayeredArchitecture tiers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy(Tiers.tier("api"))
                .layer("rules")
                .definedBy(Tiers.tier("rules"))
                .layer("input")
                .definedBy(Tiers.tier("input"))
                .layer("spi")
                .definedBy(Tiers.tier("spi"))
                .layer("internal")
                .definedBy(Tiers.tier("internal"))
                .layer("scenario")
                .definedBy(Tiers.tier("scenario"))
                .layer("facade")
                .definedBy(Tiers.tier("facade"))
                .layer("interview")
                .definedBy(Tiers.tier("interview"))
                .whereLayer("api")
                .mayNotAccessAnyLayer()
                .whereLayer("rules")
                .mayOnlyAccessLayers("api")
                .whereLayer("input")
                .mayOnlyAccessLayers("api")
                .whereLayer("spi")
                .mayOnlyAccessLayers("api", "input")
                .whereLayer("internal")
                .mayOnlyAccessLayers("api", "rules", "input", "spi")
                .whereLayer("scenario")
                .mayOnlyAccessLayers("api", "input", "internal")
                .whereLayer("facade")
                .mayOnlyAccessLayers("api", "rules", "input", "spi", "internal", "scenario")
                .whereLayer("interview")
                .mayOnlyAccessLayers("api", "input");
        for (Tiers.Exception e : Tiers.EXCEPTIONS) {
            tiers = tiers.ignoreDependency(e.originClasses(), e.targetClasses());
        }
        return tiers;
    }
}
