package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.BenefitKind;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.Status;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Claim;
import org.nuanxin.model.Event;
import org.nuanxin.model.Gender;
import org.nuanxin.model.HomecomingTrip;
import org.nuanxin.model.Hospitalisation;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Place;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;
import org.nuanxin.reliability.Corpus.Kind;
import org.nuanxin.reliability.WorkerGenerator.Generated;

/**
 * Seeded generated workers (at least 10,000 per run, across all five regions) and the invariants
 * every assessment keeps: amounts are never negative or finer than a fen and never above their caps;
 * an ELIGIBLE decision has a cited reason; NEEDS_INFO names fields really absent from the input, and
 * filling one in never leaves it missing; assessing never changes the input (and the model copies
 * the lists it is given); the same input gives the same output, on the bundled rules and on the
 * rules compiled from their folders alike. The seed is printed; rerun one with
 * {@code -Dnuanxin.reliability.seed=N}.
 */
@Order(30)
class GeneratedWorkersTest {

    static final int WORKERS = Integer.getInteger("nuanxin.reliability.workers", Corpus.heavy() ? 100_000 : 10_000);

    private Nuanxin bundled;
    private Nuanxin folders;
    /** The bundled rules with the decision cache off: the rules decide every assessment. */
    private Nuanxin rulesOnly;

    private final Map<Status, Long> statuses = new EnumMap<>(Status.class);
    private long decisions;
    private long assessments;
    private long fillIns;
    private long copyChecks;
    private long capChecks;
    private long cacheChecks;

    /** The generator offers the union hospital the region's own data names (not a name kept in core). */
    @Test
    void theGeneratedUnionHospitalIsTheOneTheRegionsDataNames() {
        Object named = Corpus.engine(Kind.BUNDLED)
                .region("xian")
                .parameters()
                .get("hospital.union_hospital")
                .value();
        assertTrue(WorkerGenerator.UNION_HOSPITAL.equals(named), "hospital.union_hospital is " + named);
    }

    @Test
    void invariantsHoldForEveryGeneratedWorker() {
        long seed = Corpus.seed();
        System.out.println("GeneratedWorkersTest: seed " + seed + ", " + WORKERS + " workers"
                + " (rerun with -Dnuanxin.reliability.seed=" + seed + ")");
        bundled = Corpus.engine(Kind.BUNDLED);
        folders = Corpus.engine(Kind.FOLDERS);
        rulesOnly = Corpus.engine(Kind.BUNDLED, false);
        WorkerGenerator gen = new WorkerGenerator(seed);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> perRegion = new java.util.TreeMap<>();
        for (int i = 0; i < WORKERS && failures.size() < 20; i++) {
            String region = Corpus.REGIONS.get(i % Corpus.REGIONS.size());
            Generated g = gen.next(bundled.region(region));
            perRegion.merge(region, 1, Integer::sum);
            try {
                check(g, gen);
            } catch (AssertionError | RuntimeException e) {
                if (!(e instanceof AssertionError)) {
                    Observed.exception("generated worker", e);
                }
                failures.add("worker #" + g.index() + " (" + describe(g) + "): " + e);
            }
        }
        Figures.put("generated.seed", seed);
        Figures.put(
                "generated.workers",
                perRegion.values().stream().mapToInt(Integer::intValue).sum());
        Figures.put("generated.perRegion", perRegion.toString());
        Figures.put("generated.assessments", assessments);
        Figures.put("generated.decisions", decisions);
        Figures.put("generated.eligible", statuses.getOrDefault(Status.ELIGIBLE, 0L));
        Figures.put("generated.notEligible", statuses.getOrDefault(Status.NOT_ELIGIBLE, 0L));
        Figures.put("generated.needsInfo", statuses.getOrDefault(Status.NEEDS_INFO, 0L));
        Figures.put("generated.fillIns", fillIns);
        Figures.put("generated.copyChecks", copyChecks);
        Figures.put("generated.capChecks", capChecks);
        Figures.put("generated.cacheChecks", cacheChecks);
        Figures.put("generated.failures", failures.size());
        System.out.println("GeneratedWorkersTest: " + perRegion + ", " + assessments + " assessments, " + decisions
                + " decisions " + statuses + ", " + fillIns + " fill-ins, " + capChecks + " cash amounts capped");
        assertTrue(
                failures.isEmpty(),
                () -> failures.size() + " generated worker(s) break an invariant (seed " + seed
                        + "; rerun with -Dnuanxin.reliability.seed=" + seed + "):\n  " + String.join("\n  ", failures));
        assertTrue(
                statuses.getOrDefault(Status.NEEDS_INFO, 0L) > 0
                        && statuses.getOrDefault(Status.ELIGIBLE, 0L) > 0
                        && statuses.getOrDefault(Status.NOT_ELIGIBLE, 0L) > 0,
                "the generator reaches every status: " + statuses);
        assertTrue(capChecks > 50, "the generator reaches capped cash amounts: " + capChecks);
    }

