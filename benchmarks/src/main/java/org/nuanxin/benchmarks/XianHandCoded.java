package org.nuanxin.benchmarks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nuanxin.Benefit;
import org.nuanxin.Nuanxin;
import org.nuanxin.Parameter;
import org.nuanxin.Region;
import org.nuanxin.Status;
import org.nuanxin.model.Child;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Event;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Money;
import org.nuanxin.model.Place;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.Worker;

/**
 * The Xi'an programme (XA-2025) written by hand in plain Java, for the benchmarks only: the same 15
 * decisions the rules make (status, cash amount, in-kind value, missing fields) from the same
 * {@link Situation}, with if/else and no explanations. It is the physical limit the rule engine is
 * compared against. {@code HandCodedAgreementTest} checks it agrees with the facade.
 *
 * <p>Three-valued truths are one {@code long}: {@code 0} is TRUE, {@link #F} is FALSE and any other
 * value is UNKNOWN with one bit per missing field; bits follow the sorted field names, so a mask
 * lists its fields in the order the library reports them. AND and OR are Kleene's, as
 * {@link org.nuanxin.rules.Truth}'s. The figures (dates, caps, values, the city, the excluded
 * province) are read once from the region's {@code parameters.yaml}.
 */
public final class XianHandCoded {

    /** FALSE. */
    static final long F = Long.MIN_VALUE;
    /** TRUE. */
    static final long T = 0L;

    /** The fields a Xi'an decision can miss, sorted as the library sorts them (bit i = FIELDS.get(i)). */
    public static final List<String> FIELDS = List.of(
            "children",
            "children.birth_date",
            "events.date",
            "events.hospital",
            "events.reason",
            "events.union_certified",
            "hardship",
            "hukou_province",
            "medical_insurance",
            "new_employment_form",
            "residence_city",
            "work_city");

    private static final long M_CHILDREN = mask("children");
    private static final long M_CHILD_BIRTH = mask("children.birth_date");
    private static final long M_DATE = mask("events.date");
    private static final long M_HOSPITAL = mask("events.hospital");
    private static final long M_REASON = mask("events.reason");
    private static final long M_CERTIFIED = mask("events.union_certified");
    private static final long M_HARDSHIP = mask("hardship");
    private static final long M_HUKOU = mask("hukou_province");
    private static final long M_INSURANCE = mask("medical_insurance");
    private static final long M_NEF = mask("new_employment_form");
    private static final long M_RESIDENCE = mask("residence_city");
    private static final long M_WORK_CITY = mask("work_city");

    /** The catalogue, in benefits.yaml order; the constructor checks the region's catalogue is this one. */
    public static final List<String> CODES = List.of(
            "XIAN_ACCIDENT_MUTUAL_AID",
            "XIAN_HARDSHIP_RELIEF",
            "XIAN_LEGAL_SERVICES",
            "XIAN_FREE_HEALTH_CHECK",
            "XIAN_UNION_HOSPITAL_WARD",
            "XIAN_HOSPITALISATION_SUBSIDY",
            "XIAN_HOSPITAL_MEAL_SUBSIDY",
            "XIAN_MENTAL_HEALTH_SUPPORT",
            "XIAN_HOMECOMING_TICKET_SUBSIDY",
            "XIAN_SPRING_FESTIVAL_TRAIN",
            "XIAN_SKILLS_TRAINING",
            "XIAN_EMPLOYMENT_SUPPORT",
            "XIAN_CHILDREN_ACTIVITIES",
            "XIAN_CHILDREN_CLINIC",
            "XIAN_CHILDREN_PSYCH_SUPPORT");

    private static final int ACCIDENT = 0;
    private static final int HARDSHIP = 1;
    private static final int LEGAL = 2;
    private static final int HEALTH_CHECK = 3;
    private static final int WARD = 4;
    private static final int HOSPITALISATION = 5;
    private static final int MEAL = 6;
    private static final int MENTAL = 7;
    private static final int TICKET = 8;
    private static final int TRAIN = 9;
    private static final int SKILLS = 10;
    private static final int EMPLOYMENT = 11;
    private static final int CHILD_ACTIVITIES = 12;
    private static final int CHILD_CLINIC = 13;
    private static final int CHILD_PSYCH = 14;

    private static final byte ELIGIBLE = 0;
    private static final byte NOT_ELIGIBLE = 1;
    private static final byte NEEDS_INFO = 2;
    private static final Status[] STATUSES = {Status.ELIGIBLE, Status.NOT_ELIGIBLE, Status.NEEDS_INFO};

