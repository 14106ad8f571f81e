package org.nuanxin.model;

/**
 * Something that happened to the worker and may trigger a benefit: a trip home, a hospitalisation,
 * unpaid wages. Events left out mean none: an event-triggered benefit with no matching event is not
 * due. Every field of an event may be unknown ({@code null}).
 */
public sealed interface Event permits HomecomingTrip, Hospitalisation, WageArrears {

    /** The event type as scenario files name it ({@code HOMECOMING_TRIP}). */
    String type();
}
