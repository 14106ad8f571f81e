package org.nuanxin.reliability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.nuanxin.Assessment;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Parameter;
import org.nuanxin.Reason;
import org.nuanxin.Region;
import org.nuanxin.Status;
import org.nuanxin.interview.Interview;
import org.nuanxin.interview.Question;
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
import org.nuanxin.model.Places;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;

/**
 * Runs the guided interview against hidden complete workers: each question is answered from the
 * worker the interview cannot see, and the outcome is checked to be sound (the same decisions as
 * assessing the complete worker), minimal (every question could have changed a decision; no field
 * twice) and short (fewer questions than a fixed-order questionnaire). {@code main} runs the full
 * sample: {@code java -cp <reliability test classpath> org.nuanxin.reliability.InterviewSimulation 10000}.
 */
public final class InterviewSimulation {

    /** What a run found, per region. */
    record Figures(
            String region,
            int workers,
            int unsound,
            int reasonsDiffer,
            int ruledOutDiffer,
            int notMinimal,
            double meanAsked,
            int p95Asked,
            int fieldsRead,
            double meanFixedOrder,
            List<String> firstProblems) {

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%s: %d workers, unsound %d, reasons of eligible or undecided benefits differ %d, reasons of"
                            + " ruled-out benefits differ %d, not minimal %d, questions mean %.2f p95 %d, fields the"
                            + " rules read %d, fixed-order questionnaire mean %.2f",
                    region,
                    workers,
                    unsound,
                    reasonsDiffer,
                    ruledOutDiffer,
                    notMinimal,
                    meanAsked,
                    p95Asked,
                    fieldsRead,
                    meanFixedOrder);
        }
    }

    private final Nuanxin engine;
    private final SplittableRandom random;

    InterviewSimulation(Nuanxin engine, long seed) {
        this.engine = engine;
        this.random = new SplittableRandom(seed);
    }

    /** The hidden complete worker's situation and the date assessed. */
    record Hidden(Situation situation, LocalDate asOf) {}

    Figures run(String regionId, int workers) {
        Region region = engine.region(regionId);
        int unsound = 0;
        int reasonsDiffer = 0;
        int ruledOutDiffer = 0;
        int notMinimal = 0;
        int[] asked = new int[workers];
        long fixedTotal = 0;
        Set<String> fieldsRead = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (int n = 0; n < workers; n++) {
            Hidden h = complete(region);
            Assessment truth = engine.assess(regionId, h.situation(), h.asOf());
            Interview i = Interview.start(
                    engine, h.asOf(), List.of(regionId), h.situation().claims());
            Set<String> seen = new HashSet<>();
            int steps = 0;
            while (true) {
                List<Question> next = i.next();
                if (next.isEmpty()) {
                    break;
                }
                Question q = next.get(0);
                if (!seen.add(q.field()) || q.stakes().isEmpty()) {
                    notMinimal++;
                    problems.add("asked twice or for nothing: " + q.field());
                    break;
                }
                fieldsRead.add(q.field().replaceAll("\\[\\d+]", ""));
                Object answer = answer(q.field(), h.situation(), i.situation());
                i = answer == null ? i.skip(q.field()) : i.answer(q.field(), answer);
                steps++;
                if (steps > 80) {
                    problems.add("more than 80 questions");
                    break;
                }
            }
            asked[n] = steps;
            Assessment got = engine.assess(regionId, i.situation(), h.asOf());
            for (Decision want : truth.decisions()) {
                Decision have = got.decision(want.code()).orElseThrow();
                if (!sameOutcome(want, have)) {
                    unsound++;
                    if (problems.size() < 10) {
                        problems.add(regionId + " " + h.asOf() + " " + want + " vs interview " + have + " after "
                                + i.answers());
                    }
                    break;
                }
                if (!sameReasons(want, have)) {
                    if (want.status() == Status.NOT_ELIGIBLE) {
                        ruledOutDiffer++; // the interview stops asking once a benefit is ruled out: see docs
                    } else {
                        reasonsDiffer++;
                        if (problems.size() < 10) {
                            problems.add("reasons of " + want.code() + ": complete " + want.reasons() + " vs interview "
                                    + have.reasons());
                        }
                    }
                    break;
                }
            }
            fixedTotal += fixedOrder(regionId, h);
        }
        int[] sorted = asked.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(asked).average().orElse(0);
        int p95 =
                sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)];
        return new Figures(
                regionId,
                workers,
                unsound,
                reasonsDiffer,
                ruledOutDiffer,
                notMinimal,
                mean,
                p95,
                fieldsReadBy(region, regionId),
                (double) fixedTotal / Math.max(1, workers),
                problems);
    }

    static boolean sameOutcome(Decision a, Decision b) {
        return a.status() == b.status()
                && Objects.equals(a.amount(), b.amount())
                && Objects.equals(a.amountMin(), b.amountMin())
                && Objects.equals(a.amountMax(), b.amountMax())
                && Objects.equals(a.value(), b.value())
                && a.missing().equals(b.missing());
    }

    /**
     * The same reasons: the same rules, in order, with the same outcomes and missing fields. Not the
     * sentences: a sentence may name a fact of the worker the decision did not need (Xi'an's "works or
     * lives in Xi'an" names both cities, though the work city alone settles it), which the interview
     * rightly never asks.
     */
    static boolean sameReasons(Decision want, Decision have) {
        List<String> w = want.reasons().stream().map(InterviewSimulation::key).toList();
        List<String> h = have.reasons().stream().map(InterviewSimulation::key).toList();
        return w.equals(h);
    }

    private static String key(Reason r) {
        return r.rule() + "|" + r.outcome() + "|" + r.missing();
    }

    /**
     * The fixed-order questionnaire: every field the region's rules read, in the worker file's order,
     * stopping once no decision is NEEDS_INFO; events asked last, each with all its details.
     */
    private int fixedOrder(String regionId, Hidden h) {
        List<String> order = new ArrayList<>(List.of(
                "occupation",
                "new_employment_form",
                "work_city",
                "residence_city",
                "hukou_province",
                "gender",
                "birth_date",
                "union_member",
                "union_join_date",
                "medical_insurance",
                "hardship",
                "martyr_family",
                "frontline_outstanding",
                "employer",
                "head_platform_enterprise",
                "employment_start_date",
                "integrity_deductions",
                "children",
                "certificates"));
        Worker full = h.situation().worker();
        Worker.Builder b = Worker.builder();
        Situation s = new Situation(b.build(), List.of(), h.situation().claims());
        int asked = 0;
        for (String f : order) {
            if (engine.assess(regionId, s, h.asOf()).decisions().stream()
                    .noneMatch(d -> d.status() == Status.NEEDS_INFO)) {
                return asked + 3; // the three event questions are still asked
            }
            asked++;
            if (f.equals("children") && full.children() != null) {
                asked += 2 * full.children().size();
            }
            if (f.equals("certificates") && full.certificates() != null) {
                asked += 2 * full.certificates().size();
            }
            s = new Situation(
                    copy(full, f, s.worker()), List.of(), h.situation().claims());
        }
        int events = 3;
        for (Event e : h.situation().events()) {
            events += e instanceof HomecomingTrip ? 4 : e instanceof Hospitalisation ? 5 : 2;
        }
        return asked + events;
    }

    private static Worker copy(Worker from, String field, Worker to) {
        Worker.Builder b = to.toBuilder();
        switch (field) {
            case "occupation" -> b.occupation(from.occupation());
            case "new_employment_form" -> b.newEmploymentForm(from.newEmploymentForm());
            case "work_city" -> b.workCity(from.workCity());
            case "residence_city" -> b.residenceCity(from.residenceCity());
            case "hukou_province" -> b.hukouProvince(from.hukouProvince());
            case "gender" -> b.gender(from.gender());
            case "birth_date" -> b.birthDate(from.birthDate());
            case "union_member" -> b.unionMember(from.unionMember());
            case "union_join_date" -> b.unionJoinDate(from.unionJoinDate());
            case "medical_insurance" -> b.medicalInsurance(from.medicalInsurance());
            case "hardship" -> b.hardship(from.hardship());
            case "martyr_family" -> b.martyrFamily(from.martyrFamily());
            case "frontline_outstanding" -> b.frontlineOutstanding(from.frontlineOutstanding());
            case "employer" -> b.employer(from.employer());
            case "head_platform_enterprise" -> b.headPlatformEnterprise(from.headPlatformEnterprise());
            case "employment_start_date" -> b.employmentStartDate(from.employmentStartDate());
            case "integrity_deductions" -> b.integrityDeductions(from.integrityDeductions());
            case "children" -> b.children(from.children());
            case "certificates" -> b.certificates(from.certificates());
            default -> throw new IllegalArgumentException(field);
        }
        return b.build();
    }

    /** How many distinct worker fields the region's rules read on a worker about whom nothing is known. */
    private int fieldsReadBy(Region region, String regionId) {
        Set<String> fields = new HashSet<>();
        LocalDate mid = midDate(region);
        Situation unknown = new Situation(
                Worker.unknown(),
                List.of(
                        new HomecomingTrip(null, null, null, null),
                        new Hospitalisation(null, null, null, null, null),
                        new WageArrears(null, null)),
                List.of());
        for (Decision d : engine.assess(regionId, unknown, mid).decisions()) {
            for (Reason r : d.reasons()) {
                fields.addAll(r.missing());
            }
            fields.addAll(d.missing());
        }
        return fields.size();
    }

    // ---- the hidden complete workers -------------------------------------------------------------

    private LocalDate midDate(Region r) {
        Parameter start = r.parameters().get("programme.start");
        Parameter end = r.parameters().get("programme.end");
        if (start == null || end == null) {
            return LocalDate.of(2025, 6, 1);
        }
        LocalDate a = (LocalDate) start.value();
        LocalDate b = (LocalDate) end.value();
        return a.plusDays((b.toEpochDay() - a.toEpochDay()) / 2);
    }

    private LocalDate asOf(Region r) {
        Parameter start = r.parameters().get("programme.start");
        Parameter end = r.parameters().get("programme.end");
        LocalDate a = start == null ? LocalDate.of(2024, 6, 1) : (LocalDate) start.value();
        LocalDate b = end == null ? LocalDate.of(2026, 6, 1) : (LocalDate) end.value();
        if (random.nextInt(5) == 0) { // now and then outside the period
            a = a.minusYears(1);
            b = b.plusYears(1);
        }
        return a.plusDays(random.nextLong(b.toEpochDay() - a.toEpochDay() + 1));
    }

    private final Places places = Places.standard();

    /** The region's own places (its parameters), a neighbour and somewhere else. */
    private List<Place> cities(Region r) {
        List<Place> c = new ArrayList<>();
        for (Parameter p : r.parameters().values()) {
            Object v = p.value();
            if (v instanceof Place place) {
                if (place.level() == Place.Level.PROVINCE) {
                    places.all().stream()
                            .filter(x -> x.level() != Place.Level.PROVINCE
                                    && x.province().equals(place))
                            .limit(3)
                            .forEach(c::add);
                } else {
                    c.add(place);
                }
            }
        }
        c.add(places.city("work_city", "beijing"));
        c.add(places.city("work_city", "chengdu"));
        return c;
    }

    Hidden complete(Region r) {
        LocalDate asOf = asOf(r);
        List<Place> cities = cities(r);
        Place work = cities.get(random.nextInt(cities.size()));
        Place home = random.nextInt(4) == 0 ? cities.get(random.nextInt(cities.size())) : work;
        List<Place> provinces = List.of(
                work.province(),
                places.province("hukou_province", "henan"),
                places.province("hukou_province", "shaanxi"),
                places.province("hukou_province", "gansu"));
        boolean member = random.nextBoolean();
        Worker.Builder b = Worker.builder()
                .occupation(one(Occupation.values()))
                .newEmploymentForm(random.nextInt(5) > 0)
                .workCity(work)
                .residenceCity(home)
                .hukouProvince(provinces.get(random.nextInt(provinces.size())))
                .gender(one(Gender.values()))
                .birthDate(asOf.minusDays(random.nextLong(16 * 365, 70 * 365)))
                .unionMember(member)
                .unionJoinDate(member ? asOf.minusDays(random.nextLong(0, 12 * 365)) : null)
                .medicalInsurance(one(MedicalInsurance.values()))
                .hardship(random.nextInt(4) == 0)
                .martyrFamily(random.nextInt(20) == 0)
                .frontlineOutstanding(random.nextInt(10) == 0)
                .employer(List.of("SF_EXPRESS", "MEITUAN", "DIDI", "OTHER").get(random.nextInt(4)))
                .headPlatformEnterprise(random.nextBoolean())
                .employmentStartDate(asOf.minusDays(random.nextLong(0, 10 * 365)))
                .integrityDeductions(random.nextInt(5) == 0)
                .children(children(asOf))
                .certificates(certificates(asOf));
        List<Event> events = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            events.add(new HomecomingTrip(
                    asOf.minusDays(random.nextLong(0, 400)),
                    one(TripReason.values()),
                    random.nextBoolean(),
                    money(50, 600)));
        }
        if (random.nextInt(4) == 0) {
            LocalDate in = asOf.minusDays(random.nextLong(0, 400));
            events.add(new Hospitalisation(
                    random.nextBoolean() ? "xian_union_hospital" : "another_hospital",
                    in,
                    in.plusDays(random.nextLong(0, 20)).isAfter(asOf) ? asOf : in.plusDays(random.nextLong(0, 20)),
                    money(100, 6000),
                    money(10, 900)));
        }
        if (random.nextInt(5) == 0) {
            events.add(new WageArrears(asOf.minusDays(random.nextLong(0, 400)), money(100, 20000)));
        }
        List<Claim> claims = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            Benefit any = r.benefits().get(random.nextInt(r.benefits().size()));
            claims.add(new Claim(any.code(), asOf.minusDays(random.nextLong(0, 500))));
        }
        return new Hidden(new Situation(b.build(), events, claims), asOf);
    }

    private List<Child> children(LocalDate asOf) {
        int n = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 3);
        List<Child> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add(new Child(asOf.minusDays(random.nextLong(0, 25 * 365)), one(SchoolStage.values())));
        }
        return c;
    }

    private List<Certificate> certificates(LocalDate asOf) {
        int n = random.nextInt(3) == 0 ? 1 : 0;
        List<Certificate> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add(new Certificate(one(CertificateKind.values()), asOf.minusDays(random.nextLong(0, 6 * 365))));
        }
        return c;
    }

    private BigDecimal money(int low, int high) {
        return BigDecimal.valueOf(random.nextLong(low * 100L, high * 100L), 2);
    }

    private <T> T one(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---- answering from the hidden worker --------------------------------------------------------

    /** The hidden worker's answer to {@code field}; {@code null} when the worker has none (skipped). */
    static Object answer(String field, Situation hidden, Situation sofar) {
        Worker w = hidden.worker();
        if (field.startsWith("events.")) {
            String type = field.substring("events.".length());
            return hidden.events().stream().anyMatch(e -> e.type().equals(type));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "(children|certificates|events)\\[(\\d+)]\\.([a-z_]+)")
                .matcher(field);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(2));
            String part = m.group(3);
            switch (m.group(1)) {
                case "children" -> {
                    Child c = w.children().get(i);
                    return part.equals("birth_date") ? c.birthDate() : c.schoolStage();
                }
                case "certificates" -> {
                    Certificate c = w.certificates().get(i);
                    return part.equals("kind") ? c.kind() : c.date();
                }
                default -> {
                    String type = sofar.events().get(i).type();
                    Event e = hidden.events().stream()
                            .filter(x -> x.type().equals(type))
                            .findFirst()
                            .orElseThrow();
                    return part(e, part);
                }
            }
        }
        return switch (field) {
            case "occupation" -> w.occupation();
            case "new_employment_form" -> w.newEmploymentForm();
            case "work_city" -> w.workCity();
            case "residence_city" -> w.residenceCity();
            case "hukou_province" -> w.hukouProvince();
            case "gender" -> w.gender();
            case "birth_date" -> w.birthDate();
            case "union_member" -> w.unionMember();
            case "union_join_date" -> w.unionJoinDate();
            case "medical_insurance" -> w.medicalInsurance();
            case "hardship" -> w.hardship();
            case "martyr_family" -> w.martyrFamily();
            case "frontline_outstanding" -> w.frontlineOutstanding();
            case "employer" -> w.employer();
            case "head_platform_enterprise" -> w.headPlatformEnterprise();
            case "employment_start_date" -> w.employmentStartDate();
            case "integrity_deductions" -> w.integrityDeductions();
            case "children" -> w.children() == null ? null : w.children().size();
            case "certificates" ->
                w.certificates() == null ? null : w.certificates().size();
            default -> throw new IllegalArgumentException("unexpected question " + field);
        };
    }

    private static Object part(Event e, String part) {
        if (e instanceof HomecomingTrip t) {
            return switch (part) {
                case "date" -> t.date();
                case "reason" -> t.reason();
                case "union_certified" -> t.unionCertified();
                default -> t.ticketCost();
            };
        }
        if (e instanceof Hospitalisation h) {
            return switch (part) {
                case "hospital" -> h.hospital();
                case "admission_date" -> h.admissionDate();
                case "discharge_date" -> h.dischargeDate();
                case "out_of_pocket_cost" -> h.outOfPocketCost();
                default -> h.mealCost();
            };
        }
        WageArrears a = (WageArrears) e;
        return part.equals("date") ? a.date() : a.amount();
    }

    /** Runs the full sample: {@code InterviewSimulation [workers per region, default 10000]}. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Nuanxin engine = Nuanxin.builder().build();
        for (String region : engine.regionIds()) {
            long t0 = System.nanoTime();
            Figures f = new InterviewSimulation(engine, 20261205L).run(region, n);
            System.out.println(f + String.format(java.util.Locale.ROOT, " (%.1f s)", (System.nanoTime() - t0) / 1e9));
            f.firstProblems().stream().limit(5).forEach(p -> System.out.println("  " + p));
        }
    }
}
