package org.nuanxin.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.nuanxin.model.Claim;

/**
 * The assessment's date and the worker's claim history, as the global {@code ctx} in rules. Dates
 * are calendar dates in China Standard Time; nothing here reads a clock.
 */
public final class Context {

    private final LocalDate asOf;
    private final List<Claim> claims;

    public Context(LocalDate asOf, List<Claim> claims) {
        this.asOf = asOf;
        this.claims = claims;
    }

    /** The assessment date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The assessment date lies in {@code [first, last]}: a programme period is in effect. */
    public Truth inEffect(LocalDate first, LocalDate last) {
        return Truth.of(!asOf.isBefore(first) && !asOf.isAfter(last));
    }

    /** The assessment date is on or after {@code first}: a standing facility that has opened. */
    public Truth inEffectFrom(LocalDate first) {
        return Truth.of(!asOf.isBefore(first));
    }

    /**
     * The assessment date falls in a yearly season {@code [first, last]}, e.g. June 1 to September 30;
     * a season may wrap the year end (December 1 to February 28).
     */
    public Truth inSeason(MonthDay first, MonthDay last) {
        MonthDay day = MonthDay.from(asOf);
        boolean in = first.isAfter(last)
                ? !day.isBefore(first) || !day.isAfter(last)
                : !day.isBefore(first) && !day.isAfter(last);
        return Truth.of(in);
    }

    /**
     * No claim of {@code benefit} in the calendar year of {@code day} ("once a year", A-COMMON-2).
     * The claim ledger is the host's authority, so this is always known.
     */
    public Truth noClaimInYear(String benefit, LocalDate day) {
        int year = day.getYear();
        for (Claim c : claims) {                        // a loop: rules ask this on every assessment
            if (c.benefit().equals(benefit) && c.date().getYear() == year) {
                return Truth.FALSE;
            }
        }
        return Truth.TRUE;
    }

    /**
     * No claim of {@code benefit} in the calendar year of an event's date. An undated event is taken
     * to be of the assessment date's year when no claim falls in that year; when one does, the answer
     * depends on the event's year and is unknown, naming the date's field.
     */
    public Truth noClaimInYearOf(String benefit, DateField date) {
        if (date.value() != null) {
            return noClaimInYear(benefit, date.value());
        }
        return noClaimInYear(benefit, asOf).or(Truth.unknown(date.name()));
    }

    /** No claim of {@code benefit} dated in {@code [first, last]} ("once in the programme"). */
    public Truth noClaimBetween(String benefit, LocalDate first, LocalDate last) {
        return Truth.of(claims.stream().noneMatch(c -> c.benefit().equals(benefit)
                && !c.date().isBefore(first) && !c.date().isAfter(last)));
    }

    @Override
    public String toString() {
        return "Context[as_of " + asOf + ", " + claims.size() + " claim(s)]";
    }
}