    private Assessment assess(Nuanxin engine, String region, Situation s, java.time.LocalDate asOf) {
        assessments++;
        return engine.assess(region, s, asOf);
    }

    private void check(Generated g, WorkerGenerator gen) {
        Situation s = g.situation();
        List<Child> children = g.children() == null ? null : List.copyOf(g.children());
        List<Certificate> certificates = g.certificates() == null ? null : List.copyOf(g.certificates());
        List<Event> events = List.copyOf(g.events());
        List<Claim> claims = List.copyOf(g.claims());
        Worker worker = s.worker();

        Assessment a = assess(bundled, g.region(), s, g.asOf());

        // the input is untouched: the very lists handed over, and the records built from them
        check(
                java.util.Objects.equals(children, g.children())
                        && java.util.Objects.equals(certificates, g.certificates())
                        && events.equals(g.events())
                        && claims.equals(g.claims()),
                "assess changed a list it was given");
        check(
                worker.equals(s.worker()) && events.equals(s.events()) && claims.equals(s.claims()),
                "assess changed the situation");

        // same input, same output; and the rules compiled from the folders decide alike
        Assessment again = assess(bundled, g.region(), s, g.asOf());
        check(
                a.equals(again) && a.toJson().equals(again.toJson()),
                "the same input gave another output: " + ConcurrencyHammerTest.firstDifference(a, again));
        Assessment compiled = assess(folders, g.region(), s, g.asOf());
        check(
                a.equals(compiled),
                "bundled and folder rules differ: " + ConcurrencyHammerTest.firstDifference(a, compiled));
        Assessment rules = assess(rulesOnly, g.region(), s, g.asOf());
        check(
                a.equals(rules),
                "the engine as shipped decides otherwise than its rules alone: "
                        + ConcurrencyHammerTest.firstDifference(rules, a));
        neighbours(g, gen);

        invariants(g, a);
        scanToStrings(s, a);
        fillIn(g, a, gen);

        if (g.index() % 25 == 0) {
            copies(g, a);
        }
    }

    private void invariants(Generated g, Assessment a) {
        Region region = bundled.region(g.region());
        check(a.region().equals(g.region()) && a.asOf().equals(g.asOf()), "assessment names another region or date");
        check(a.decisions().size() == region.benefits().size(), "one decision per benefit");
        for (int i = 0; i < a.decisions().size(); i++) {
            Decision d = a.decisions().get(i);
            check(d.benefit().equals(region.benefits().get(i)), "decisions in catalogue order");
            decisions++;
            statuses.merge(d.status(), 1L, Long::sum);
            String at = d.code() + " " + d.status();
            for (BigDecimal x : new BigDecimal[] {d.amount(), d.amountMin(), d.amountMax(), d.value()}) {
                if (x != null) {
                    check(x.signum() >= 0, at + ": negative amount " + x);
                    check(x.scale() <= 2 && x.stripTrailingZeros().scale() <= 2, at + ": amount finer than a fen " + x);
                }
            }
            if (d.status() != Status.ELIGIBLE) {
                check(
                        d.amount() == null && d.amountMin() == null && d.amountMax() == null && d.value() == null,
                        at + ": carries an amount or value without being ELIGIBLE: " + d);
            }
            check((d.amountMin() == null) == (d.amountMax() == null), at + ": half a range");
            if (d.amountMin() != null) {
                check(d.amountMin().compareTo(d.amountMax()) <= 0 && d.amount() == null, at + ": bad range " + d);
            }
            if (d.amount() != null || d.amountMin() != null) {
                check(
                        d.benefit().kind() == BenefitKind.CASH,
                        at + ": cash for a " + d.benefit().kind() + " benefit");
                caps(g, region, d);
            }
            for (Reason r : d.reasons()) {
                check(
                        r.source() != null
                                && !r.source().isBlank()
                                && r.clause() != null
                                && !r.clause().isBlank(),
                        at + ": reason without a citation: " + r);
            }
            if (d.status() == Status.ELIGIBLE) {
                check(!d.reasons().isEmpty(), at + ": ELIGIBLE without a reason");
            }
            if (d.status() == Status.NEEDS_INFO) {
                check(!d.missing().isEmpty(), at + ": NEEDS_INFO names no missing field");
                for (String f : d.missing()) {
                    check(absent(f, g.situation()), at + ": names " + f + " as missing, but the input has it");
                }
            } else {
                check(d.missing().isEmpty(), at + ": names missing fields without NEEDS_INFO: " + d.missing());
            }
        }
    }

