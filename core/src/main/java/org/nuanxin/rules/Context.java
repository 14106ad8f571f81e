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

    /** The parameter keys of the programme period that {@link #inProgramme()} reads. */
    public static final String PROGRAMME_START = "programme.start";

    public static final String PROGRAMME_END = "programme.end";

    private final LocalDate asOf;
    private final List<Claim> claims;
    private final Params params;

    /** A context without parameters: {@link #inProgramme()} and {@link #withinProgramme} cannot be used. */
    public Context(LocalDate asOf, List<Claim> claims) {
        this(asOf, claims, null);
    }

    /**
     * @param asOf   the assessment date
     * @param claims the worker's claims (the host's ledger)
     * @param params the region's parameters in force on {@code asOf}, for the programme period
     */
    public Context(LocalDate asOf, List<Claim> claims, Params params) {
        this.asOf = asOf;
        this.claims = claims;
        this.params = params;
    }

    /** The assessment date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The assessment date lies in {@code [first, last]}: a programme period is in effect. */
    public Truth inEffect(LocalDate first, LocalDate last) {
        return Truth.of(!asOf.isBefore(first) && !asOf.isAfter(last));
    }

    /**
     * The programme is in effect on the assessment date: it lies in
     * [{@code programme.start}, {@code programme.end}], both days included.
     */
    public Truth inProgramme() {
        return inEffect(programme(PROGRAMME_START), programme(PROGRAMME_END));
    }

    /**
     * An event's date lies within the programme period, both ends included (and on or before the
     * assessment date, which every event that reaches the rules is: {@code Situation.seenOn}). An event
     * without a date is taken to be of the assessment date (the host is claiming it now), so this is
     * always known.
     */
    public Truth withinProgramme(DateField eventDate) {
        LocalDate end = programme(PROGRAMME_END);
        return eventDate.withDefault(asOf).between(programme(PROGRAMME_START), asOf.isBefore(end) ? asOf : end);
    }

    private LocalDate programme(String key) {
        if (params == null) {
            throw new IllegalStateException("the programme period needs the region's parameters");
        }
        return params.date(key);
    }

    /**
     * The assessment date is on or before {@code last}: a benefit whose last occasion within its
     * programme (the last season of it, say) ends before the programme does.
     */
    public Truth inEffectUntil(LocalDate last) {
        return Truth.of(!asOf.isAfter(last));
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
        for (Claim c : claims) { // a loop: rules ask this on every assessment
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
        return Truth.of(claims.stream()
                .noneMatch(c -> c.benefit().equals(benefit)
                        && !c.date().isBefore(first)
                        && !c.date().isAfter(last)));
    }

    @Override
    public String toString() {
        return "Context[as_of " + asOf + ", " + claims.size() + " claim(s)]";
    }
}
