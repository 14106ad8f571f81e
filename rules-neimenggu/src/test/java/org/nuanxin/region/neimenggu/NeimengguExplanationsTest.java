package org.nuanxin.region.neimenggu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.BenefitKind;
import org.nuanxin.Decision;
import org.nuanxin.Parameter;
import org.nuanxin.Status;
import org.nuanxin.model.Gender;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Places;
import org.nuanxin.model.Worker;
import org.nuanxin.testing.ScenarioSuite;

/**
 * What scenario files cannot check: the reasons' wording where the catalogue prescribes it (the programme
 * not in effect, no age band for the screening, the Ordos pilot, the joining window, what joining opens),
 * that no amount or value is invented, and that the figures no rule reads are kept for reports with the
 * garbled screening subsidy flagged.
 */
class NeimengguExplanationsTest {

    private static final List<String> CODES = List.of(
            "NEIMENGGU_TWO_CANCER_SCREENING",
            "NEIMENGGU_MOBILE_HEALTH_CHECK",
            "NEIMENGGU_RECUPERATION",
            "NEIMENGGU_EDUCATION_SUPPORT",
            "NEIMENGGU_SKILLS_TRAINING",
            "NEIMENGGU_MUTUAL_AID_COVER",
            "NEIMENGGU_LEGAL_SERVICES",
            "NEIMENGGU_EMPLOYMENT_SERVICES",
            "NEIMENGGU_MEMBERSHIP_GIFT",
            "NEIMENGGU_MODEL_WORKER_QUOTA",
            "NEIMENGGU_MENTAL_HEALTH",
            "NEIMENGGU_BATTERY_SWAP");

    /** A woman rider in Ordos who joined the union in 2024: qualifies for all twelve in the period. */
    private static Worker.Builder rider() {
        return Worker.builder()
                .occupation(Occupation.FOOD_DELIVERY_RIDER)
                .newEmploymentForm(true)
                .workCity("ordos")
                .gender(Gender.FEMALE)
                .birthDate(LocalDate.of(1990, 4, 1))
                .unionMember(true)
                .unionJoinDate(LocalDate.of(2024, 2, 1));
    }

    private static Decision decide(Worker w, LocalDate asOf, String code) {
        return ScenarioSuite.decide("neimenggu", w, asOf, code);
    }

    private static String en(Decision d) {
        return ScenarioSuite.reasonsEn(d);
    }

    private static String zh(Decision d) {
        return ScenarioSuite.reasonsZh(d);
    }

    @Test
    void catalogueHasTheTwelveCodes() {
        List<String> codes = ScenarioSuite.engine().region("neimenggu").benefits().stream()
                .map(b -> b.code())
                .toList();
        assertEquals(CODES, codes);
    }

    @Test
    void everyBenefitIsGrantedInThePeriodAndCitesNm2024() {
        for (String code : CODES) {
            Decision d = decide(rider().build(), LocalDate.of(2024, 8, 16), code);
            assertEquals(Status.ELIGIBLE, d.status(), code + ": " + en(d));
            assertTrue(d.reasons().stream().allMatch(r -> r.source().equals("NM-2024")), code);
        }
    }

    @Test
    void outsideThePeriodSaysNotInEffectOnTheDate() {
        Map<LocalDate, List<String>> dates = Map.of(
                LocalDate.of(2022, 12, 31),
                List.of("31 December 2022", "2022年12月31日"),
                LocalDate.of(2026, 1, 1),
                List.of("1 January 2026", "2026年1月1日"));
        for (LocalDate asOf : dates.keySet()) {
            for (String code : CODES) {
                Decision d = decide(rider().build(), asOf, code);
                assertEquals(Status.NOT_ELIGIBLE, d.status(), code);
                assertTrue(
                        en(d).contains("programme not in effect on "
                                + dates.get(asOf).get(0)),
                        code + ": " + en(d));
                assertTrue(zh(d).contains("评估日" + dates.get(asOf).get(1) + "不在实施期内"), code + ": " + zh(d));
                assertTrue(d.reasons().stream().allMatch(r -> r.source().equals("NM-2024")), code);
            }
        }
    }

    @Test
    void noBenefitReportsAnAmountOrValue() {
        Assessment a = ScenarioSuite.engine().assess("neimenggu", rider().build(), LocalDate.of(2024, 8, 16));
        for (Decision d : a.decisions()) {
            assertNull(d.amount(), d.code());
            assertNull(d.amountMin(), d.code());
            assertNull(d.amountMax(), d.code());
            assertNull(d.value(), d.code());
        }
    }

    @Test
    void screeningSaysTheSourceStatesNoAgeBandAndGivesThePlaces() {
        Decision d = decide(
                rider().birthDate(LocalDate.of(1950, 1, 1)).unionMember(false).build(),
                LocalDate.of(2024, 3, 8),
                "NEIMENGGU_TWO_CANCER_SCREENING");
        assertEquals(Status.ELIGIBLE, d.status());
        assertTrue(en(d).contains("the source states no age band"), en(d));
        assertTrue(en(d).contains("10000 places"), en(d));
        assertTrue(zh(d).contains("原文未规定年龄段") && zh(d).contains("10000个名额"), zh(d));
    }

