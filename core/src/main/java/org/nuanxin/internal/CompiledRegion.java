package org.nuanxin.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;
import org.nuanxin.Assessment;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Region;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.RuleProblem;
import org.nuanxin.model.Child;
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
 * A region's rules, built and ready: immutable and shared by all threads. Each assessment runs in a
 * session of its own that is always disposed.
 */
public final class CompiledRegion {

    private final RegionData data;
    private final InternalKnowledgeBase kbase;
    private final Map<String, RuleInfo> rules;
    /** The same rules by the engine's own rule objects: no string is built per firing. */
    private final Map<org.kie.api.definition.rule.Rule, RuleInfo> byRule = new java.util.IdentityHashMap<>();
    private final Set<String> globals;
    private final String version;
    private final Params params;
    private final Region region;
    private final List<RuleProblem> warnings;
    /**
     * Sessions are reused: a pooled session's dispose() resets it (facts, globals, listeners) and returns it.
     * {@code null} when the rules run directly.
     */
    private final KieSessionsPool pool;

    /** The rules run without the Rete network, or {@code null} when they run in it. */
    private final DirectRules direct;

    CompiledRegion(RegionData data, InternalKnowledgeBase kbase, DirectRules direct, Map<String, RuleInfo> rules,
                   Set<String> globals, String version, List<RuleProblem> warnings, boolean precompiled) {
        this.data = data;
        this.kbase = kbase;
        this.direct = direct;
        this.rules = rules;
        this.globals = globals;
        this.version = version;
        this.params = new Params(data.id(), data.parameters());
        this.region = new Region(data.id(), data.nameZh(), data.nameEn(), data.source(), version, data.benefits(),
                data.parameters(), precompiled, direct != null, data.assumptions());
        this.warnings = List.copyOf(warnings);
        // sessions only for rules that run in the network
        this.pool = direct != null ? null : kbase.newKieSessionsPool(2 * Runtime.getRuntime().availableProcessors());
        if (direct == null) {
            kbase.getKiePackages().forEach(p -> p.getRules().forEach(r -> byRule.put(r, rules.get(RegionCompiler.key(r)))));
        }
    }

    /** Things kept per assessment date (the facade's decision caches), dropped with this rule set. */
    private final java.util.concurrent.ConcurrentHashMap<LocalDate, Object> perDate = new java.util.concurrent.ConcurrentHashMap<>();

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
     * @throws InvalidInputException    when a date in the situation lies after {@code asOf}
     * @throws RuleExecutionException   when a rule fails or the rules loop
     */
    public Assessment assess(Situation situation, LocalDate asOf, int maxFirings) {
        return assess(situation, asOf, maxFirings, null);
    }

    /** As {@link #assess(Situation, LocalDate, int)}, telling {@code reads} every fact the rules read. */
    public Assessment assess(Situation situation, LocalDate asOf, int maxFirings, Profile.Reads reads) {
        checkDates(situation.worker(), asOf);
        Verdict verdict = new Verdict();
        if (direct != null) {
            direct.fire(data.id(), facts(situation, asOf, reads), new Object[] {verdict, params.on(asOf),
                    new Context(asOf, situation.claims())}, maxFirings);
        } else {
            fireInSession(situation, asOf, maxFirings, reads, verdict);
        }
        return new Assessment(data.id(), asOf, version, Decider.decide(data.benefits(), verdict, asOf));
    }

    /** Whether the rules run without the Rete network (see {@link DirectRules}). */
    public boolean direct() {
        return direct != null;
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
        Object[][] facts = {{profile}, new Object[trips], new Object[stays],
                new Object[situation.events().size() - trips - stays]};
        int[] next = new int[4];
        int i = 0;
        for (Event e : situation.events()) {
            Object f = fact(e, i++);
            int slot = f instanceof Trip ? 1 : f instanceof Stay ? 2 : 3;
            facts[slot][next[slot]++] = f;
        }
        return facts;
    }

    private void fireInSession(Situation situation, LocalDate asOf, int maxFirings, Profile.Reads reads, Verdict verdict) {
        Listener listener = new Listener(verdict);
        KieSession session = pool.newKieSession();
        try {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) listener);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) listener);
            session.setGlobal("verdict", verdict);
            if (globals.contains("params")) {
                session.setGlobal("params", params.on(asOf));
            }
            if (globals.contains("ctx")) {
                session.setGlobal("ctx", new Context(asOf, situation.claims()));
            }
            session.insert(new Profile(situation.worker(), asOf, reads));
            int i = 0;
            for (Event e : situation.events()) {
                session.insert(fact(e, i));
                i++;
            }
            int fired = session.fireAllRules(maxFirings);
            if (fired >= maxFirings) {
                throw new RuleExecutionException("region " + data.id() + ": rules fired " + fired
                        + " times in one assessment and were stopped at the limit (maxFiringsPerAssessment);"
                        + " the last to fire was rule \"" + listener.culprit() + "\", over "
                        + situation.events().size() + " events: too many combinations of events");
            }
        } catch (ConsequenceException e) {
            String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuleExecutionException r) {
                throw r;
            }
            throw new RuleExecutionException("region " + data.id() + ": rule \"" + rule + "\" failed with "
                    + cause.getClass().getSimpleName(), cause);
        } finally {
            session.dispose();
        }
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

    /** Rejects dates of the worker that lie after the assessment date. */
    public static void checkDates(Worker w, LocalDate asOf) {
        if (w.birthDate() != null && w.birthDate().isAfter(asOf)) {
            throw new InvalidInputException("birth_date", "lies after the assessment date");
        }
        if (w.children() != null) {
            int i = 0;
            for (Child c : w.children()) {
                if (c.birthDate() != null && c.birthDate().isAfter(asOf)) {
                    throw new InvalidInputException("children[" + i + "].birth_date", "lies after the assessment date");
                }
                i++;
            }
        }
    }

    /** Tells the verdict which rule fires; counts firings and fact changes to name a looping rule. */
    private final class Listener extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final Verdict verdict;
        private final Map<String, Integer> changes = new HashMap<>();
        private String last = "?";

        Listener(Verdict verdict) {
            this.verdict = verdict;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            org.kie.api.definition.rule.Rule rule = event.getMatch().getRule();
            RuleInfo info = byRule.get(rule);
            verdict.enter(info != null ? info : rules.get(RegionCompiler.key(rule)));
            last = rule.getName();
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            changed(event.getRule());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            changed(event.getRule());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            changed(event.getRule());
        }

        private void changed(org.kie.api.definition.rule.Rule rule) {
            if (rule != null) {
                changes.merge(rule.getName(), 1, Integer::sum);
            }
        }

        /** The rule that changed facts most often, else the last one that fired. */
        String culprit() {
            return changes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(last);
        }
    }

    @Override
    public String toString() {
        return "CompiledRegion[" + data.id() + ", " + rules.size() + " rules, " + (direct != null ? "run directly" : "Rete")
                + ", version " + version + "]";
    }
}
