package org.nuanxin.region.xinjiang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Status;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Worker;
import org.nuanxin.testing.ScenarioSuite;

/**
 * What scenario files cannot check: who runs each programme (the SF items are the employer's own, not the
 * union's), the wording of ranges (A-XJ-1), of the Hami campaign's start, and that no value is invented.
 */
class XinjiangExplanationsTest {

    private static final List<String> CODES = List.of(
            "XINJIANG_UNION_STATION",
            "XINJIANG_HAMI_MOBILE_HEALTH_CHECK",
            "XINJIANG_SF_SCHOOL_AID",
            "XINJIANG_SF_CERTIFICATE_AWARD");

    private static final LocalDate AUTUMN_2025 = LocalDate.of(2025, 9, 10);

    private static Worker.Builder sfCourier() {
        return Worker.builder()
                .occupation(Occupation.COURIER)
                .employer("SF_EXPRESS")
                .workCity("urumqi")
                .hardship(true)
                .children(List.of(new Child(LocalDate.of(2014, 3, 2), SchoolStage.PRIMARY)))
                .employmentStartDate(LocalDate.of(2017, 5, 1))
                .integrityDeductions(false)
                .certificates(List.of(new Certificate(CertificateKind.SKILL, LocalDate.of(2024, 12, 1))));
    }

    private static Decision decide(Worker w, LocalDate asOf, String code) {
        return ScenarioSuite.decide("xinjiang", w, asOf, code);
    }

    private static String en(Decision d) {
        return ScenarioSuite.reasonsEn(d);
    }

    private static String zh(Decision d) {
        return ScenarioSuite.reasonsZh(d);
    }

    @Test
    void catalogueHasTheFourCodes() {
        List<String> codes = ScenarioSuite.engine().region("xinjiang").benefits().stream()
                .map(Benefit::code)
                .toList();
        assertEquals(CODES, codes);
    }

    @Test
    void sfItemsAreTheEmployersOwnProgrammes() {
        for (Benefit b : ScenarioSuite.engine().region("xinjiang").benefits()) {
            if (b.code().startsWith("XINJIANG_SF_")) {
                assertEquals(Benefit.Provider.EMPLOYER, b.provider(), b.code());
                assertEquals("顺丰速运 (SF Express)", b.providerName(), b.code());
            } else {
                assertEquals(Benefit.Provider.UNION, b.provider(), b.code());
                assertTrue(b.providerName().endsWith("总工会"), b.code() + ": " + b.providerName());
            }
        }
        for (String code : List.of("XINJIANG_SF_SCHOOL_AID", "XINJIANG_SF_CERTIFICATE_AWARD")) {
            Decision d = decide(sfCourier().build(), AUTUMN_2025, code);
            assertEquals(Status.ELIGIBLE, d.status(), code);
            assertTrue(en(d).contains("SF Express's own programme") && en(d).contains("not the union's"), en(d));
            assertTrue(zh(d).contains("顺丰速运（用工企业）为本企业员工自办") && zh(d).contains("不是工会的权益"), zh(d));
        }
    }

    @Test
    void schoolAidReportsTheRangeWithoutAnAmount() {
        Decision d = decide(sfCourier().build(), AUTUMN_2025, "XINJIANG_SF_SCHOOL_AID");
        assertEquals(Status.ELIGIBLE, d.status());
        assertNull(d.amount());
        assertEquals(new BigDecimal("2000.00"), d.amountMin());
        assertEquals(new BigDecimal("6000.00"), d.amountMax());
        assertTrue(en(d).contains("A-XJ-1") && en(d).contains("CNY 2000–6000"), en(d));
        assertTrue(zh(d).contains("2000–6000元"), zh(d));
        assertTrue(en(d).contains("has a child in school"), en(d));
    }

    @Test
    void certificateAwardReportsTheRangeWithoutAnAmount() {
        Decision d = decide(sfCourier().build(), AUTUMN_2025, "XINJIANG_SF_CERTIFICATE_AWARD");
        assertNull(d.amount());
        assertEquals(new BigDecimal("2000.00"), d.amountMin());
        assertEquals(new BigDecimal("5000.00"), d.amountMax());
        assertTrue(en(d).contains("on or after 1 January 2022") && en(d).contains("at least 2 whole years"), en(d));
    }

    @Test
    void meituanRiderIsToldTheProgrammeIsSfExpresss() {
        Decision d = decide(sfCourier().employer("MEITUAN").build(), AUTUMN_2025, "XINJIANG_SF_SCHOOL_AID");
        assertEquals(Status.NOT_ELIGIBLE, d.status());
        assertTrue(en(d).contains("the employer is not SF Express"), en(d));
        assertNull(d.amountMin());
    }

    @Test
    void hamiCheckUpBeforeTheLaunchIsNotInEffect() {
        Worker rider = Worker.builder()
                .occupation(Occupation.FOOD_DELIVERY_RIDER)
                .workCity("hami")
                .build();
        Decision before = decide(rider, LocalDate.of(2024, 10, 31), "XINJIANG_HAMI_MOBILE_HEALTH_CHECK");
        assertEquals(Status.NOT_ELIGIBLE, before.status());
        assertTrue(en(before).contains("programme not in effect on 31 October 2024"), en(before));
        Decision during = decide(rider, LocalDate.of(2024, 11, 15), "XINJIANG_HAMI_MOBILE_HEALTH_CHECK");
        assertEquals(Status.ELIGIBLE, during.status());
        assertTrue(en(during).contains("200 places") && en(during).contains("the source states no value"), en(during));
        assertNull(during.value());
        assertNull(during.amount());
    }

    @Test
    void stationsNameTheDistrictAndAreStanding() {
        Decision d = decide(
                Worker.builder()
                        .occupation(Occupation.CITY_MANAGEMENT)
                        .workCity("urumqi")
                        .build(),
                LocalDate.of(2031, 1, 15),
                "XINJIANG_UNION_STATION");
        assertEquals(Status.ELIGIBLE, d.status());
        assertTrue(en(d).contains("129 union stations") && en(d).contains("standing"), en(d));
        assertTrue(zh(d).contains("乌鲁木齐市沙依巴克区"), zh(d));
    }

    @Test
    void everyReasonCitesTheSource() {
        Assessment a = ScenarioSuite.engine().assess("xinjiang", sfCourier().build(), AUTUMN_2025);
        for (Decision d : a.decisions()) {
            assertTrue(d.reasons().stream().allMatch(r -> r.source().equals("XJ-2025")), d.code());
            assertNull(d.value(), d.code());
        }
    }
}
