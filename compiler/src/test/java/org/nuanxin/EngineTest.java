package org.nuanxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.Worker;

class EngineTest {

    private static final Nuanxin ENGINE = TestRegions.testland();
    private static final LocalDate IN_PERIOD = LocalDate.of(2025, 6, 1);
    private static final Worker LOCAL =
            Worker.builder().newEmploymentForm(true).workCity("xian").build();

    private static Decision decide(Situation s, LocalDate asOf, String code) {
        return ENGINE.assess("testland", s, asOf).decision(code).orElseThrow();
    }

    @Test
    void oneDecisionPerCatalogueBenefitInOrder() {
        Assessment a = ENGINE.assess("testland", LOCAL, IN_PERIOD);
        assertEquals(
                List.of("TEST_SERVICE", "TEST_TRIP_CASH", "TEST_STAY_CASH"),
                a.decisions().stream().map(Decision::code).toList());
        assertEquals(12, a.ruleSetVersion().length());
    }

    @Test
    void everyDecisionIsExplainedWithCitations() {
        Decision d = decide(Situation.of(LOCAL), IN_PERIOD, "TEST_SERVICE");
        assertEquals(Status.ELIGIBLE, d.status());
        assertEquals(
                Set.of("period", "works or lives in the city", "service"),
                Set.copyOf(d.reasons().stream().map(Reason::rule).toList()));
        assertTrue(d.reasons().stream()
                .allMatch(r -> r.source().equals("TEST-1") && !r.clause().isEmpty()));
        assertTrue(d.reasons().get(0).textEn().contains("1 January 2025"), "parameters fill the texts");
    }

    @Test
    void programmeOutOfEffectSaysSoWithTheDate() {
        Decision d = decide(Situation.of(LOCAL), LocalDate.of(2026, 1, 1), "TEST_SERVICE");
        assertEquals(Status.NOT_ELIGIBLE, d.status());
        assertEquals(
                "programme not in effect on 1 January 2026", d.reasons().get(0).textEn());
        assertEquals("2026年1月1日 不在期间内", d.reasons().get(0).textZh());
    }

    @Test
    void sentencesNameMissingFieldsInWordsAndAmountsInYuan(@TempDir Path dir) {
        Decision d =
                decide(Situation.of(Worker.builder().newEmploymentForm(true).build()), IN_PERIOD, "TEST_SERVICE");
        Reason unknown = d.reasons().get(0);
        assertEquals(List.of("residence_city", "work_city"), unknown.missing());
        assertEquals("需补充：居住所在城市、工作所在城市；用于判断：在该市工作或生活", unknown.textZh());
        assertEquals(
                "Needs: city where you live, city where you work; to check: works or lives in the city",
                unknown.textEn());
        HomecomingTrip urgent = new HomecomingTrip(null, TripReason.URGENT_MATTER, true, new BigDecimal("56.5"));
        Decision trip = decide(new Situation(LOCAL, List.of(urgent), List.of()), IN_PERIOD, "TEST_TRIP_CASH");
        assertEquals(
                List.of("符合：期间内", "符合：在该市工作或生活", "符合：急事且经证明", "票价：56.50元"),
                trip.reasons().stream().map(Reason::textZh).toList());
        assertEquals("ticket up to 100: CNY 56.50", trip.reasons().get(3).textEn());
        Decision notMet =
                decide(Situation.of(Worker.builder().newEmploymentForm(false).build()), IN_PERIOD, "TEST_SERVICE");
        assertEquals("不符合：在该市工作或生活", notMet.reasons().get(0).textZh());
        assertEquals(
                "Not met: works or lives in the city", notMet.reasons().get(0).textEn());

        Path folder = TestRegions.copy(
                dir, "rules.drl", t -> t.replace("@zh(\"期间内\")", "@zh(\"今年（${year}年）在期间内，评估日${as_of}\")"));
        Nuanxin engine =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        for (LocalDate asOf : List.of(IN_PERIOD, LocalDate.of(2025, 12, 31))) {
            Reason period = engine.assess("testland", LOCAL, asOf)
                    .decision("TEST_SERVICE")
                    .orElseThrow()
                    .reasons()
                    .get(0);
            assertEquals(
                    "符合：今年（2025年）在期间内，评估日2025年" + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日",
                    period.textZh(),
                    "${year} and ${as_of} are filled per assessment date");
        }
    }