    @Test
    void screeningRefusedForAManSaysItIsForWomen() {
        Decision d =
                decide(rider().gender(Gender.MALE).build(), LocalDate.of(2024, 3, 8), "NEIMENGGU_TWO_CANCER_SCREENING");
        assertEquals(Status.NOT_ELIGIBLE, d.status());
        assertTrue(en(d).contains("for women"), en(d));
    }

    @Test
    void batterySwapNamesTheKangbashiPilot() {
        Decision d = decide(rider().build(), LocalDate.of(2024, 8, 16), "NEIMENGGU_BATTERY_SWAP");
        assertEquals(Status.ELIGIBLE, d.status());
        assertTrue(zh(d).contains("鄂尔多斯市康巴什区蒙欣广场") && zh(d).contains("12个充电仓"), zh(d));
        assertTrue(en(d).contains("Kangbashi") && en(d).contains("no opening date"), en(d));
        assertTrue(zh(d).contains("在鄂尔多斯市工作"), zh(d));
    }

    @Test
    void batterySwapRefusedInBaotouAndHohhotSaysOrdos() {
        for (String city : List.of("baotou", "hohhot")) {
            Decision d = decide(rider().workCity(city).build(), LocalDate.of(2024, 8, 16), "NEIMENGGU_BATTERY_SWAP");
            assertEquals(Status.NOT_ELIGIBLE, d.status(), city);
            assertTrue(en(d).contains("does not work in Ordos"), city + ": " + en(d));
            assertTrue(zh(d).contains("工作地" + Places.standard().city("x", city).nameZh() + "不在鄂尔多斯市"), zh(d));
            assertTrue(d.reasons().stream().allMatch(r -> r.rule().equals("NM 智能换电柜：在鄂尔多斯工作")), city);
        }
    }

    @Test
    void membershipGiftBeforeTheWindowSaysTheWindow() {
        Decision d = decide(
                rider().unionJoinDate(LocalDate.of(2022, 12, 31)).build(),
                LocalDate.of(2024, 8, 16),
                "NEIMENGGU_MEMBERSHIP_GIFT");
        assertEquals(Status.NOT_ELIGIBLE, d.status());
        assertTrue(en(d).contains("did not join the union between 1 January 2023 and 31 December 2025"), en(d));
        assertTrue(zh(d).contains("入会日期不在2023年1月1日至2025年12月31日之间"), zh(d));
    }

    @Test
    void membershipGiftWithUnknownJoinDateAsksForIt() {
        Decision d =
                decide(rider().unionJoinDate(null).build(), LocalDate.of(2024, 8, 16), "NEIMENGGU_MEMBERSHIP_GIFT");
        assertEquals(Status.NEEDS_INFO, d.status());
        assertEquals(List.of("union_join_date"), d.missing());
        assertTrue(en(d).contains("Needs: date you joined the union; to check: "), en(d));
        assertTrue(zh(d).contains("需补充：加入工会的日期；用于判断："), zh(d));
    }

    @Test
    void nonMemberIsToldJoiningOpensTheMutualAidCover() {
        Decision d = decide(
                rider().unionMember(false).unionJoinDate(null).build(),
                LocalDate.of(2024, 8, 16),
                "NEIMENGGU_MUTUAL_AID_COVER");
        assertEquals(Status.NOT_ELIGIBLE, d.status());
        assertTrue(en(d).contains("joining the union opens it") && en(d).contains("NEIMENGGU_MEMBERSHIP_GIFT"), en(d));
    }

    @Test
    void mutualAidCoverIsAReferralWithoutTerms() {
        Decision d = decide(rider().build(), LocalDate.of(2024, 8, 16), "NEIMENGGU_MUTUAL_AID_COVER");
        assertEquals(Status.ELIGIBLE, d.status());
        assertEquals(BenefitKind.REFERRAL, d.benefit().kind());
        assertTrue(en(d).contains("referred to the union's workers' mutual-aid cover"), en(d));
        assertNull(d.value());
    }

    @Test
    void reportFiguresAreKeptWithUsedByAndTheGarbledSubsidyIsFlagged() {
        Map<String, Parameter> params =
                ScenarioSuite.engine().region("neimenggu").parameters();
        assertEquals(0, new BigDecimal("50000000").compareTo((BigDecimal)
                        params.get("budget.invested_2023").value()));
        assertEquals(0, new BigDecimal("30000000").compareTo((BigDecimal)
                        params.get("budget.invested_2024").value()));
        assertEquals(2219, params.get("union_stations.count").value());
        assertEquals(10000, params.get("two_cancer.places").value());
        for (String key : List.of(
                "budget.invested_2023",
                "budget.invested_2024",
                "budget.hohhot_inclusive_events",
                "union_stations.count",
                "two_cancer.subsidy",
                "two_cancer.places")) {
            assertFalse(params.get(key).usedBy().isBlank(), key);
        }
        assertTrue(params.get("two_cancer.subsidy").note().contains("SOURCE DEFECT"));
    }
}
