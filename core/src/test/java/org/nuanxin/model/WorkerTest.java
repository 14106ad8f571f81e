package org.nuanxin.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.nuanxin.InvalidInputException;

class WorkerTest {

    @Test
    void workProvinceIsDerivedFromTheWorkCity() {
        Worker w = Worker.builder().workCity("cixi").build();
        assertEquals("330000", w.workProvince().code());
        assertNull(Worker.unknown().workProvince());
    }

    @Test
    void workProvinceMustContainTheWorkCity() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> Worker.builder().workCity("xian").workProvince("henan").build());
        assertEquals("work_province", e.field());
    }

    @Test
    void toStringNamesKnownFieldsButNoValues() {
        Worker w = Worker.builder()
                .id("ID-110101199003077777")
                .birthDate(LocalDate.of(1990, 3, 7))
                .hukouProvince("henan")
                .employer("Canary Express")
                .build();
        String s = w.toString();
        assertTrue(s.contains("birth_date") && s.contains("hukou_province"), s);
        assertFalse(s.contains("110101") || s.contains("1990") || s.contains("henan") || s.contains("Canary"), s);
    }

    @Test
    void moneyIsExactToTheFen() {
        assertEquals(
                new BigDecimal("356.50"), new HomecomingTrip(null, null, null, new BigDecimal("356.5")).ticketCost());
        InvalidInputException negative = assertThrows(
                InvalidInputException.class, () -> new HomecomingTrip(null, null, null, new BigDecimal("-1")));
        assertEquals("ticket_cost", negative.field());
        assertThrows(InvalidInputException.class, () -> Money.parse("meal_cost", "1.005"));
        assertThrows(InvalidInputException.class, () -> Money.parse("meal_cost", "abc"));
        assertEquals(new BigDecimal("200.00"), Money.upTo(null, new BigDecimal("200.00")));
        assertEquals(new BigDecimal("150.00"), Money.upTo(new BigDecimal("150.00"), new BigDecimal("200.00")));
    }

    @Test
    void dischargeBeforeAdmissionIsAnInputError() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> new Hospitalisation("x", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1), null, null));
        assertEquals("discharge_date", e.field());
        assertFalse(new Hospitalisation("secret hospital", null, null, null, null)
                .toString()
                .contains("secret"));
    }
}
