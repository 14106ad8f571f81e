package org.nuanxin.model;

import java.util.List;
import org.nuanxin.InvalidInputException;

/**
 * Everything assessed about one worker: the profile, the events that may trigger benefits and the
 * benefits already granted. Events and claims left out mean none.
 *
 * @param worker the profile
 * @param events trips, hospitalisations, wage arrears
 * @param claims benefits granted before the as-of date
 */
public record Situation(Worker worker, List<Event> events, List<Claim> claims) {

    /** @throws InvalidInputException naming the field when the worker or an event or claim is missing */
    public Situation {
        if (worker == null) {
            throw new InvalidInputException(
                    "worker", "a situation has a worker (Worker.unknown() when nothing is known)");
        }
        events = copy("events", events);
        claims = copy("claims", claims);
    }

    private static <T> List<T> copy(String field, List<T> list) {
        if (list == null) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidInputException(field + "[" + i + "]", "is null; leave it out instead");
            }
        }
        return List.copyOf(list);
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
