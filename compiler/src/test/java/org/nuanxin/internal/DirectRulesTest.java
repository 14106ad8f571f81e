package org.nuanxin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.nuanxin.Assessment;
import org.nuanxin.RuleBuildException;
import org.nuanxin.RuleExecutionException;
import org.nuanxin.TestRegions;
import org.nuanxin.authoring.Prelude;
import org.nuanxin.model.Child;
import org.nuanxin.model.Event;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.Worker;
import org.nuanxin.spi.RuleFiles;

/**
 * The one engine path decides exactly as Drools' Rete network does, for every shape the rule guard
 * lets through, whether the executable model was compiled at build time (done here as
 * kie-maven-plugin does it for a region module) or from the rule folder at run time; any other
 * shape is refused before it is compiled. The build's model is made here by Drools' own project build
 * (KieBuilder, as kie-maven-plugin does), independently of the engine's compiler.
 */
class DirectRulesTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final AtomicInteger BUILDS = new AtomicInteger();

    /** Rules of every shape the evaluator runs: exists, eval of a global and of a bound fact, a join of two types, no pattern. */
    private static final String SHAPES = """
            package org.nuanxin.test.testland;

            import org.nuanxin.rules.Profile;
            import org.nuanxin.rules.Trip;
            import org.nuanxin.rules.Stay;
            import org.nuanxin.rules.Truth;

            global org.nuanxin.rules.Verdict verdict;
            global org.nuanxin.rules.Params params;
            global org.nuanxin.rules.Context ctx;

            rule "a stay exists and the cap is configured"
                @benefit("TEST_SERVICE") @source("TEST-1") @clause("x") @zh("有住院") @en("a stay")
            when
                exists Stay()
                eval( params.has("cap") )
            then
                verdict.check(ctx.inEffectFrom(ctx.asOf().minusDays(1)).and(Truth.unknown("probe")));
            end

            rule "each trip with each stay"
                @benefit("TEST_TRIP_CASH") @source("TEST-1") @clause("x") @zh("行程与住院") @en("trip and stay")
            when
                $t : Trip()
                $s : Stay()
                eval( $t.index() != $s.index() )
            then
                verdict.check($t, $s.hospital().known());
            end

            rule "no pattern at all"
                @benefit("TEST_SERVICE") @source("TEST-1") @clause("x") @zh("总是") @en("always")
                salience 10
            when
            then
                verdict.check(Truth.TRUE);
            end
            """;

    private static RuleFiles testland(String extraFile, String extraDrl) {
        RuleFiles base = RuleFiles.fromDirectory(TestRegions.TESTLAND);
        if (extraDrl == null) {
            return base;
        }
        Map<String, String> files = new LinkedHashMap<>(base.files());
        files.put(
                "region.yaml",
                files.get("region.yaml").replace("rules: [rules.drl]", "rules: [rules.drl, " + extraFile + "]"));
        files.put(extraFile, extraDrl);
        return new RuleFiles(base.origin(), files, null);
    }

    /** The same files with their DRL compiled into the executable model, in memory. */
    private static RuleFiles precompiled(RuleFiles files) {
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("org.nuanxin.test", "direct-" + BUILDS.incrementAndGet(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(id);
        for (String drl : files.drlFiles()) {
            // the text as the engine's compiler sees it: Drools' own project build knows no prelude
            kfs.write(
                    "src/main/resources/org/nuanxin/test/testland/" + drl,
                    Prelude.withPrelude(files.files().get(drl)));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        assertFalse(builder.getResults().hasMessages(Message.Level.ERROR), builder.getResults()::toString);
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        String list = new String(module.getBytes(CanonicalKieModule.getModelFileWithGAV(id)), StandardCharsets.UTF_8);
        List<String> classes = list.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.contains(":"))
                .toList();
        ClassLoader loader = ks.newKieContainer(id).getClassLoader();
        return new RuleFiles(files.origin(), files.files(), new RuleFiles.Precompiled(classes, loader));
    }

    /** The models a precompiled rule set carries, as {@link RegionCompiler} loads them. */
    private static List<Model> models(RuleFiles files) throws ReflectiveOperationException {
        List<Model> models = new ArrayList<>();
        for (String name : files.precompiled().modelClasses()) {
            models.add((Model) Class.forName(name, true, files.precompiled().loader())
                    .getDeclaredConstructor()
                    .newInstance());
        }
        return models;
    }

    /** The precompiled rules run in the Rete network, as the yardstick. */
    private static ReteCheck inNetwork(RuleFiles model) throws ReflectiveOperationException {
        return new ReteCheck(RegionCompiler.compile(model), models(model));
    }

    private static Situation random(Random r) {
        String[] cities = {"xian", "hangzhou", null};
        Worker w = Worker.builder()
                .newEmploymentForm(r.nextInt(3) == 0 ? null : r.nextBoolean())
                .workCity(cities[r.nextInt(3)])
                .residenceCity(cities[r.nextInt(3)])
                .birthDate(LocalDate.of(1960 + r.nextInt(40), 1 + r.nextInt(12), 1))
                .medicalInsurance(
                        r.nextInt(4) == 0
                                ? null
                                : MedicalInsurance.values()[r.nextInt(MedicalInsurance.values().length)])
                .children(r.nextBoolean() ? List.of(new Child(LocalDate.of(2010 + r.nextInt(10), 1, 1), null)) : null)
                .build();
        List<Event> events = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            events.add(new HomecomingTrip(
                    r.nextInt(4) == 0 ? null : AS_OF.minusDays(r.nextInt(400)),
                    r.nextInt(4) == 0 ? null : TripReason.values()[r.nextInt(TripReason.values().length)],
                    r.nextInt(3) == 0 ? null : r.nextBoolean(),
                    r.nextInt(4) == 0 ? null : new BigDecimal(r.nextInt(30_000)).movePointLeft(2)));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            LocalDate in = AS_OF.minusDays(r.nextInt(200) + 5);
            events.add(new Hospitalisation(
                    r.nextInt(3) == 0 ? null : "H" + r.nextInt(3),
                    in,
                    in.plusDays(r.nextInt(5)),
                    r.nextInt(4) == 0 ? null : new BigDecimal(r.nextInt(50_000)).movePointLeft(2),
                    null));
        }
        java.util.Collections.shuffle(events, r);
        return new Situation(w, events, List.of());
    }

    private static void assertSameDecisions(
            BiFunction<Situation, LocalDate, Assessment> expected, CompiledRegion actual, long seed, int workers) {
        Random r = new Random(seed);
        for (int i = 0; i < workers; i++) {
            Situation s = random(r);
            Assessment want = expected.apply(s, AS_OF);
            Assessment got = actual.assess(s, AS_OF, 10_000);
            assertEquals(want, got, "worker " + i + " of seed " + seed);
            assertEquals(
                    want.decisions().toString()
                            + want.decisions().stream().map(d -> d.reasons()).toList(),
                    got.decisions().toString()
                            + got.decisions().stream().map(d -> d.reasons()).toList());
        }
    }

    @Test
    void theTestRegionCompiledAtRunTimeDecidesAsTheBuildsModelAndTheNetworkDo() throws Exception {
        RuleFiles files = testland(null, null);
        RuleFiles model = precompiled(files);
        CompiledRegion fromJar = RegionCompiler.compile(model);
        CompiledRegion fromFolder = RegionCompiler.compile(files);
        assertTrue(fromJar.region().precompiled(), fromJar::toString);
        assertFalse(fromFolder.region().precompiled(), fromFolder::toString);
        ReteCheck network = inNetwork(model);
        assertSameDecisions(network::assess, fromJar, 11, 3_000);
        assertSameDecisions(network::assess, fromFolder, 11, 3_000);
    }

    @Test
    void everyAcceptedShapeDecidesAsTheNetworkDoes() throws Exception {
        RuleFiles files = testland("shapes.drl", SHAPES);
        RuleFiles model = precompiled(files);
        CompiledRegion direct = RegionCompiler.compile(model);
        ReteCheck network = inNetwork(model);
        assertSameDecisions(network::assess, direct, 12, 3_000);
        assertSameDecisions(network::assess, RegionCompiler.compile(files), 13, 1_000);
    }

    /**
     * The shapes the evaluator cannot run (constraints, agenda and activation groups) no longer reach
     * it: the rule guard refuses them in every rule file compiled at run time, before anything is
     * compiled, and in the build for the rules a region jar ships precompiled.
     */
    @Test
    void anyOtherShapeIsRefusedBeforeItReachesTheEngine() {
        String constrained = SHAPES.replace("$t : Trip()", "$t : Trip( this != null )");
        String grouped = SHAPES.replace("salience 10", "agenda-group \"MAIN\" salience 10")
                .replace("agenda-group \"MAIN\"", "activation-group \"one\"");
        for (String drl : List.of(constrained, grouped)) {
            RuleFiles files = testland("shapes.drl", drl);
            RuleBuildException e = assertThrows(RuleBuildException.class, () -> RegionCompiler.compile(files));
            assertTrue(
                    e.problems().stream()
                            .anyMatch(p -> p.message().startsWith("guard:")
                                    && (p.message().contains("constraints")
                                            || p.message().contains("activation-group"))),
                    e::getMessage);
        }
    }

    @Test
    void aFailingRuleIsNamedAsTheNetworkNamesIt() throws Exception {
        String failing = SHAPES.substring(0, SHAPES.indexOf("rule ")) + """
                rule "fails"
                    @benefit("TEST_SERVICE") @source("TEST-1") @clause("x") @zh("失败") @en("fails")
                when
                    Profile()
                then
                    verdict.check(null);
                end
                """;
        RuleFiles model = precompiled(testland("failing.drl", failing));
        CompiledRegion direct = RegionCompiler.compile(model);
        Situation s = Situation.of(Worker.builder().newEmploymentForm(true).build());
        RuleExecutionException a = assertThrows(RuleExecutionException.class, () -> direct.assess(s, AS_OF, 10_000));
        ReteCheck network = inNetwork(model);
        RuleExecutionException b = assertThrows(RuleExecutionException.class, () -> network.assess(s, AS_OF));
        assertEquals(b.getMessage(), a.getMessage());
        assertEquals("region testland: rule \"fails\" failed with NullPointerException", a.getMessage());
    }
}