    /** The caps of the cash benefits, from the region's parameters. */
    private void caps(Generated g, Region region, Decision d) {
        capChecks++;
        String at = d.code() + " " + d.status();
        Situation s = g.situation();
        switch (d.code()) {
            case "XIAN_HOMECOMING_TICKET_SUBSIDY" ->
                perEvent(
                        d,
                        s,
                        HomecomingTrip.class,
                        e -> ((HomecomingTrip) e).ticketCost(),
                        money(region, "homecoming.ticket_cap"));
            case "XIAN_HOSPITALISATION_SUBSIDY" -> {
                Map<?, ?> table = (Map<?, ?>) region.parameters()
                        .get("hospitalisation.cap_by_insurance")
                        .value();
                MedicalInsurance mi = s.worker().medicalInsurance();
                BigDecimal cap = mi != null
                        ? (BigDecimal) table.get(mi.name())
                        : table.values().stream()
                                .map(BigDecimal.class::cast)
                                .max(BigDecimal::compareTo)
                                .orElseThrow();
                perEvent(d, s, Hospitalisation.class, e -> ((Hospitalisation) e).outOfPocketCost(), cap);
            }
            case "XIAN_HOSPITAL_MEAL_SUBSIDY" ->
                perEvent(
                        d,
                        s,
                        Hospitalisation.class,
                        e -> ((Hospitalisation) e).mealCost(),
                        money(region, "hospital_meal.cap"));
            case "XINJIANG_SF_SCHOOL_AID" -> range(d, money(region, "school_aid.min"), money(region, "school_aid.max"));
            case "XINJIANG_SF_CERTIFICATE_AWARD" ->
                range(d, money(region, "certificate.min"), money(region, "certificate.max"));
            default ->
                throw new AssertionError(at + ": a cash amount for a benefit whose cap this test does not know;"
                        + " add it to GeneratedWorkersTest.caps");
        }
    }

    /**
     * At most the cap per qualifying event: for a once-only benefit the largest {@code min(cost, cap)}
     * over the events, for a per-event one their sum ({@code cap} for an event of unknown cost).
     */
    private static void perEvent(
            Decision d, Situation s, Class<? extends Event> type, Function<Event, BigDecimal> cost, BigDecimal cap) {
        BigDecimal bound = BigDecimal.ZERO;
        int n = 0;
        for (Event e : s.events()) {
            if (type.isInstance(e)) {
                n++;
                BigDecimal c = cost.apply(e);
                BigDecimal one = c == null ? cap : c.min(cap);
                bound = d.benefit().payment() == Benefit.Payment.PER_EVENT ? bound.add(one) : bound.max(one);
            }
        }
        check(n > 0, d.code() + ": cash without any " + type.getSimpleName());
        check(
                d.amount() != null && d.amount().compareTo(bound) <= 0,
                d.code() + ": amount " + d.amount() + " above its cap (" + cap + " per " + type.getSimpleName() + ", "
                        + n + " given, bound " + bound + ")");
        check(d.amount().compareTo(cap.multiply(BigDecimal.valueOf(n))) <= 0, d.code() + ": above cap × events");
    }

    private static void range(Decision d, BigDecimal min, BigDecimal max) {
        if (d.amountMin() != null) {
            check(
                    d.amountMin().compareTo(min) >= 0 && d.amountMax().compareTo(max) <= 0,
                    d.code() + ": range " + d.amountMin() + ".." + d.amountMax() + " outside " + min + ".." + max);
        }
        if (d.amount() != null) {
            check(d.amount().compareTo(max) <= 0, d.code() + ": amount " + d.amount() + " above " + max);
        }
    }

