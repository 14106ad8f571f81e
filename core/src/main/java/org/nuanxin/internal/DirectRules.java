package org.nuanxin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drools.model.Condition;
import org.drools.model.Consequence;
import org.drools.model.Declaration;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.SingleConstraint;
import org.drools.model.Variable;
import org.drools.model.functions.BlockN;
import org.drools.model.functions.PredicateN;
import org.drools.model.patterns.CompositePatterns;
import org.drools.model.patterns.EvalImpl;
import org.drools.model.patterns.ExistentialPatternImpl;
import org.drools.model.patterns.PatternImpl;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.rules.Arrears;
import org.nuanxin.rules.Profile;
import org.nuanxin.rules.Stay;
import org.nuanxin.rules.Trip;

/**
 * How every rule set runs: its executable model evaluated without the Rete network, since its rules
 * have the shape that makes the network do no work. Drools compiles the DRL into its executable model: each rule's conditions
 * and consequence become objects holding the compiled lambdas. Where every rule's conditions are
 * unconstrained patterns over the facts of one assessment ({@code $w : Profile()}, {@code $t :
 * Trip()}), {@code not}/{@code exists} of such a pattern, and {@code eval}s of globals, matching is
 * only "for each fact of the pattern's type" — a rule fires once per combination of facts, and no
 * rule can change the facts (a consequence that uses {@code drools}, to insert or modify, is not of
 * that shape). This class does exactly that: it calls the same compiled consequences, for the same
 * combinations of facts, with the same globals, as the engine would, and skips building and
 * resetting a session, its agenda and its event objects.
 *
 * <p>{@link #of} returns {@code null} when any rule has another shape (constraints, joins, accumulate,
 * {@code from}, agenda groups, timers, named consequences…): the rule guard refuses those shapes in
 * every rule file, so only a region jar built by other means can bring one, and its build is refused.
 * The Drools model classes read here are named in {@code Tiers.DROOLS_USERS}. Rules fire in the order of
 * salience, then of their place in the rule files; the decisions do not depend on that order, since
 * consequences cannot see each other's findings.
 *
 * <p>Immutable and shared by all threads; one {@link #fire} per assessment.
 */
final class DirectRules {

    /** The fact types of an assessment, by slot. */
    private static final List<Class<?>> FACT_TYPES = List.of(Profile.class, Trip.class, Stay.class, Arrears.class);
    /** The globals the engine sets, by slot. */
    private static final List<String> GLOBALS = List.of("verdict", "params", "ctx");

    /** Where a consequence or eval argument comes from: a global's slot ({@code < 0}: -1 - slot) or a bound fact's index. */
    private record Plan(
            RuleInfo info,
            String name,
            int salience,
            int[] patternTypes,
            int[] absent,
            int[] present,
            PredicateN[] evals,
            int[][] evalArgs,
            BlockN block,
            int[] args) {}

    private final Plan[] plans;
    /** The most patterns of one rule, and the most arguments of one consequence or eval. */
    private final int maxPatterns;

    private final int maxArguments;

    private DirectRules(Plan[] plans) {
        this.plans = plans;
        int patterns = 0;
        int arguments = 0;
        for (Plan p : plans) {
            patterns = Math.max(patterns, p.patternTypes().length);
            arguments = Math.max(arguments, p.args().length);
            for (int[] e : p.evalArgs()) {
                arguments = Math.max(arguments, e.length);
            }
        }
        this.maxPatterns = patterns;
        this.maxArguments = arguments;
    }

    /**
     * The rules of {@code models} as a direct evaluator, or {@code null} (with the reason in {@code why})
     * when some rule needs the engine.
     *
     * @param rules what is known of each rule, by {@link RegionCompiler#key}
     */
    static DirectRules of(List<Model> models, Map<String, RuleInfo> rules, StringBuilder why) {
        List<Plan> plans = new ArrayList<>();
        for (Model model : models) {
            for (Rule rule : model.getRules()) {
                String problem = unsupported(rule);
                RuleInfo info = rules.get(rule.getPackage() + "/" + rule.getName());
                if (problem == null && info == null) {
                    problem = "no metadata";
                }
                if (problem != null) {
                    why.append("rule \"").append(rule.getName()).append("\": ").append(problem);
                    return null;
                }
                plans.add(plan(rule, info));
            }
        }
        plans.sort(Comparator.comparingInt((Plan p) -> -p.salience())
                .thenComparingInt(p -> p.info().order()));
        return new DirectRules(plans.toArray(Plan[]::new));
    }

