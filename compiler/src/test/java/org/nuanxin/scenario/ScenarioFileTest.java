package org.nuanxin.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nuanxin.MalformedFileException;
import org.nuanxin.Status;
import org.nuanxin.TestRegions;

class ScenarioFileTest {

    private static final String GOOD = """
            region: testland
            cases:
              - name: urgent trip
                as_of: 2025-06-01
                worker: {new_employment_form: true, work_city: xian, hukou_province: henan}
                events:
                  - {type: HOMECOMING_TRIP, reason: URGENT_MATTER, union_certified: true, ticket_cost: 356.50}
                expect:
                  TEST_TRIP_CASH: {status: ELIGIBLE, amount: 100.00}
                  TEST_SERVICE: ELIGIBLE
                  TEST_STAY_CASH: NOT_ELIGIBLE
              - name: nothing known
                as_of: 2025-06-01
                worker: {}
                expect:
                  TEST_SERVICE: {status: NEEDS_INFO, missing: [work_city, new_employment_form, residence_city]}
            """;

    private static MalformedFileException malformed(String text) {
        return assertThrows(MalformedFileException.class, () -> ScenarioFile.parse("f.yaml", text));
    }

    @Test
    void parsesCasesWithExactAmounts() {
        ScenarioFile f = ScenarioFile.parse("f.yaml", GOOD);
        assertEquals(2, f.cases().size());
        Expectation trip = f.cases().get(0).expectations().get(0);
        assertEquals(new BigDecimal("100.00"), trip.amount());
        assertEquals(Status.ELIGIBLE, trip.status());
        assertNull(f.cases().get(1).situation().worker().workCity());
        assertEquals(
                Set.of("work_city", "new_employment_form", "residence_city"),
                f.cases().get(1).expectations().get(0).missing());
    }

    @Test
    void runnerPassesTheGoodFileAndReportsMismatches() {
        ScenarioRunner runner = new ScenarioRunner(TestRegions.testland());
        ScenarioFile f = ScenarioFile.parse("f.yaml", GOOD);
        runner.check(f);
        assertTrue(f.cases().stream().map(runner::run).allMatch(ScenarioRunner.CaseResult::passed));
        ScenarioFile wrong = ScenarioFile.parse("f.yaml", GOOD.replace("amount: 100.00", "amount: 99.99"));
        ScenarioRunner.CaseResult r = runner.run(wrong.cases().get(0));
        assertEquals(1, r.mismatches().size());
        assertEquals("ELIGIBLE amount=99.99", r.mismatches().get(0).expected());
        assertEquals("ELIGIBLE amount=100.00", r.mismatches().get(0).actual());
    }

    @Test
    void unknownBenefitCodeIsAnErrorInTheFileWithItsLine() {
        ScenarioRunner runner = new ScenarioRunner(TestRegions.testland());
        ScenarioFile f = ScenarioFile.parse("f.yaml", GOOD.replace("TEST_SERVICE: ELIGIBLE", "TEST_SERVIS: ELIGIBLE"));
        MalformedFileException e = assertThrows(MalformedFileException.class, () -> runner.check(f));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("TEST_SERVIS"), e.getMessage());
    }

    @Test
    void syntaxErrorsHaveFileAndLine() {
        MalformedFileException e = malformed("region: testland\ncases:\n  - name: [unclosed\n    as_of: 2025-01-01\n");
        assertEquals("f.yaml", e.file());
        assertTrue(e.line() >= 3, "line " + e.line());
    }

    @Test
    void badValuesNameTheirField() {
        MalformedFileException place = malformed(GOOD.replace("work_city: xian", "work_city: xain"));
        assertTrue(place.field().endsWith("cases[0].worker.work_city"), place.field());
        assertEquals(5, place.line());
        MalformedFileException enumValue = malformed(GOOD.replace("URGENT_MATTER", "URGENT"));
        assertTrue(enumValue.getMessage().contains("MAJOR_MATTER"), "lists the accepted values");
        MalformedFileException date = malformed(GOOD.replace("as_of: 2025-06-01", "as_of: 2025-13-01"));
        assertTrue(date.field().endsWith("as_of"), date.field());
        MalformedFileException cost = malformed(GOOD.replace("356.50", "-1"));
        assertTrue(cost.field().endsWith("ticket_cost"), cost.field());
        MalformedFileException bool = malformed(GOOD.replace("new_employment_form: true", "new_employment_form: yes"));
        assertTrue(bool.field().endsWith("new_employment_form"), bool.field());
        MalformedFileException typo = malformed(GOOD.replace("work_city: xian", "work_cty: xian"));
        assertTrue(typo.field().endsWith("work_cty"), typo.field());
    }

    @Test
    void duplicateCaseNamesAreAnError() {
        MalformedFileException e = malformed(GOOD.replace("name: nothing known", "name: urgent trip"));
        assertTrue(e.getMessage().contains("duplicate"), e.getMessage());
    }

    @Test
    void workerFilesMayBeBareWorkersInJson() {
        WorkerFile w = WorkerFile.parse("w.json", "{\"occupation\": \"COURIER\", \"work_city\": \"610100\"}");
        assertEquals("610100", w.situation().worker().workCity().code());
        assertNull(w.region());
    }
}