    private final LocalDate start;
    private final LocalDate end;
    private final Place city;
    private final Place excludedProvince;
    private final String unionHospital;
    private final Set<TripReason> qualifyingReasons;
    private final BigDecimal ticketCap;
    private final BigDecimal mealCap;
    /** Hospitalisation cap by {@link MedicalInsurance} ordinal. */
    private final BigDecimal[] capByInsurance;
    /** The cap when the insurance type is unknown: the common amount when every type has it, else {@code null}. */
    private final BigDecimal capUnknownInsurance;

    private final LocalDate trainLastDay;
    private final LocalDate childActivitiesLastDay;
    private final int childAgeLimit;
    private final BigDecimal accidentValue;
    private final BigDecimal healthCheckValue;

    /** The 15 decisions of one assessment, by catalogue index. */
    public static final class Result {
        private final byte[] status = new byte[15];
        private final BigDecimal[] amount = new BigDecimal[15];
        private final BigDecimal[] value = new BigDecimal[15];
        private final long[] missing = new long[15];

        public Status status(int i) {
            return STATUSES[status[i]];
        }

        /** Cash payable, or {@code null}. */
        public BigDecimal amount(int i) {
            return amount[i];
        }

        /** In-kind value, or {@code null}. */
        public BigDecimal value(int i) {
            return value[i];
        }

        /** The missing fields of a NEEDS_INFO decision, sorted; empty otherwise. */
        public List<String> missing(int i) {
            List<String> names = new ArrayList<>(2);
            long m = missing[i];
            for (int b = 0; b < FIELDS.size(); b++) {
                if ((m & (1L << b)) != 0) {
                    names.add(FIELDS.get(b));
                }
            }
            return names;
        }

        private void set(int i, long truth) {
            status[i] = truth == T ? ELIGIBLE : truth == F ? NOT_ELIGIBLE : NEEDS_INFO;
            missing[i] = truth == F ? 0 : truth;
        }
    }

    /** The evaluator with the parameters of the bundled Xi'an rules (from the classpath). */
    public static XianHandCoded fromClasspath() {
        Region data = Nuanxin.builder().regions("xian").build().region("xian");
        return new XianHandCoded(data.benefits(), data.parameters());
    }

    /**
     * @param benefits   the region's catalogue (must be {@link #CODES}, in that order)
     * @param parameters the region's parameters
     */
    public XianHandCoded(List<Benefit> benefits, Map<String, Parameter> parameters) {
        List<String> codes = benefits.stream().map(Benefit::code).toList();
        if (!codes.equals(CODES)) {
            throw new IllegalArgumentException(
                    "the Xi'an catalogue changed; update the hand-coded evaluator: " + codes);
        }
        start = (LocalDate) parameters.get("programme.start").value();
        end = (LocalDate) parameters.get("programme.end").value();
        city = (Place) parameters.get("population.city").value();
        excludedProvince =
                (Place) parameters.get("homecoming.excluded_hukou_province").value();
        unionHospital = (String) parameters.get("hospital.union_hospital").value();
        qualifyingReasons = EnumSet.noneOf(TripReason.class);
        for (Object r :
                (List<?>) parameters.get("homecoming.qualifying_reasons").value()) {
            qualifyingReasons.add(TripReason.valueOf(r.toString()));
        }
        ticketCap = (BigDecimal) parameters.get("homecoming.ticket_cap").value();
        mealCap = (BigDecimal) parameters.get("hospital_meal.cap").value();
        Map<?, ?> table =
                (Map<?, ?>) parameters.get("hospitalisation.cap_by_insurance").value();
        capByInsurance = new BigDecimal[MedicalInsurance.values().length];
        BigDecimal common = null;
        boolean same = true;
        for (MedicalInsurance m : MedicalInsurance.values()) {
            BigDecimal cap = (BigDecimal) table.get(m.name());
            capByInsurance[m.ordinal()] = cap;
            if (common == null) {
                common = cap;
            } else if (cap == null || common.compareTo(cap) != 0) {
                same = false;
            }
        }
        capUnknownInsurance = same ? (BigDecimal) table.values().iterator().next() : null;
        childAgeLimit = (Integer) parameters.get("child.age_limit").value();
        trainLastDay = (LocalDate) parameters.get("spring_train.last_day").value();
        childActivitiesLastDay =
                (LocalDate) parameters.get("children_activities.last_day").value();
        accidentValue = (BigDecimal) parameters.get("accident_cover.value").value();
        healthCheckValue = (BigDecimal) parameters.get("health_check.value").value();
    }

