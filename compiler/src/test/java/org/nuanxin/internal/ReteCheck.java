package org.nuanxin.internal;

import java.time.LocalDate;
import java.util.List;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.nuanxin.Assessment;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.model.Event;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.Situation;
import org.nuanxin.model.WageArrears;
import org.nuanxin.rules.Arrears;
import org.nuanxin.rules.Context;
import org.nuanxin.rules.Params;
import org.nuanxin.rules.Profile;
import org.nuanxin.rules.Stay;
import org.nuanxin.rules.Trip;

/**
 * The same executable model run the way Drools runs it — a session over the Rete network — as the
 * yardstick {@link DirectRules} is checked against. Only tests use the network; the library runs
 * every rule set through {@link DirectRules}.
 */
final class ReteCheck {

    private final CompiledRegion region;
    private final KieBase base;
    private final Params params;

    ReteCheck(CompiledRegion region, List<Model> models) {
        this.region = region;
        this.base = KieBaseBuilder.createKieBaseFromModel(models);
        this.params = new Params(region.data().id(), region.data().parameters());
    }

    /** The assessment as the network decides it; a failing rule is reported as the library reports it. */
    Assessment assess(Situation situation, LocalDate asOf) {
        Findings verdict = new Findings();
        KieSession session = base.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    org.kie.api.definition.rule.Rule r = event.getMatch().getRule();
                    verdict.enter(region.rules().get(r.getPackageName() + "/" + r.getName()));
                }
            });
            session.setGlobal("verdict", verdict);
            session.setGlobal("params", params);
            session.setGlobal("ctx", new Context(asOf, situation.claims(), params));
            session.insert(new Profile(situation.worker(), asOf, null));
            int i = 0;
            for (Event e : situation.events()) {
                session.insert(
                        e instanceof HomecomingTrip t
                                ? new Trip(t, i)
                                : e instanceof Hospitalisation h ? new Stay(h, i) : new Arrears((WageArrears) e, i));
                i++;
            }
            session.fireAllRules();
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RuleExecutionException(
                    "region " + region.data().id() + ": rule \""
                            + e.getMatch().getRule().getName() + "\" failed with "
                            + cause.getClass().getSimpleName(),
                    cause);
        } finally {
            session.dispose();
        }
        return new Assessment(
                region.data().id(),
                asOf,
                region.region().ruleSetVersion(),
                Decider.decide(region.data().benefits(), verdict, asOf, situation.worker()));
    }
}
