package org.nuanxin.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything assessed about one worker: the profile, the events that may trigger benefits and the
 * benefits already granted. Events and claims left out mean none.
 *
 * @param worker the profile
 * @param events trips, hospitalisations, wage arrears
 * @param claims benefits granted before the as-of date
 */
public record Situation(Worker worker, List<Event> events, List<Claim> claims) {

    public Situation {
        Objects.requireNonNull(worker, "worker");
        events = events == null ? List.of() : List.copyOf(events);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** A worker with no events and no claims. */
    public static Situation of(Worker worker) {
        return new Situation(worker, List.of(), List.of());
    }

    /** Says what the situation holds, never personal values. */
    @Override
    public String toString() {
        return "Situation[" + worker + ", " + events.size() + " event(s), " + claims.size() + " claim(s)]";
    }
}
