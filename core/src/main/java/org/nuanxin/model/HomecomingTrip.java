package org.nuanxin.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A trip home (返乡).
 *
 * @param date           the day of travel
 * @param reason         why the worker travels
 * @param unionCertified whether the grassroots union certified the trip (经基层工会证明)
 * @param ticketCost     the round-trip ticket cost in CNY
 */
public record HomecomingTrip(LocalDate date, TripReason reason, Boolean unionCertified, BigDecimal ticketCost)
        implements Event {

    /** @throws org.nuanxin.InvalidInputException naming {@code ticket_cost} when negative or finer than a fen */
    public HomecomingTrip {
        ticketCost = Money.of("ticket_cost", ticketCost);
    }

    @Override
    public String type() {
        return "HOMECOMING_TRIP";
    }
}
