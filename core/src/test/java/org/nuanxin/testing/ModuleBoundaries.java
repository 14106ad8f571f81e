package org.nuanxin.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a module other than core may use of core, as ArchUnit rules each module runs over its own
 * classes ({@link #ownClasses()}): core's exported packages ({@link Tiers#EXPORTED}), never
 * {@code org.nuanxin.internal}, bar the named {@link Tiers#EXCEPTIONS}.
 */
public final class ModuleBoundaries {

    private ModuleBoundaries() {}

    /** No class of the module uses core's internal package, but for a named exception. */
    public static final ArchRule NO_INTERNAL = classes()
            .should(notUseInternal())
            .as("code outside core uses only core's exported packages, never org.nuanxin.internal"
                    + " (exceptions: Tiers.EXCEPTIONS)");

    /** No class of the module puts itself in core's internal package to reach what it hides. */
    public static final ArchRule NOT_IN_INTERNAL = noClasses()
            .should()
            .resideInAPackage("org.nuanxin.internal..")
            .as("code outside core does not live in org.nuanxin.internal to reach its package-private members");

    /** Both rules. */
    public static final List<ArchRule> RULES = List.of(NO_INTERNAL, NOT_IN_INTERNAL);

    /**
     * The module's own compiled classes, main and test ({@code target/classes}, {@code target/test-classes}
     * under the working directory, which is the module's folder when Maven runs its tests).
     */
    public static JavaClasses ownClasses() {
        List<Path> paths = java.util.stream.Stream.of(Path.of("target", "classes"), Path.of("target", "test-classes"))
                .filter(Files::isDirectory)
                .toList();
        if (paths.isEmpty()) {
            throw new IllegalStateException("no target/classes or target/test-classes under "
                    + Path.of("").toAbsolutePath() + ": run from the module's folder");
        }
        return new ClassFileImporter().importPaths(paths);
    }

    private static ArchCondition<JavaClass> notUseInternal() {
        return new ArchCondition<>("not depend on org.nuanxin.internal") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (target.getPackageName().startsWith("org.nuanxin.internal")
                            && !Tiers.excepted(c, target.getBaseComponentType())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