    @Test
    void unknownIsNeverFalseAndOrNamesEveryUnknownAlternative() {
        Decision d =
                decide(Situation.of(Worker.builder().newEmploymentForm(true).build()), IN_PERIOD, "TEST_SERVICE");
        assertEquals(Status.NEEDS_INFO, d.status());
        assertEquals(List.of("residence_city", "work_city"), d.missing());
        Decision lives = decide(
                Situation.of(Worker.builder()
                        .newEmploymentForm(true)
                        .workCity("hangzhou")
                        .residenceCity("xian")
                        .build()),
                IN_PERIOD,
                "TEST_SERVICE");
        assertEquals(Status.ELIGIBLE, lives.status());
    }

    @Test
    void aKnownDisqualifierWinsOverMissingFacts() {
        Decision d =
                decide(Situation.of(Worker.builder().newEmploymentForm(false).build()), IN_PERIOD, "TEST_SERVICE");
        assertEquals(Status.NOT_ELIGIBLE, d.status());
        assertEquals(List.of(), d.missing());
    }

    @Test
    void eventBenefitsNeedAQualifyingEvent() {
        assertEquals(
                Status.NOT_ELIGIBLE,
                decide(Situation.of(LOCAL), IN_PERIOD, "TEST_TRIP_CASH").status());
        HomecomingTrip holiday = new HomecomingTrip(null, TripReason.HOLIDAY, true, new BigDecimal("80"));
        HomecomingTrip urgent = new HomecomingTrip(null, TripReason.URGENT_MATTER, true, new BigDecimal("150"));
        HomecomingTrip unknownReason = new HomecomingTrip(null, null, true, null);
        assertEquals(
                Status.NOT_ELIGIBLE,
                decide(new Situation(LOCAL, List.of(holiday), List.of()), IN_PERIOD, "TEST_TRIP_CASH")
                        .status());
        Decision both = decide(new Situation(LOCAL, List.of(holiday, urgent), List.of()), IN_PERIOD, "TEST_TRIP_CASH");
        assertEquals(Status.ELIGIBLE, both.status());
        assertEquals(new BigDecimal("100.00"), both.amount(), "capped, and only the qualifying trip pays");
        Decision unsure =
                decide(new Situation(LOCAL, List.of(holiday, unknownReason), List.of()), IN_PERIOD, "TEST_TRIP_CASH");
        assertEquals(Status.NEEDS_INFO, unsure.status());
        assertEquals(List.of("events.reason"), unsure.missing());
        assertNull(unsure.amount());
    }

    @Test
    void perEventCashIsSummedAndCapsDependOnFacts() {
        Hospitalisation a = new Hospitalisation("h", null, null, new BigDecimal("30"), null);
        Hospitalisation b = new Hospitalisation("h", null, null, new BigDecimal("500"), null);
        Worker insured = LOCAL.toBuilder()
                .medicalInsurance(MedicalInsurance.URBAN_EMPLOYEE)
                .build();
        assertEquals(
                new BigDecimal("80.00"),
                decide(new Situation(insured, List.of(a, b), List.of()), IN_PERIOD, "TEST_STAY_CASH")
                        .amount());
        Decision unknownInsurance = decide(new Situation(LOCAL, List.of(b), List.of()), IN_PERIOD, "TEST_STAY_CASH");
        assertEquals(Status.NEEDS_INFO, unknownInsurance.status(), "the cap differs by insurance type");
        assertEquals(List.of("medical_insurance"), unknownInsurance.missing());
    }

