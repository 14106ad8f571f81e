package org.nuanxin.model;

import java.time.LocalDate;
import java.util.ArrayList;
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

    /**
     * The situation as it stood on {@code day}, the assessment's one rule for every dated element: an
     * event dated after {@code day} had not happened (a stay is dated by its admission, else its
     * discharge; a stay still going on that day has no discharge yet), a claim dated after it was not
     * yet granted, and the worker is {@linkplain Worker#seenOn seen on that day} too (children,
     * certificates, union membership). Undated elements stay: rules date them by the assessment date.
     * The engine applies this to every assessment, so a host may pass its whole ledger and assess any
     * date (an audit, an appeal, a replay).
     *
     * @return this situation when nothing in it lies after {@code day}
     */
    public Situation seenOn(LocalDate day) {
        Worker w = worker.seenOn(day);
        List<Event> happened = Worker.keep(events, Event::date, day);
        List<Event> asThen = happened;
        for (int i = 0; i < happened.size(); i++) {
            if (happened.get(i) instanceof Hospitalisation h
                    && h.dischargeDate() != null
                    && h.dischargeDate().isAfter(day)) {
                if (asThen == happened) {
                    asThen = new ArrayList<>(happened);
                }
                asThen.set(
                        i,
                        new Hospitalisation(h.hospital(), h.admissionDate(), null, h.outOfPocketCost(), h.mealCost()));
            }
        }
        List<Claim> granted = Worker.keep(claims, Claim::date, day);
        if (w == worker && asThen == events && granted == claims) {
            return this;
        }
        return new Situation(w, asThen, granted);
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
