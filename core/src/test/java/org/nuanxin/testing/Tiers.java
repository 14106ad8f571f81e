package org.nuanxin.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;

/**
 * The tiers of core and the dependencies the architecture tests allow for now, in one place
 * (docs/architecture.md). {@code ArchitectureTest} checks core's tiers; {@link ModuleBoundaries}
 * checks what the other modules use of core.
 */
public final class Tiers {

    private Tiers() {}

    /** The classes of {@code org.nuanxin} that make the facade; the rest of that package is the API's values. */
    public static final Set<String> FACADE = Set.of("org.nuanxin.Nuanxin", "org.nuanxin.BatchAssessor");

    /**
     * Core's packages other modules may use: all but {@code org.nuanxin.internal}. (The compiler module's
     * {@code org.nuanxin.compiler} and {@code org.nuanxin.authoring}, and the population module's
     * {@code org.nuanxin.population}, are those modules' own.)
     */
    public static final List<String> EXPORTED = List.of(
            "org.nuanxin",
            "org.nuanxin.model",
            "org.nuanxin.rules",
            "org.nuanxin.spi",
            "org.nuanxin.input",
            "org.nuanxin.scenario",
            "org.nuanxin.interview");

    /**
     * The one module besides core whose main classes use {@code org.nuanxin.internal}: the compiler, which
     * builds the internal rule set from what it compiles (RegionCompiler, RegionData, Declarations,
     * DrlSource). It is core's other half, split off so that a host of precompiled regions does not carry a
     * DRL compiler.
     */
    public static final String INTERNAL_FRIEND = "org.nuanxin.compiler";

    /**
     * One dependency a rule would refuse but allows for now, named, with its reason.
     *
     * @param name   what to call it in a report or a commit
     * @param origin the class that depends (its nested classes too)
     * @param target the class depended on (its nested classes too)
     * @param reason why, and when it goes
     */
    public record Exception(String name, String origin, String target, String reason) {

        /** Whether the dependency from one class to another is this exception. */
        public boolean covers(JavaClass from, JavaClass to) {
            return is(from, origin) && is(to, target);
        }

        /** The origin class and its nested classes. */
        public DescribedPredicate<JavaClass> originClasses() {
            return DescribedPredicate.describe(origin, c -> is(c, origin));
        }

        /** The target class and its nested classes. */
        public DescribedPredicate<JavaClass> targetClasses() {
            return DescribedPredicate.describe(target, c -> is(c, target));
        }

        private static boolean is(JavaClass c, String name) {
            String n = c.getName();
            return n.equals(name) || n.startsWith(name + "$");
        }
    }

    /**
     * The classes that name Drools (or KIE) types: in core, the rule-set builder, the evaluator that
     * reads the executable model and the compiler SPI that hands it over; in the compiler module, the
     * compiler, the guard's parser and the linter's parse. Everything else works with the engine's own
     * types, so that a Drools upgrade touches these and nothing else.
     */
    public static final List<String> DROOLS_USERS = List.of(
            "org.nuanxin.internal.RegionCompiler",
            "org.nuanxin.internal.DirectRules",
            "org.nuanxin.spi.RuleCompiler",
            "org.nuanxin.compiler.ModelCompiler",
            "org.nuanxin.compiler.DrlCompiler",
            "org.nuanxin.compiler.RuleGuard",
            "org.nuanxin.compiler.DrlOutline",
            "org.nuanxin.authoring.StyleCheck");

    /** Every exception. Delete an entry when its cause goes; the tests then hold the line. */
    public static final List<Exception> EXCEPTIONS = List.of(
            new Exception(
                    "plain-drools-ruleinfo",
                    "org.nuanxin.benchmarks.PlainDrools",
                    "org.nuanxin.internal.RuleInfo",
                    "the plain-Drools benchmark files its findings with the engine's own Findings, which take the"
                            + " engine's RuleInfo of the firing rule, so that its decisions can be compared with the engine's"),
            new Exception(
                    "plain-drools-findings",
                    "org.nuanxin.benchmarks.PlainDrools",
                    "org.nuanxin.internal.Findings",
                    "goes with plain-drools-ruleinfo"),
            new Exception(
                    "plain-drools-agreement-findings",
                    "org.nuanxin.benchmarks.PlainDroolsAgreementTest",
                    "org.nuanxin.internal.Findings",
                    "the agreement test reads the plain-Drools findings it decides"),
            new Exception(
                    "decide-test-hook",
                    "org.nuanxin.benchmarks.PlainDroolsAgreementTest",
                    "org.nuanxin.internal.DecideForTests",
                    "the test hook core's test-jar exports: the agreement test decides the plain-Drools findings with"
                            + " the engine's own decision step, which is package-private"));

    /** The tier of a class of core: {@code api}, {@code facade}, or its package under {@code org.nuanxin}. */
    public static String tierOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (pkg.equals("org.nuanxin")) {
            String top = c.getName().contains("$")
                    ? c.getName().substring(0, c.getName().indexOf('$'))
                    : c.getName();
            return FACADE.contains(top) ? "facade" : "api";
        }
        if (!pkg.startsWith("org.nuanxin.")) {
            return null;
        }
        String sub = pkg.substring("org.nuanxin.".length());
        int dot = sub.indexOf('.');
        String first = dot < 0 ? sub : sub.substring(0, dot);
        return first.equals("model") ? "api" : first; // a Worker throws InvalidInputException: one tier
    }

    /** Classes of the tier. */
    public static DescribedPredicate<JavaClass> tier(String name) {
        return DescribedPredicate.describe("tier " + name, c -> name.equals(tierOf(c)));
    }

    /** Whether the dependency is one of the {@link #EXCEPTIONS}. */
    public static boolean excepted(JavaClass from, JavaClass to) {
        return EXCEPTIONS.stream().anyMatch(e -> e.covers(from, to));
    }
}