    /** Decides the 15 benefits for one situation on a date. */
    public Result assess(Situation situation, LocalDate asOf) {
        situation = situation.seenOn(asOf); // the one as-of rule, as the engine applies it
        Worker w = situation.worker();
        Result r = new Result();
        int year = asOf.getYear();
        LocalDate last = asOf.isBefore(end) ? asOf : end;

        // the programme-wide criteria: period, population (new employment form), in Xi'an
        long period = asOf.isBefore(start) || asOf.isAfter(end) ? F : T;
        long nef = w.newEmploymentForm() == null ? M_NEF : w.newEmploymentForm() ? T : F;
        long inCity = or(within(w.workCity(), city, M_WORK_CITY), within(w.residenceCity(), city, M_RESIDENCE));
        long p = and(and(period, nef), inCity);

        boolean accidentClaimed = false;
        boolean checkClaimed = false;
        List<Claim> claims = situation.claims();
        for (int i = 0, n = claims.size(); i < n; i++) {
            Claim c = claims.get(i);
            if (c.date().getYear() == year) {
                String b = c.benefit();
                if (b.equals("XIAN_ACCIDENT_MUTUAL_AID")) {
                    accidentClaimed = true;
                } else if (b.equals("XIAN_FREE_HEALTH_CHECK")) {
                    checkClaimed = true;
                }
            }
        }

        r.set(ACCIDENT, and(p, accidentClaimed ? F : T));
        if (r.status[ACCIDENT] == ELIGIBLE) {
            r.value[ACCIDENT] = accidentValue;
        }
        r.set(HARDSHIP, and(p, w.hardship() == null ? M_HARDSHIP : w.hardship() ? T : F));
        r.set(LEGAL, p);
        r.set(HEALTH_CHECK, and(p, checkClaimed ? F : T));
        if (r.status[HEALTH_CHECK] == ELIGIBLE) {
            r.value[HEALTH_CHECK] = healthCheckValue;
        }
        r.set(WARD, p);
        r.set(MENTAL, p);
        r.set(SKILLS, p);
        r.set(EMPLOYMENT, p);

        long hukou = w.hukouProvince() == null ? M_HUKOU : w.hukouProvince().isWithin(excludedProvince) ? F : T;
        long fromElsewhere = and(p, hukou);
        r.set(TRAIN, and(fromElsewhere, asOf.isAfter(trainLastDay) ? F : T));

        long children = childUnder(w.children(), asOf);
        long childTruth = and(p, children);
        r.set(CHILD_ACTIVITIES, and(childTruth, asOf.isAfter(childActivitiesLastDay) ? F : T));
        r.set(CHILD_CLINIC, childTruth);
        r.set(CHILD_PSYCH, childTruth);

        // events: each stay and each trip is a subject; a benefit holds when one subject's criteria all hold
        List<Event> events = situation.events();
        boolean anyStay = false;
        boolean anyTrip = false;
        long stays = F; // OR over stays, for the meal subsidy
        long staysWithCap = F; // the same with the insurance cap's field, for the hospitalisation subsidy
        long trips = F;
        BigDecimal cap = w.medicalInsurance() == null
                ? capUnknownInsurance
                : capByInsurance[w.medicalInsurance().ordinal()];
        for (int i = 0, n = events.size(); i < n; i++) {
            Event e = events.get(i);
            if (e instanceof Hospitalisation h) {
                anyStay = true;
                long t = stayTruth(h, asOf, last);
                stays = or(stays, t);
                staysWithCap = or(staysWithCap, cap == null ? and(t, M_INSURANCE) : t);
            } else if (e instanceof HomecomingTrip trip) {
                anyTrip = true;
                trips = or(trips, tripTruth(trip, asOf, last, claims));
            }
        }

        r.set(HOSPITALISATION, anyStay ? and(p, staysWithCap) : F);
        r.set(MEAL, anyStay ? and(p, stays) : F);
        r.set(TICKET, anyTrip ? and(fromElsewhere, trips) : F);

        if (r.status[HOSPITALISATION] == ELIGIBLE || r.status[MEAL] == ELIGIBLE) {
            BigDecimal subsidy = null;
            BigDecimal meals = null;
            boolean paySubsidy = r.status[HOSPITALISATION] == ELIGIBLE;
            boolean payMeals = r.status[MEAL] == ELIGIBLE;
            for (int i = 0, n = events.size(); i < n; i++) {
                if (events.get(i) instanceof Hospitalisation h && stayTruth(h, asOf, last) == T) {
                    if (paySubsidy) { // eligible implies a known cap
                        BigDecimal a = Money.upTo(h.outOfPocketCost(), cap);
                        subsidy = subsidy == null ? a : subsidy.add(a); // PER_EVENT: summed
                    }
                    if (payMeals) {
                        BigDecimal a = Money.upTo(h.mealCost(), mealCap);
                        meals = meals == null ? a : meals.add(a);
                    }
                }
            }
            r.amount[HOSPITALISATION] = subsidy;
            r.amount[MEAL] = meals;
        }
        if (r.status[TICKET] == ELIGIBLE) {
            BigDecimal ticket = null;
            for (int i = 0, n = events.size(); i < n; i++) {
                if (events.get(i) instanceof HomecomingTrip trip && tripTruth(trip, asOf, last, claims) == T) {
                    BigDecimal a = Money.upTo(trip.ticketCost(), ticketCap);
                    ticket = ticket == null ? a : ticket.max(a); // ONCE: the largest
                }
            }
            r.amount[TICKET] = ticket;
        }
        return r;
    }