    private static BigDecimal money(Region region, String key) {
        return (BigDecimal) region.parameters().get(key).value();
    }

    /** Whether a missing-field name the library reported is really absent from the input. */
    static boolean absent(String field, Situation s) {
        Worker w = s.worker();
        List<Event> ev = s.events();
        return switch (field) {
            case "id" -> w.id() == null;
            case "occupation" -> w.occupation() == null;
            case "new_employment_form" -> w.newEmploymentForm() == null;
            case "work_city" -> w.workCity() == null;
            case "residence_city" -> w.residenceCity() == null;
            case "work_province" -> w.workProvince() == null;
            case "hukou_province" -> w.hukouProvince() == null;
            case "gender" -> w.gender() == null;
            case "birth_date" -> w.birthDate() == null;
            case "union_member" -> w.unionMember() == null;
            case "union_join_date" -> w.unionJoinDate() == null;
            case "medical_insurance" -> w.medicalInsurance() == null;
            case "hardship" -> w.hardship() == null;
            case "martyr_family" -> w.martyrFamily() == null;
            case "frontline_outstanding" -> w.frontlineOutstanding() == null;
            case "employer" -> w.employer() == null;
            case "head_platform_enterprise" -> w.headPlatformEnterprise() == null;
            case "employment_start_date" -> w.employmentStartDate() == null;
            case "integrity_deductions" -> w.integrityDeductions() == null;
            case "children" -> w.children() == null;
            case "children.birth_date" ->
                w.children() != null && w.children().stream().anyMatch(c -> c.birthDate() == null);
            case "children.school_stage" ->
                w.children() != null && w.children().stream().anyMatch(c -> c.schoolStage() == null);
            case "certificates" -> w.certificates() == null;
            case "certificates.kind" ->
                w.certificates() != null && w.certificates().stream().anyMatch(c -> c.kind() == null);
            case "certificates.date" ->
                w.certificates() != null && w.certificates().stream().anyMatch(c -> c.date() == null);
            case "events.date" ->
                ev.stream()
                        .anyMatch(e -> e instanceof HomecomingTrip t && t.date() == null
                                || e instanceof WageArrears x && x.date() == null);
            case "events.reason" -> ev.stream().anyMatch(e -> e instanceof HomecomingTrip t && t.reason() == null);
            case "events.union_certified" ->
                ev.stream().anyMatch(e -> e instanceof HomecomingTrip t && t.unionCertified() == null);
            case "events.ticket_cost" ->
                ev.stream().anyMatch(e -> e instanceof HomecomingTrip t && t.ticketCost() == null);
            case "events.hospital" -> ev.stream().anyMatch(e -> e instanceof Hospitalisation h && h.hospital() == null);
            case "events.admission_date" ->
                ev.stream().anyMatch(e -> e instanceof Hospitalisation h && h.admissionDate() == null);
            case "events.discharge_date" ->
                ev.stream().anyMatch(e -> e instanceof Hospitalisation h && h.dischargeDate() == null);
            case "events.out_of_pocket_cost" ->
                ev.stream().anyMatch(e -> e instanceof Hospitalisation h && h.outOfPocketCost() == null);
            case "events.meal_cost" ->
                ev.stream().anyMatch(e -> e instanceof Hospitalisation h && h.mealCost() == null);
            case "events.amount" -> ev.stream().anyMatch(e -> e instanceof WageArrears x && x.amount() == null);
            default ->
                throw new AssertionError("the library names a missing field '" + field
                        + "' that is no field of the input (worker file names: " + Worker.FIELDS
                        + ", children.*, events.*)");
        };
    }

    /** Fills one missing field of a NEEDS_INFO decision with a valid value: it is then missing nowhere. */
    private void fillIn(Generated g, Assessment a, WorkerGenerator gen) {
        List<Decision> needing = a.withStatus(Status.NEEDS_INFO);
        if (needing.isEmpty()) {
            return;
        }
        Decision d = needing.get(gen.random().nextInt(needing.size()));
        String field = d.missing().get(gen.random().nextInt(d.missing().size()));
        Situation filled = fill(field, g, gen);
        check(!absent(field, filled), "fill-in of " + field + " did not fill it");
        fillIns++;
        Assessment after;
        try {
            after = assess(bundled, g.region(), filled, g.asOf());
        } catch (RuntimeException e) {
            throw new AssertionError("after filling in " + field + ": " + e, e);
        }
        for (Decision x : after.decisions()) {
            check(
                    !x.missing().contains(field),
                    "filled in " + field + " (missing for " + d.code() + "), yet " + x.code() + " still names it: "
                            + x);
        }
        scanToStrings(filled, after);
    }

