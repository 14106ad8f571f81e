package org.nuanxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nuanxin.model.Child;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.Worker;

class BatchAssessorTest {

    private static final Nuanxin ENGINE = TestRegions.testland();
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

    private static Situation random(Random r) {
        String[] cities = {"xian", "hangzhou", null};
        Worker w = Worker.builder()
                .id("W" + r.nextInt())
                .newEmploymentForm(r.nextInt(3) == 0 ? null : r.nextBoolean())
                .workCity(cities[r.nextInt(3)])
                .residenceCity(cities[r.nextInt(3)])
                .birthDate(LocalDate.of(1960 + r.nextInt(40), 1 + r.nextInt(12), 1))
                .medicalInsurance(r.nextBoolean() ? MedicalInsurance.NONE : null)
                .children(r.nextBoolean() ? List.of(new Child(LocalDate.of(2010 + r.nextInt(10), 1, 1), null)) : null)
                .build();
        List<org.nuanxin.model.Event> events = r.nextInt(10) == 0
                ? List.of(new HomecomingTrip(null, TripReason.URGENT_MATTER, true, new BigDecimal("42.00")))
                : List.of();
        return new Situation(w, events, List.of());
    }

    @Test
    void aBatchDecidesExactlyAsSingleAssessmentsDoAndReusesDecisions() {
        BatchAssessor batch = ENGINE.batch("testland", AS_OF);
        Random r = new Random(7);
        for (int i = 0; i < 3000; i++) {
            Situation s = random(r);
            assertEquals(ENGINE.assess("testland", s, AS_OF), batch.assess(s), "worker " + i + " (seed 7)");
        }
        assertTrue(
                batch.cachedDecisions() > 0 && batch.cachedDecisions() < 100,
                "3,000 workers but few distinct facts read: " + batch);
    }

    @Test
    void inputErrorsAreRaisedOnEveryWorkerCachedOrNot() {
        BatchAssessor batch = ENGINE.batch("testland", AS_OF);
        Worker w = Worker.builder().newEmploymentForm(true).workCity("xian").build();
        batch.assess(Situation.of(w));
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> batch.assess(Situation.of(
                        w.toBuilder().birthDate(LocalDate.of(2030, 1, 1)).build())));
        assertEquals("birth_date", e.field());
    }
}
