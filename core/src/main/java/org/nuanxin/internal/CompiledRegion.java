package org.nuanxin.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nuanxin.Assessment;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Region;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.RuleProblem;
import org.nuanxin.model.Event;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.Situation;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;
import org.nuanxin.rules.Arrears;
import org.nuanxin.rules.Context;
import org.nuanxin.rules.Params;
import org.nuanxin.rules.Profile;
import org.nuanxin.rules.Stay;
import org.nuanxin.rules.Trip;
import org.nuanxin.rules.Verdict;

/**
 * A region's rules, built and ready: immutable and shared by all threads. Each assessment fires
 * the rules through {@link DirectRules} into a {@link Verdict} of its own, which {@link Decider}
 * turns into decisions.
 */
public final class CompiledRegion {

    private final RegionData data;
    private final Map<String, RuleInfo> rules;
    private final Set<String> globals;
    private final String version;
    private final Params params;
    private final Region region;
    private final List<RuleProblem> warnings;
    /** The rules, as the one evaluator runs them. */
    private final DirectRules direct;
    /** The executable model's classes, by name. */
    private final List<String> modelClasses;
    /** Whether some rule's sentences name the worker's work city, or residence city. */
    private final boolean namesWorkCity;

    private final boolean namesResidenceCity;

    CompiledRegion(
            RegionData data,
            DirectRules direct,
            List<String> modelClasses,
            Map<String, RuleInfo> rules,
            Set<String> globals,
            String version,
            List<RuleProblem> warnings,
            boolean precompiled) {
        this.data = data;
        this.direct = direct;
        this.modelClasses = List.copyOf(modelClasses);
        this.rules = rules;
        this.globals = globals;
        this.version = version;
        this.params = new Params(data.id(), data.parameters());
        this.region = new Region(
                data.id(),
                data.nameZh(),
                data.nameEn(),
                data.source(),
                version,
                data.benefits(),
                data.parameters(),
                precompiled,
                data.assumptions());
        this.warnings = List.copyOf(warnings);
        this.namesWorkCity = rules.values().stream().anyMatch(r -> r.namesWorkerPlace("work_city"));
        this.namesResidenceCity = rules.values().stream().anyMatch(r -> r.namesWorkerPlace("residence_city"));
    }

    /** Things kept per assessment date (the facade's decision caches), dropped with this rule set. */
    private final java.util.concurrent.ConcurrentHashMap<LocalDate, Object> perDate =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The object kept for {@code date}, made by {@code make} on first use; at most {@code maxDates}
     * dates are kept (the oldest use is not tracked: past the bound, all are dropped).
     */
    public Object perDate(LocalDate date, int maxDates, java.util.function.Function<LocalDate, Object> make) {
        Object o = perDate.get(date);
        if (o == null) {
            if (perDate.size() >= maxDates) {
                perDate.clear();
            }
            o = perDate.computeIfAbsent(date, make);
        }
        return o;
    }

    /** What is known of each rule, by {@link RegionCompiler#key}: for tests that run the rules another way. */
    Map<String, RuleInfo> rules() {
        return rules;
    }

    /** The names of the executable model's classes, as a region jar lists them. */
    public List<String> modelClasses() {
        return modelClasses;
    }

    /** The region's data: for tests that run the rules another way. */
    RegionData data() {
        return data;
    }

    /** The region as the public API describes it. */
    public Region region() {
        return region;
    }

    /** Compiler warnings of the build (deprecated syntax, say). */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /**
     * The parameters, with the keys rules have read so far; an assessment reads those in force on its
     * date ({@link Params#on}).
     */
    public Params params() {
        return params;
    }

    /**
     * Assesses one worker.
     *
     * @param maxFirings how many rule firings one assessment may take before it is stopped as a loop
     * @throws InvalidInputException    when the worker's birth date lies after {@code asOf}; anything
     *                                  else dated after it is left out ({@link Situation#seenOn})
     * @throws RuleExecutionException   when a rule fails or the rules loop
     */
    public Assessment assess(Situation situation, LocalDate asOf, int maxFirings) {
        return assess(situation, asOf, maxFirings, null);
    }

    /**
     * As {@link #assess(Situation, LocalDate, int)}, telling {@code reads} every fact the rules read,
     * and the worker's places that their sentences name: a decision is reused only for a worker whose
     * reasons read the same.
     */
    public Assessment assess(Situation situation, LocalDate asOf, int maxFirings, Profile.Reads reads) {
        checkDates(situation.worker(), asOf);
        situation = situation.seenOn(asOf);
        Findings verdict = new Findings();
        Params dated = params.on(asOf);
        Object[][] facts = facts(situation, asOf, reads);
        if (reads != null) {
            Profile profile = (Profile) facts[0][0];
            if (namesWorkCity) {
                profile.workCity();
            }
            if (namesResidenceCity) {
                profile.residenceCity();
            }
        }
        direct.fire(
                data.id(),
                facts,
                new Object[] {
                    verdict,
                    globals.contains("params") ? dated : null,
                    globals.contains("ctx") ? new Context(asOf, situation.claims(), dated) : null
                },
                maxFirings);
        return new Assessment(
                data.id(), asOf, version, Decider.decide(data.benefits(), verdict, asOf, situation.worker()));
    }

    /** No facts of a type: shared, since the evaluator only reads the facts it is given. */
    private static final Object[] NONE = new Object[0];

    /** The facts of one assessment by type, as {@link DirectRules#fire} takes them. */
    private static Object[][] facts(Situation situation, LocalDate asOf, Profile.Reads reads) {
        Profile profile = new Profile(situation.worker(), asOf, reads);
        if (situation.events().isEmpty()) {
            return new Object[][] {{profile}, NONE, NONE, NONE};
        }
        int trips = 0;
        int stays = 0;
        for (Event e : situation.events()) {
            if (e instanceof HomecomingTrip) {
                trips++;
            } else if (e instanceof Hospitalisation) {
                stays++;
            }
        }
        Object[][] facts = {
            {profile},
            new Object[trips],
            new Object[stays],
            new Object[situation.events().size() - trips - stays]
        };
        int[] next = new int[4];
        int i = 0;
        for (Event e : situation.events()) {
            Object f = fact(e, i++);
            int slot = f instanceof Trip ? 1 : f instanceof Stay ? 2 : 3;
            facts[slot][next[slot]++] = f;
        }
        return facts;
    }

    private static Object fact(Event e, int index) {
        if (e instanceof HomecomingTrip t) {
            return new Trip(t, index);
        }
        if (e instanceof Hospitalisation h) {
            return new Stay(h, index);
        }
        return new Arrears((WageArrears) e, index);
    }

    /**
     * Rejects a worker born after the assessment date: there is no one to assess. Everything else dated
     * after it is left out, not refused ({@link Situation#seenOn}).
     */
    public static void checkDates(Worker w, LocalDate asOf) {
        if (w.birthDate() != null && w.birthDate().isAfter(asOf)) {
            throw new InvalidInputException("birth_date", "lies after the assessment date");
        }
    }

    @Override
    public String toString() {
        return "CompiledRegion[" + data.id() + ", " + rules.size() + " rules, version " + version + "]";
    }
}