    @Test
    void employerRangesAreReportedUntilAScheduleSettlesThem(@TempDir Path dir) throws Exception {
        String rule = """

                rule "employer aid: range"
                    @benefit("TEST_EMPLOYER_AID") @source("TEST-1") @clause("2000至6000元不等") @zh("金额区间") @en("amount range")
                when
                    Profile()
                    eval( !params.has("aid.schedule") )
                then
                    verdict.payRange(params.money("aid.min"), params.money("aid.max"));
                end

                rule "employer aid: schedule"
                    @benefit("TEST_EMPLOYER_AID") @source("TEST-1") @clause("按就读阶段") @zh("按表") @en("by schedule")
                when
                    $w : Profile()
                    eval( params.has("aid.schedule") )
                then
                    verdict.payUpTo(null, new AmountField("x", null), params.moneyBy("aid.schedule", $w.medicalInsurance()));
                end
                """;
        Path folder = TestRegions.copy(
                dir,
                "rules.drl",
                t -> t.replace(
                                "import org.nuanxin.rules.Truth;",
                                "import org.nuanxin.rules.Truth;\nimport org.nuanxin.rules.AmountField;")
                        + rule);
        java.nio.file.Files.writeString(
                folder.resolve("benefits.yaml"),
                java.nio.file.Files.readString(folder.resolve("benefits.yaml"))
                        + "  - {code: TEST_EMPLOYER_AID, name_zh: 助学, name_en: School aid, kind: CASH, clause: x,"
                        + " provider: EMPLOYER, provider_name: 测试快递}\n");
        Path params = folder.resolve("parameters.yaml");
        java.nio.file.Files.writeString(
                params,
                java.nio.file.Files.readString(params)
                        + "aid.min: {type: money, values: {2025-01-01: 2000.00}, source: TEST-1}\n"
                        + "aid.max: {type: money, values: {2025-01-01: 6000.00}, source: TEST-1}\n");
        Nuanxin ranged =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        Decision range = ranged.assess("testland", LOCAL, IN_PERIOD)
                .decision("TEST_EMPLOYER_AID")
                .orElseThrow();
        assertEquals(Status.ELIGIBLE, range.status());
        assertNull(range.amount());
        assertEquals(new BigDecimal("2000.00"), range.amountMin());
        assertEquals(new BigDecimal("6000.00"), range.amountMax());
        assertEquals(Benefit.Provider.EMPLOYER, range.benefit().provider());
        assertTrue(range.benefit().toString().contains("employer: 测试快递"), range.benefit()::toString);
        assertTrue(ENGINE.assess("testland", LOCAL, IN_PERIOD).toJson().contains("\"provider\": \"UNION\""));

        java.nio.file.Files.writeString(
                params,
                java.nio.file.Files.readString(params)
                        + "aid.schedule: {type: money_table, values: {2025-01-01: {URBAN_EMPLOYEE: 3500.00, URBAN_RURAL_RESIDENT: 3500.00,"
                        + " NONE: 3500.00}}, source: TEST-1}\n");
        Decision settled = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(folder)
                .build()
                .assess("testland", LOCAL, IN_PERIOD)
                .decision("TEST_EMPLOYER_AID")
                .orElseThrow();
        assertEquals(new BigDecimal("3500.00"), settled.amount());
        assertNull(settled.amountMin());
    }

    @Test
    void unknownRegionIsAnInputErrorListingTheKnownOnes() {
        UnknownRegionException e =
                assertThrows(UnknownRegionException.class, () -> ENGINE.assess("atlantis", LOCAL, IN_PERIOD));
        assertEquals("region", e.field());
        assertTrue(e.getMessage().contains("testland"));
        assertThrows(InvalidInputException.class, () -> ENGINE.assess("testland", LOCAL, null));
    }