    /** Why the rule needs the engine, or {@code null} when it can be run directly. */
    private static String unsupported(Rule rule) {
        for (Rule.Attribute<?> a : List.of(
                Rule.Attribute.ENABLED,
                Rule.Attribute.AUTO_FOCUS,
                Rule.Attribute.AGENDA_GROUP,
                Rule.Attribute.ACTIVATION_GROUP,
                Rule.Attribute.RULEFLOW_GROUP,
                Rule.Attribute.DURATION,
                Rule.Attribute.TIMER,
                Rule.Attribute.CALENDARS,
                Rule.Attribute.DATE_EFFECTIVE,
                Rule.Attribute.DATE_EXPIRES)) {
            if (!Objects.deepEquals(rule.getAttribute(a), a.getDefaultValue())) {
                return "has a rule attribute other than salience and no-loop";
            }
        }
        if (rule.getConsequences().size() != 1 || rule.getDefaultConsequence() == null) {
            return "has named consequences";
        }
        Consequence c = rule.getDefaultConsequence();
        if (c.isUsingDrools() || c.isBreaking()) {
            return "its consequence uses the engine (insert, modify, halt…)";
        }
        if (!(rule.getView() instanceof CompositePatterns view) || view.getType() != Condition.Type.AND) {
            return "its conditions are not a conjunction";
        }
        List<Variable<?>> bound = new ArrayList<>();
        for (Condition cond : view.getSubConditions()) {
            if (cond.getType() == Condition.Type.CONSEQUENCE) {
                continue;
            }
            if (cond instanceof PatternImpl<?> p && p.getType() == Condition.Type.PATTERN) {
                String problem = plainPattern(p);
                if (problem != null) {
                    return problem;
                }
                for (Variable<?> v : bound) {
                    if (v.getType() == p.getPatternVariable().getType()) {
                        return "has two patterns of one type";
                    }
                }
                bound.add(p.getPatternVariable());
            } else if (cond.getType() == Condition.Type.NOT || cond.getType() == Condition.Type.EXISTS) {
                PatternImpl<?> p = existential(cond);
                if (p == null || plainPattern(p) != null) {
                    return "has a 'not' or 'exists' of something other than one unconstrained pattern";
                }
            } else if (cond instanceof EvalImpl e) {
                if (e.getExpr().getPredicate() == null || e.getExpr().getVariables() == null) {
                    return "has an eval the evaluator cannot call";
                }
            } else {
                return "has a condition of kind " + cond.getType();
            }
        }
        for (Variable<?> v : variables(c)) {
            if (v instanceof Global<?> g ? !GLOBALS.contains(g.getName()) : !bound.contains(v)) {
                return "its consequence uses " + v.getName() + ", which is neither a bound fact nor an engine global";
            }
        }
        for (Condition cond : view.getSubConditions()) {
            if (cond instanceof EvalImpl e) {
                for (Variable<?> v : e.getExpr().getVariables()) {
                    if (v instanceof Global<?> g ? !GLOBALS.contains(g.getName()) : !bound.contains(v)) {
                        return "its eval uses " + v.getName() + ", which is neither a bound fact nor an engine global";
                    }
                }
            }
        }
        return null;
    }

    /** Why the pattern is not an unconstrained pattern over one of the assessment's fact types, or {@code null}. */
    private static String plainPattern(PatternImpl<?> p) {
        Variable<?> v = p.getPatternVariable();
        if (!FACT_TYPES.contains(v.getType())) {
            return "matches facts of type " + v.getType().getSimpleName();
        }
        if (p.getConstraint() != SingleConstraint.TRUE
                || !p.getBindings().isEmpty()
                || p.getInputVariables().length > 0) {
            return "has a pattern with constraints or bindings";
        }
        if (v instanceof Declaration<?> d && (d.getSource() != null || d.getWindow() != null)) {
            return "has a pattern with a source (from, entry point, window)";
        }
        return null;
    }

    /** The one pattern of a {@code not} or {@code exists}, or {@code null} when it holds anything else. */
    private static PatternImpl<?> existential(Condition cond) {
        List<Condition> inner = cond instanceof ExistentialPatternImpl e
                ? e.getSubConditions()
                : cond instanceof CompositePatterns c ? c.getSubConditions() : List.of();
        return inner.size() == 1 && inner.get(0) instanceof PatternImpl<?> p && p.getType() == Condition.Type.PATTERN
                ? p
                : null;
    }

    private static Variable<?>[] variables(Consequence c) {
        return c.getVariables() == null ? new Variable<?>[0] : c.getVariables();
    }

    private static Plan plan(Rule rule, RuleInfo info) {
        CompositePatterns view = (CompositePatterns) rule.getView();
        List<Variable<?>> bound = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> absent = new ArrayList<>();
        List<Integer> present = new ArrayList<>();
        List<PredicateN> evals = new ArrayList<>();
        List<int[]> evalArgs = new ArrayList<>();
        for (Condition cond : view.getSubConditions()) {
            if (cond instanceof PatternImpl<?> p && p.getType() == Condition.Type.PATTERN) {
                bound.add(p.getPatternVariable());
                types.add(FACT_TYPES.indexOf(p.getPatternVariable().getType()));
            } else if (cond.getType() == Condition.Type.NOT || cond.getType() == Condition.Type.EXISTS) {
                int type = FACT_TYPES.indexOf(
                        existential(cond).getPatternVariable().getType());
                (cond.getType() == Condition.Type.NOT ? absent : present).add(type);
            }
        }
        for (Condition cond : view.getSubConditions()) {
            if (cond instanceof EvalImpl e) {
                evals.add(e.getExpr().getPredicate());
                evalArgs.add(sources(e.getExpr().getVariables(), bound));
            }
        }
        Integer salience = rule.getAttribute(Rule.Attribute.SALIENCE);
        Consequence c = rule.getDefaultConsequence();
        return new Plan(
                info,
                rule.getName(),
                salience == null ? 0 : salience,
                types.stream().mapToInt(Integer::intValue).toArray(),
                absent.stream().mapToInt(Integer::intValue).toArray(),
                present.stream().mapToInt(Integer::intValue).toArray(),
                evals.toArray(PredicateN[]::new),
                evalArgs.toArray(int[][]::new),
                c.getBlock(),
                sources(variables(c), bound));
    }