    /** At Xi'an Union Hospital, dated (admission, else discharge, else today) within the period and not after today. */
    private long stayTruth(Hospitalisation h, LocalDate asOf, LocalDate last) {
        long atUnionHospital = h.hospital() == null ? M_HOSPITAL : h.hospital().equals(unionHospital) ? T : F;
        LocalDate d =
                h.admissionDate() != null ? h.admissionDate() : h.dischargeDate() != null ? h.dischargeDate() : asOf;
        return and(atUnionHospital, d.isBefore(start) || d.isAfter(last) ? F : T);
    }

    /**
     * A major or urgent matter, certified, dated within the period up to today (an undated trip counts as
     * today's), first subsidy of its year (an undated trip's year is unknown: a subsidy granted this year
     * leaves it open, and its date is missing).
     */
    private long tripTruth(HomecomingTrip trip, LocalDate asOf, LocalDate last, List<Claim> claims) {
        long reason = trip.reason() == null ? M_REASON : qualifyingReasons.contains(trip.reason()) ? T : F;
        long certified = trip.unionCertified() == null ? M_CERTIFIED : trip.unionCertified() ? T : F;
        LocalDate d = trip.date() != null ? trip.date() : asOf;
        long dated = d.isBefore(start) || d.isAfter(last) ? F : T;
        int year = d.getYear();
        long first = T;
        for (int i = 0, n = claims.size(); i < n; i++) {
            Claim c = claims.get(i);
            if (c.date().getYear() == year && c.benefit().equals("XIAN_HOMECOMING_TICKET_SUBSIDY")) {
                first = trip.date() != null ? F : M_DATE;
                break;
            }
        }
        return and(and(and(reason, certified), dated), first);
    }

    /** Has a child younger than the age limit on {@code asOf}. */
    private long childUnder(List<Child> children, LocalDate asOf) {
        if (children == null) {
            return M_CHILDREN;
        }
        long t = F;
        for (int i = 0, n = children.size(); i < n; i++) {
            LocalDate b = children.get(i).birthDate();
            t = or(t, b == null ? M_CHILD_BIRTH : age(b, asOf) < childAgeLimit ? T : F);
        }
        return t;
    }

    /** Completed years from {@code birth} to {@code asOf}, as {@code Period.between(...).getYears()} for birth <= asOf. */
    static int age(LocalDate birth, LocalDate asOf) {
        int years = asOf.getYear() - birth.getYear();
        if (asOf.getMonthValue() < birth.getMonthValue()
                || asOf.getMonthValue() == birth.getMonthValue() && asOf.getDayOfMonth() < birth.getDayOfMonth()) {
            years--;
        }
        return years;
    }

    private static long within(Place place, Place area, long missing) {
        return place == null ? missing : place.isWithin(area) ? T : F;
    }

    static long and(long a, long b) {
        return a == F || b == F ? F : a | b;
    }

    static long or(long a, long b) {
        if (a == T || b == T) {
            return T;
        }
        if (a == F) {
            return b;
        }
        if (b == F) {
            return a;
        }
        return a | b;
    }

    static {
        if (!FIELDS.equals(FIELDS.stream().sorted().toList())) {
            throw new IllegalStateException("FIELDS must be sorted: missing fields are reported in sorted order");
        }
    }

    private static long mask(String field) {
        int i = FIELDS.indexOf(field);
        if (i < 0) {
            throw new IllegalStateException(field);
        }
        return 1L << i;
    }
}