    @Test
    void birthDateAfterTheAssessmentDateIsAnInputError() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> ENGINE.assess(
                        "testland",
                        LOCAL.toBuilder().birthDate(LocalDate.of(2030, 1, 1)).build(),
                        IN_PERIOD));
        assertEquals("birth_date", e.field());
    }

    @Test
    void ruleWithoutCitationIsABuildErrorNamingFileAndRule(@TempDir Path dir) {
        Path folder = TestRegions.copy(dir, "rules.drl", t -> t.replace("@clause(\"服务\")", ""));
        RuleBuildException e = assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
        RuleProblem p = e.problems().get(0);
        assertEquals("rules.drl", p.file());
        assertEquals("service", p.rule());
        assertTrue(p.message().contains("@clause"), p.message());
    }

    @Test
    void syntaxErrorIsReportedAtTheAuthorsLine(@TempDir Path dir) {
        Path folder = TestRegions.copy(dir, "rules.drl", t -> t.replace("    not Stay()\n", "    not Stay( \n"));
        RuleBuildException e = assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
        RuleProblem p = e.problems().get(0);
        assertEquals("rules.drl", p.file());
        assertTrue(p.line() >= 61 && p.line() <= 71, "line " + p.line() + " of " + e.problems());
    }

    @Test
    void benefitThatNoRuleDecidesIsABuildError(@TempDir Path dir) {
        Path folder = TestRegions.copy(
                dir,
                "benefits.yaml",
                t -> t + "  - {code: TEST_ORPHAN, name_zh: 孤, name_en: Orphan, kind: SERVICE, clause: x}\n");
        RuleBuildException e = assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
        assertTrue(e.getMessage().contains("TEST_ORPHAN"), e.getMessage());
    }

    @Test
    void aRuleThatUpdatesTheFactItMatchedIsRefused(@TempDir Path dir) {
        String loop =
                "\nrule \"loop\"\n    @benefit(\"TEST_SERVICE\") @source(\"TEST-1\") @clause(\"x\") @zh(\"x\") @en(\"x\")\n"
                        + "when\n    $p : Profile()\nthen\n    update($p);\nend\n";
        Path folder = TestRegions.copy(dir, "rules.drl", t -> t + loop);
        RuleBuildException e = assertThrows(
                RuleBuildException.class,
                () -> Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build());
        assertTrue(e.getMessage().contains("update(...)") && e.getMessage().contains("\"loop\""), e.getMessage());
    }

    @Test
    void firingsPastTheLimitAreStoppedAndNamed(@TempDir Path dir) {
        String join =
                "\nrule \"every trip with every stay\"\n    @benefit(\"TEST_SERVICE\") @source(\"TEST-1\") @clause(\"x\")"
                        + " @zh(\"x\") @en(\"x\")\nwhen\n    $t : Trip()\n    $s : Stay()\nthen\n    verdict.check(Truth.TRUE);\nend\n";
        Path folder = TestRegions.copy(dir, "rules.drl", t -> t + join);
        Nuanxin engine = Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(folder)
                .maxFiringsPerAssessment(1000)
                .build();
        List<org.nuanxin.model.Event> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(new HomecomingTrip(null, TripReason.URGENT_MATTER, true, null));
        }
        for (int i = 0; i < 30; i++) {
            events.add(new org.nuanxin.model.Hospitalisation("h", null, null, null, null));
        }
        Situation many = new Situation(LOCAL, events, List.of());
        RuleExecutionException e = assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThrows(RuleExecutionException.class, () -> engine.assess("testland", many, IN_PERIOD)));
        assertTrue(e.getMessage().contains("\"every trip with every stay\""), e.getMessage());
    }

    @Test
    void failingConsequenceIsOurErrorNamingTheRule(@TempDir Path dir) {
        Path folder = TestRegions.copy(
                dir, "rules.drl", t -> t.replace("params.money(\"cap\")", "params.money(\"no_such\")"));
        Nuanxin broken =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        Situation trip = new Situation(
                LOCAL, List.of(new HomecomingTrip(null, TripReason.URGENT_MATTER, true, null)), List.of());
        RuleExecutionException e =
                assertThrows(RuleExecutionException.class, () -> broken.assess("testland", trip, IN_PERIOD));
        assertTrue(e.getMessage().contains("no_such"), e.getMessage());
    }

    @Test
    void sharedEngineGivesTheSameAnswersOnManyThreads() throws Exception {
        List<Situation> situations = List.of(
                Situation.of(LOCAL),
                Situation.of(Worker.unknown()),
                new Situation(
                        LOCAL,
                        List.of(new HomecomingTrip(null, TripReason.URGENT_MATTER, true, new BigDecimal("42"))),
                        List.of()));
        List<Assessment> expected = situations.stream()
                .map(s -> ENGINE.assess("testland", s, IN_PERIOD))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int k = i % situations.size();
                        if (!ENGINE.assess("testland", situations.get(k), IN_PERIOD)
                                .equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