    static Situation fill(String field, Generated g, WorkerGenerator gen) {
        Situation s = g.situation();
        Worker w = s.worker();
        java.time.LocalDate asOf = g.asOf();
        var r = gen.random();
        Worker.Builder b = w.toBuilder();
        List<Event> events = s.events();
        switch (field) {
            case "occupation" -> b.occupation(gen.one(Occupation.values()));
            case "new_employment_form" -> b.newEmploymentForm(r.nextBoolean());
            case "work_city" -> {
                Place province = w.workProvince();
                List<Place> within = province == null
                        ? List.of()
                        : gen.allCities().stream()
                                .filter(c -> c.isWithin(province))
                                .toList();
                if (province != null && within.isEmpty()) {
                    b.workProvince((Place) null);
                }
                b.workCity(within.isEmpty() ? gen.city(g.region()) : within.get(r.nextInt(within.size())));
            }
            case "residence_city" -> b.residenceCity(gen.city(g.region()));
            case "work_province" -> b.workProvince(gen.province());
            case "hukou_province" -> b.hukouProvince(gen.province());
            case "gender" -> b.gender(gen.one(Gender.values()));
            case "birth_date" -> b.birthDate(gen.birthDate(asOf));
            case "union_member" -> b.unionMember(r.nextBoolean());
            case "union_join_date" -> b.unionJoinDate(gen.date(asOf.minusYears(12), asOf));
            case "medical_insurance" -> b.medicalInsurance(gen.one(MedicalInsurance.values()));
            case "hardship" -> b.hardship(r.nextBoolean());
            case "martyr_family" -> b.martyrFamily(r.nextBoolean());
            case "frontline_outstanding" -> b.frontlineOutstanding(r.nextBoolean());
            case "employer" -> b.employer(WorkerGenerator.EMPLOYERS.get(r.nextInt(WorkerGenerator.EMPLOYERS.size())));
            case "head_platform_enterprise" -> b.headPlatformEnterprise(r.nextBoolean());
            case "employment_start_date" -> b.employmentStartDate(gen.date(asOf.minusYears(10), asOf));
            case "integrity_deductions" -> b.integrityDeductions(r.nextBoolean());
            case "children" -> b.children(List.of(gen.child(asOf, 0)));
            case "certificates" -> b.certificates(List.of(gen.certificate(asOf, 0)));
            case "children.birth_date" ->
                b.children(w.children().stream()
                        .map(c -> c.birthDate() != null ? c : new Child(gen.childBirthDate(asOf), c.schoolStage()))
                        .toList());
            case "children.school_stage" ->
                b.children(w.children().stream()
                        .map(c -> c.schoolStage() != null ? c : new Child(c.birthDate(), gen.one(SchoolStage.values())))
                        .toList());
            case "certificates.kind" ->
                b.certificates(w.certificates().stream()
                        .map(c -> c.kind() != null ? c : new Certificate(gen.one(CertificateKind.values()), c.date()))
                        .toList());
            case "certificates.date" ->
                b.certificates(w.certificates().stream()
                        .map(c -> c.date() != null
                                ? c
                                : new Certificate(c.kind(), gen.date(java.time.LocalDate.of(2019, 1, 1), asOf)))
                        .toList());
            default -> {
                if (!field.startsWith("events.")) {
                    throw new AssertionError("no way to fill in " + field);
                }
                events =
                        events.stream().map(e -> fillEvent(field, e, gen, asOf)).toList();
            }
        }
        return new Situation(b.build(), events, s.claims());
    }

