package org.nuanxin.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.model.Claim;

class ContextTest {

    private static Context on(String day, Claim... claims) {
        return new Context(LocalDate.parse(day), List.of(claims));
    }

    @Test
    void periodsIncludeTheirFirstAndLastDay() {
        LocalDate first = LocalDate.of(2025, 9, 1);
        LocalDate last = LocalDate.of(2028, 9, 30);
        assertEquals(Truth.FALSE, on("2025-08-31").inEffect(first, last));
        assertEquals(Truth.TRUE, on("2025-09-01").inEffect(first, last));
        assertEquals(Truth.TRUE, on("2028-09-30").inEffect(first, last));
        assertEquals(Truth.FALSE, on("2028-10-01").inEffect(first, last));
    }

    @Test
    void seasonsRecurEveryYearAndMayWrapTheYearEnd() {
        MonthDay june = MonthDay.of(6, 1);
        MonthDay september = MonthDay.of(9, 30);
        assertEquals(Truth.FALSE, on("2024-05-31").inSeason(june, september));
        assertEquals(Truth.TRUE, on("2024-06-01").inSeason(june, september));
        assertEquals(Truth.TRUE, on("2031-09-30").inSeason(june, september));
        assertEquals(Truth.FALSE, on("2024-10-01").inSeason(june, september));
        assertEquals(Truth.TRUE, on("2025-01-15").inSeason(MonthDay.of(12, 1), MonthDay.of(2, 28)));
        assertEquals(Truth.FALSE, on("2025-03-01").inSeason(MonthDay.of(12, 1), MonthDay.of(2, 28)));
    }

    @Test
    void onceAYearCountsClaimsOfTheSameCalendarYearOnly() {
        Context c =
                on("2026-01-02", new Claim("X", LocalDate.of(2025, 12, 31)), new Claim("Y", LocalDate.of(2026, 1, 1)));
        assertEquals(Truth.TRUE, c.noClaimInYear("X", c.asOf()));
        assertEquals(Truth.FALSE, c.noClaimInYear("Y", c.asOf()));
        assertEquals(Truth.FALSE, c.noClaimBetween("X", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
    }
}