    private static int[] sources(Variable<?>[] vars, List<Variable<?>> bound) {
        int[] out = new int[vars.length];
        for (int i = 0; i < vars.length; i++) {
            out[i] = vars[i] instanceof Global<?> g ? -1 - GLOBALS.indexOf(g.getName()) : bound.indexOf(vars[i]);
        }
        return out;
    }

    /** How many rules run directly. */
    int size() {
        return plans.length;
    }

    /**
     * Fires every rule for every combination of facts it matches.
     *
     * @param facts   the assessment's facts by slot: the profile, then its trips, stays and arrears
     * @param globals {@code verdict}, {@code params}, {@code ctx} (a {@code null} global is one the rules do not declare)
     * @return the number of firings
     * @throws RuleExecutionException when a rule fails, or fires {@code maxFirings} times in all
     */
    int fire(String region, Object[][] facts, Object[] globals, int maxFirings) {
        Findings verdict = (Findings) globals[0];
        int fired = 0;
        int[] at = new int[maxPatterns];
        Object[] tuple = new Object[maxPatterns];
        Object[][] scratch =
                new Object[maxArguments + 1][]; // argument arrays by length, reused: callees unpack them at once
        for (Plan p : plans) {
            if (!applies(p, facts)) {
                continue;
            }
            int[] types = p.patternTypes();
            int n = types.length;
            boolean empty = false;
            for (int t : types) {
                empty |= facts[t].length == 0;
            }
            if (empty) {
                continue;
            }
            java.util.Arrays.fill(at, 0, n, 0);
            while (true) { // every combination, the last pattern fastest
                for (int i = 0; i < n; i++) {
                    tuple[i] = facts[types[i]][at[i]];
                }
                if (evals(region, p, tuple, globals, scratch)) {
                    verdict.enter(p.info());
                    call(region, p, tuple, globals, scratch);
                    if (++fired >= maxFirings) {
                        throw new RuleExecutionException("region " + region + ": rules fired " + fired
                                + " times in one assessment and were stopped; rule \"" + p.name()
                                + "\" fires for too many combinations of facts");
                    }
                }
                int i = n - 1;
                while (i >= 0 && ++at[i] == facts[types[i]].length) {
                    at[i] = 0;
                    i--;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        return fired;
    }

    private static boolean applies(Plan p, Object[][] facts) {
        for (int t : p.absent()) {
            if (facts[t].length > 0) {
                return false;
            }
        }
        for (int t : p.present()) {
            if (facts[t].length == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean evals(String region, Plan p, Object[] tuple, Object[] globals, Object[][] scratch) {
        for (int i = 0; i < p.evals().length; i++) {
            try {
                if (!p.evals()[i].test(arguments(p.evalArgs()[i], tuple, globals, scratch))) {
                    return false;
                }
            } catch (Exception e) {
                throw failure(region, p, e);
            }
        }
        return true;
    }

    private static void call(String region, Plan p, Object[] tuple, Object[] globals, Object[][] scratch) {
        try {
            p.block().execute(arguments(p.args(), tuple, globals, scratch));
        } catch (Exception e) {
            throw failure(region, p, e);
        }
    }

    /** A rule's failure as the engine reports it when the rules run in a session. */
    private static RuleExecutionException failure(String region, Plan p, Exception e) {
        return e instanceof RuleExecutionException r
                ? r
                : new RuleExecutionException(
                        "region " + region + ": rule \"" + p.name() + "\" failed with "
                                + e.getClass().getSimpleName(),
                        e);
    }

    private static Object[] arguments(int[] sources, Object[] tuple, Object[] globals, Object[][] scratch) {
        Object[] args = scratch[sources.length];
        if (args == null) {
            args = new Object[sources.length];
            scratch[sources.length] = args;
        }
        for (int i = 0; i < sources.length; i++) {
            int s = sources[i];
            args[i] = s < 0 ? globals[-1 - s] : tuple[s];
        }
        return args;
    }

    @Override
    public String toString() {
        return "DirectRules[" + plans.length + " rules: "
                + Arrays.stream(plans).limit(3).map(Plan::name).toList() + (plans.length > 3 ? "…" : "") + "]";
    }
}
