package org.nuanxin.rules;

import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.TripReason;

/** A trip home as rules see it; one fact per HOMECOMING_TRIP event. */
public final class Trip {

    private final HomecomingTrip trip;
    private final int index;

    public Trip(HomecomingTrip trip, int index) {
        this.trip = trip;
        this.index = index;
    }

    /** Position of the event in the worker's event list. */
    public int index() {
        return index;
    }

    public DateField date() {
        return new DateField("events.date", trip.date());
    }

    public Field<TripReason> reason() {
        return new Field<>("events.reason", trip.reason());
    }

    public Flag unionCertified() {
        return new Flag("events.union_certified", trip.unionCertified());
    }

    public AmountField ticketCost() {
        return new AmountField("events.ticket_cost", trip.ticketCost());
    }

    @Override
    public String toString() {
        return "Trip[events[" + index + "]]";
    }
}
