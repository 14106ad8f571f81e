package org.nuanxin.model;

/**
 * Something that happened to the worker and may trigger a benefit: a trip home, a hospitalisation,
 * unpaid wages. Events left out mean none: an event-triggered benefit with no matching event is not
 * due. Every field of an event may be unknown ({@code null}).
 */
public sealed interface Event permits HomecomingTrip, Hospitalisation, WageArrears {

    /** The event type as scenario files name it ({@code HOMECOMING_TRIP}). */
    String type();

    /**
     * The day the event is dated by, {@code null} when unknown: a trip's or arrears' date, a stay's
     * admission date, else its discharge date. An event dated after the assessment date has not
     * happened yet ({@link Situation#seenOn}).
     */
    java.time.LocalDate date();
}