    private static Event fillEvent(String field, Event e, WorkerGenerator gen, java.time.LocalDate asOf) {
        var r = gen.random();
        if (e instanceof HomecomingTrip t) {
            return new HomecomingTrip(
                    field.equals("events.date") && t.date() == null ? gen.date(asOf.minusYears(1), asOf) : t.date(),
                    field.equals("events.reason") && t.reason() == null ? gen.one(TripReason.values()) : t.reason(),
                    field.equals("events.union_certified") && t.unionCertified() == null
                            ? Boolean.valueOf(r.nextBoolean())
                            : t.unionCertified(),
                    field.equals("events.ticket_cost") && t.ticketCost() == null ? gen.money(800) : t.ticketCost());
        }
        if (e instanceof Hospitalisation h) {
            java.time.LocalDate admission = field.equals("events.admission_date") && h.admissionDate() == null
                    ? (h.dischargeDate() != null
                            ? h.dischargeDate().minusDays(r.nextInt(20))
                            : gen.date(asOf.minusYears(1), asOf))
                    : h.admissionDate();
            java.time.LocalDate discharge = field.equals("events.discharge_date") && h.dischargeDate() == null
                    ? (admission != null ? admission.plusDays(r.nextInt(20)) : gen.date(asOf.minusYears(1), asOf))
                    : h.dischargeDate();
            return new Hospitalisation(
                    field.equals("events.hospital") && h.hospital() == null ? gen.hospital("xian") : h.hospital(),
                    admission,
                    discharge,
                    field.equals("events.out_of_pocket_cost") && h.outOfPocketCost() == null
                            ? gen.money(9000)
                            : h.outOfPocketCost(),
                    field.equals("events.meal_cost") && h.mealCost() == null ? gen.money(1200) : h.mealCost());
        }
        WageArrears x = (WageArrears) e;
        return new WageArrears(
                field.equals("events.date") && x.date() == null ? gen.date(asOf.minusYears(1), asOf) : x.date(),
                field.equals("events.amount") && x.amount() == null ? gen.money(20000) : x.amount());
    }

    /**
     * The facade's decision cache serves workers without events or claims whose facts read by the rules
     * equal an earlier worker's: the worker without its events and claims, then a neighbour differing in
     * one field (a new value, or unknown), must get what the rules alone decide.
     */
    private void neighbours(Generated g, WorkerGenerator gen) {
        Worker w = g.situation().worker();
        Situation bare = Situation.of(w);
        sameAsRules(g, bare, "the worker without events and claims");
        String field = Worker.FIELDS.get(1 + gen.random().nextInt(Worker.FIELDS.size() - 1));
        Situation neighbour;
        try {
            Generated base = new Generated(g.index(), g.region(), g.asOf(), bare, null, null, List.of(), List.of());
            neighbour = gen.pick(0.3)
                    ? Situation.of(unknown(w, field))
                    : Situation.of(fill(field, base, gen).worker());
        } catch (org.nuanxin.InvalidInputException e) {
            return; // e.g. a province that does not contain the work city
        }
        sameAsRules(g, neighbour, "a neighbour differing in " + field);
    }

    private void sameAsRules(Generated g, Situation s, String what) {
        cacheChecks++;
        Assessment shipped = assess(bundled, g.region(), s, g.asOf());
        Assessment rules = assess(rulesOnly, g.region(), s, g.asOf());
        check(
                shipped.equals(rules),
                what + ": the engine as shipped (decision cache) decides otherwise than its rules: "
                        + ConcurrencyHammerTest.firstDifference(rules, shipped));
    }

    /** The worker with one field unknown. */
    static Worker unknown(Worker w, String field) {
        Worker.Builder b = w.toBuilder();
        switch (field) {
            case "occupation" -> b.occupation(null);
            case "new_employment_form" -> b.newEmploymentForm(null);
            case "work_city" -> b.workCity((Place) null);
            case "residence_city" -> b.residenceCity((Place) null);
            case "work_province" -> b.workProvince((Place) null).workCity((Place) null);
            case "hukou_province" -> b.hukouProvince((Place) null);
            case "gender" -> b.gender(null);
            case "birth_date" -> b.birthDate(null);
            case "union_member" -> b.unionMember(null);
            case "union_join_date" -> b.unionJoinDate(null);
            case "medical_insurance" -> b.medicalInsurance(null);
            case "hardship" -> b.hardship(null);
            case "martyr_family" -> b.martyrFamily(null);
            case "frontline_outstanding" -> b.frontlineOutstanding(null);
            case "employer" -> b.employer(null);
            case "head_platform_enterprise" -> b.headPlatformEnterprise(null);
            case "employment_start_date" -> b.employmentStartDate(null);
            case "integrity_deductions" -> b.integrityDeductions(null);
            case "children" -> b.children(null);
            case "certificates" -> b.certificates(null);
            default -> throw new AssertionError(field);
        }
        return b.build();
    }

