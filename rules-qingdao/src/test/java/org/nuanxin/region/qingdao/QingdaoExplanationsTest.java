package org.nuanxin.region.qingdao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Status;
import org.nuanxin.model.Gender;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Worker;
import org.nuanxin.testing.ScenarioSuite;

/**
 * What scenario files cannot check: the reasons' wording where the catalogue prescribes it (the
 * ended programme, A-QD-1, A-QD-2, what joining the union unlocks) and that no amount is invented.
 */
class QingdaoExplanationsTest {

    private static final List<String> CODES = List.of(
            "QINGDAO_MUTUAL_AID_GIFT",
            "QINGDAO_MEDICAL_MUTUAL_AID_SUBSIDY",
            "QINGDAO_TWO_CANCER_SCREENING",
            "QINGDAO_FREE_HEALTH_CHECK",
            "QINGDAO_RECUPERATION_PRIORITY",
            "QINGDAO_CARE_VISITS",
            "QINGDAO_HARDSHIP_ASSISTANCE",
            "QINGDAO_MENTAL_HEALTH_SERVICES",
            "QINGDAO_EDUCATION_UPGRADE",
            "QINGDAO_SKILLS_AND_JOBS",
            "QINGDAO_LEGAL_AID",
            "QINGDAO_SERVICE_STATIONS",
            "QINGDAO_JOIN_UNION");

    private static Worker.Builder member() {
        return Worker.builder()
                .newEmploymentForm(true)
                .workCity("qingdao")
                .unionMember(true)
                .gender(Gender.FEMALE)
                .birthDate(LocalDate.of(1980, 5, 20))
                .medicalInsurance(MedicalInsurance.URBAN_EMPLOYEE)
                .hardship(true);
    }

    private static Decision decide(Worker w, LocalDate asOf, String code) {
        return ScenarioSuite.decide("qingdao", w, asOf, code);
    }

    private static String en(Decision d) {
        return ScenarioSuite.reasonsEn(d);
    }

    private static String zh(Decision d) {
        return ScenarioSuite.reasonsZh(d);
    }

    @Test
    void catalogueHasTheThirteenCodes() {
        List<String> codes = ScenarioSuite.engine().region("qingdao").benefits().stream()
                .map(b -> b.code())
                .toList();
        assertEquals(CODES, codes);
    }

    @Test
    void endedProgrammeSaysNotInEffectOnTheDate() {
        LocalDate asOf = LocalDate.of(2024, 6, 15);
        for (String code : CODES) { // joining included: no Qingdao benefit is standing
            Decision d = decide(member().unionMember(false).build(), asOf, code);
            assertEquals(Status.NOT_ELIGIBLE, d.status(), code);
            assertTrue(en(d).contains("programme not in effect on 15 June 2024"), code + ": " + en(d));
            assertTrue(d.reasons().stream().allMatch(r -> r.source().equals("QD-2021")), code);
        }
    }

    @Test
    void joinUnionNamesWhatItUnlocks() {
        Decision d = decide(member().unionMember(false).build(), LocalDate.of(2022, 6, 15), "QINGDAO_JOIN_UNION");
        assertEquals(Status.ELIGIBLE, d.status());
        // named as a worker knows them, not by their codes
        assertTrue(en(d).contains("mutual-aid cover gift") && en(d).contains("two-cancer screening"), en(d));
        assertTrue(zh(d).contains("赠送互助保障计划") && zh(d).contains("“两癌”筛查"), zh(d));
        assertFalse(en(d).contains("QINGDAO_") || zh(d).contains("QINGDAO_"), "no benefit code in a worker's sentence");
    }

    @Test
    void mutualAidGiftExplainsTheWomensCoverReading() {
        Decision d = decide(member().build(), LocalDate.of(2022, 3, 1), "QINGDAO_MUTUAL_AID_GIFT");
        assertEquals(Status.ELIGIBLE, d.status());
        assertTrue(en(d).contains("A-QD-1") && en(d).contains("instead of the accident cover"), en(d));
        assertTrue(zh(d).contains("女职工特殊疾病互助保障代替意外伤害互助保障"), zh(d));
        assertNull(d.amount());
        assertNull(d.value());
    }

    @Test
    void educationUpgradeSaysTheUnionAssessesWillingnessAndAbility() {
        Decision d = decide(
                Worker.builder().newEmploymentForm(true).workCity("qingdao").build(),
                LocalDate.of(2022, 3, 1),
                "QINGDAO_EDUCATION_UPGRADE");
        assertEquals(Status.ELIGIBLE, d.status());
        assertTrue(en(d).contains("the union assesses willingness and ability") && en(d).contains("A-QD-2"), en(d));
        assertTrue(zh(d).contains("有意愿、有能力"), zh(d));
    }

    @Test
    void noBenefitReportsAnAmountOrValue() {
        Assessment a = ScenarioSuite.engine().assess("qingdao", member().build(), LocalDate.of(2022, 3, 1));
        for (Decision d : a.decisions()) {
            assertNull(d.amount(), d.code());
            assertNull(d.value(), d.code());
        }
    }

    @Test
    void nonMemberIsToldJoiningUnlocksTheGift() {
        Decision d = decide(member().unionMember(false).build(), LocalDate.of(2022, 3, 1), "QINGDAO_MUTUAL_AID_GIFT");
        assertEquals(Status.NOT_ELIGIBLE, d.status());
        assertTrue(en(d).contains("QINGDAO_JOIN_UNION"), en(d));
    }
}
