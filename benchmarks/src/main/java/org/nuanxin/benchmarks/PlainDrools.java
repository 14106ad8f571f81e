package org.nuanxin.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.nuanxin.Benefit;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;
import org.nuanxin.authoring.Prelude;
import org.nuanxin.internal.Findings;
import org.nuanxin.internal.RuleInfo;
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
import org.nuanxin.spi.RuleFiles;

/**
 * A bundled region's DRL used with plain Drools, the way the Drools documentation's first example
 * uses a rule base: the DRL files are read from the classpath ({@code org/nuanxin/region/<id>/*.drl},
 * in the region's jar) and compiled once with the classic {@link KnowledgeBuilder}; each
 * assessment then takes a <em>new</em> {@link StatelessKieSession}, sets the globals and executes
 * the facts. There is no session pool, no executable model and no explanation: the result is the
 * list of findings the rules made ({@link Findings#findings()}), not decisions.
 *
 * <p>The rules call {@code verdict.check(...)}, which files a finding under the rule that is
 * firing. The only extra is therefore a minimal {@link DefaultAgendaEventListener} that, before each
 * firing, tells the verdict which rule fires: one {@link RuleInfo} per rule, made once from the
 * rule's {@code @benefit}/{@code @source}/{@code @clause}/{@code @zh}/{@code @en} metadata (the
 * texts are left unfilled) and looked up by rule name. That keeps the findings meaningful (a test
 * turns them into the facade's decisions) at the cost of one hash lookup per firing.
 *
 * <p>Thread-safe: the rule base is shared, each call has its own session, verdict and listener.
 */
public final class PlainDrools {

    static {
        // the facade sets this too: run-time compiled DRL evaluates constraints with MVEL, whose default
        // evaluator races when two threads reach a constraint's 20th evaluation together (DROOLS-6432)
        if (System.getProperty("drools.mvel.thread.safety") == null) {
            System.setProperty("drools.mvel.thread.safety", "synced_till_eval");
        }
    }

    /** Where a region's jar keeps the region's files: this, the region id and a slash. */
    public static final String FOLDER = "org/nuanxin/region/";

    private final KieBase kbase;
    private final Params params;
    private final List<Benefit> benefits;
    private final Map<String, RuleInfo> ruleInfo = new HashMap<>();

    /** Compiles the Xi'an DRL from the classpath. */
    public PlainDrools() {
        this("xian");
    }

    /** Compiles the DRL of a bundled region from the classpath. */
    public PlainDrools(String region) {
        ClassLoader loader = PlainDrools.class.getClassLoader();
        String folder = FOLDER + region + "/";
        RuleFiles files = RuleFiles.fromClasspath(loader, folder); // region.yaml lists the DRL files
        Region data = Nuanxin.builder().regions(region).build().region(region); // catalogue, parameters
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader));
        for (String drl : files.drlFiles()) { // as the engine's compiler sees them
            builder.add(
                    ResourceFactory.newByteArrayResource(
                            Prelude.withPrelude(files.files().get(drl))
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    ResourceType.DRL);
        }
        builder.add(
                ResourceFactory.newByteArrayResource(
                        Prelude.declared(files).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ResourceType.DRL);
        if (builder.hasErrors()) {
            throw new IllegalStateException("the DRL of " + region + " does not compile: " + builder.getErrors());
        }
        kbase = builder.newKieBase();
        params = new Params(data.id(), data.parameters());
        benefits = data.benefits();
        for (KiePackage pkg : kbase.getKiePackages()) {
            int order = 0;
            for (Rule rule : pkg.getRules()) {
                ruleInfo.put(rule.getName(), info(rule, order++));
            }
        }
    }

    /** The region's catalogue, in order. */
    public List<Benefit> benefits() {
        return benefits;
    }

    /** The number of rules compiled. */
    public int ruleCount() {
        return ruleInfo.size();
    }

    /**
     * Runs the rules for one situation in a new stateless session.
     *
     * @return the findings, in firing order
     */
    public Findings assess(Situation situation, LocalDate asOf) {
        Findings verdict = new Findings();
        StatelessKieSession session = kbase.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                verdict.enter(ruleInfo.get(event.getMatch().getRule().getName()));
            }
        });
        session.setGlobal("verdict", verdict);
        session.setGlobal("params", params.on(asOf));
        session.setGlobal("ctx", new Context(asOf, situation.claims(), params.on(asOf)));
        List<Event> events = situation.events();
        List<Object> facts = new ArrayList<>(1 + events.size());
        facts.add(new Profile(situation.worker(), asOf));
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e instanceof HomecomingTrip t) {
                facts.add(new Trip(t, i));
            } else if (e instanceof Hospitalisation h) {
                facts.add(new Stay(h, i));
            } else {
                facts.add(new Arrears((WageArrears) e, i)); // as the facade inserts it
            }
        }
        session.execute(facts);
        return verdict;
    }

    private RuleInfo info(Rule rule, int order) {
        Map<String, Object> meta = rule.getMetaData();
        String list = text(meta, "benefit");
        List<String> codes = new ArrayList<>();
        if (list.equals("*")) {
            benefits.forEach(b -> codes.add(b.code()));
        } else {
            for (String code : list.split("\\s*,\\s*")) {
                codes.add(code);
            }
        }
        int[] indexes = new int[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            indexes[i] = -1;
            for (int j = 0; j < benefits.size(); j++) {
                if (benefits.get(j).code().equals(codes.get(i))) {
                    indexes[i] = j;
                }
            }
            if (indexes[i] < 0) {
                throw new IllegalStateException("rule " + rule.getName() + " names unknown benefit " + codes.get(i));
            }
        }
        return new RuleInfo(
                rule.getName(),
                "?",
                order,
                codes,
                indexes,
                text(meta, "source"),
                text(meta, "clause"),
                text(meta, "zh"),
                text(meta, "en"),
                text(meta, "unmet_zh"),
                text(meta, "unmet_en"));
    }

    private static String text(Map<String, Object> meta, String key) {
        Object v = meta.get(key);
        return v == null ? "" : v.toString().strip();
    }
}