    /** The model copies the lists it is given and hands out lists nobody can change. */
    private void copies(Generated g, Assessment a) {
        copyChecks++;
        Situation s = g.situation();
        Worker w = s.worker();
        List<Child> kidsBefore = w.children();
        List<Event> eventsBefore = s.events();
        if (g.children() != null) {
            g.children().add(new Child(null, null));
        }
        if (g.certificates() != null) {
            g.certificates().add(new Certificate(null, null));
        }
        g.events().add(new WageArrears(null, null));
        g.claims().add(new Claim("NO_SUCH_BENEFIT", g.asOf()));
        check(
                java.util.Objects.equals(kidsBefore, w.children())
                        && eventsBefore.equals(s.events())
                        && s.claims().stream().noneMatch(c -> c.benefit().equals("NO_SUCH_BENEFIT")),
                "a list handed to the model was not copied: changing it changed the worker or situation");
        Assessment again = assess(bundled, g.region(), s, g.asOf());
        check(a.equals(again), "changing the caller's lists after the fact changed the assessment");
        unmodifiable(() -> a.decisions().add(null), "Assessment.decisions()");
        unmodifiable(() -> a.decisions().get(0).reasons().add(null), "Decision.reasons()");
        unmodifiable(() -> a.decisions().get(0).missing().add("x"), "Decision.missing()");
        unmodifiable(() -> s.events().add(null), "Situation.events()");
        unmodifiable(() -> s.claims().add(null), "Situation.claims()");
        if (w.children() != null) {
            unmodifiable(() -> w.children().add(null), "Worker.children()");
        }
        if (w.certificates() != null) {
            unmodifiable(() -> w.certificates().add(null), "Worker.certificates()");
        }
    }

    private static void unmodifiable(Runnable change, String what) {
        try {
            change.run();
        } catch (UnsupportedOperationException | NullPointerException expected) {
            return;
        }
        throw new AssertionError(what + " can be changed by the caller");
    }

    private static void scanToStrings(Situation s, Assessment a) {
        Observed.object("generated", s.worker());
        Observed.object("generated", s);
        s.events().forEach(e -> Observed.object("generated", e));
        s.claims().forEach(c -> Observed.object("generated", c));
        if (s.worker().children() != null) {
            s.worker().children().forEach(c -> Observed.object("generated", c));
        }
        Observed.object("generated", a);
        for (Decision d : a.decisions()) {
            Observed.object("generated", d);
            d.reasons().forEach(r -> Observed.object("generated", r));
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    /** The worker's known fields and events, with the canaries masked (test output is scanned too). */
    static String describe(Generated g) {
        Situation s = g.situation();
        Set<String> known = new TreeSet<>();
        Worker w = s.worker();
        Object[] v = {
            w.id(),
            w.occupation(),
            w.newEmploymentForm(),
            w.workCity(),
            w.residenceCity(),
            w.workProvince(),
            w.hukouProvince(),
            w.gender(),
            w.birthDate(),
            w.unionMember(),
            w.unionJoinDate(),
            w.medicalInsurance(),
            w.hardship(),
            w.martyrFamily(),
            w.frontlineOutstanding(),
            w.employer(),
            w.headPlatformEnterprise(),
            w.employmentStartDate(),
            w.integrityDeductions(),
            w.children(),
            w.certificates()
        };
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null) {
                known.add(Worker.FIELDS.get(i) + "=" + mask(v[i]));
            }
        }
        return g.region() + " as of " + g.asOf() + " " + known + " events="
                + s.events().stream().map(GeneratedWorkersTest::mask).toList() + " claims=" + s.claims();
    }

    private static String mask(Object o) {
        String t = o instanceof Hospitalisation h
                ? "Hospitalisation[" + h.hospital() + ", " + h.admissionDate() + ".." + h.dischargeDate() + ", "
                        + h.outOfPocketCost() + ", " + h.mealCost() + "]"
                : String.valueOf(o);
        return t.replace(Canaries.ID, "<canary-id>")
                .replace(Canaries.EMPLOYER, "<canary-employer>")
                .replace(Canaries.HOSPITAL, "<canary-hospital>");
    }
}
