package org.nuanxin.reliability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nuanxin.Benefit;
import org.nuanxin.Region;
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
import org.nuanxin.population.RegisterGenerator;

/**
 * A seeded generator of workers, events and claims for a region: every field unknown now and then,
 * valid otherwise, biased towards the values a region's rules look at (its cities, its province,
 * the union hospital, SF Express), with the canaries as id, employer and hospital. The same seed
 * gives the same workers.
 */
final class WorkerGenerator {

    /**
     * Cities per region, by GB/T 2260 code: its own and neighbours, the focus cities of its register profile
     * ({@code register-profile.yaml} beside its rules, found through the SPI).
     */
    static final Map<String, List<String>> CITIES;

    /** Each region's province, by code: its main city's, the first of its focus cities. */
    static final Map<String, String> PROVINCE;

    static {
        Map<String, List<String>> cities = new LinkedHashMap<>();
        Map<String, String> provinces = new LinkedHashMap<>();
        for (String region : RegisterGenerator.regions()) {
            List<Place> focus = RegisterGenerator.profile(region).focusCities().stream()
                    .map(c -> Places.standard().city("focus_cities", c))
                    .toList();
            cities.put(region, focus.stream().map(Place::code).toList());
            provinces.put(region, focus.get(0).province().code());
        }
        CITIES = Collections.unmodifiableMap(cities);
        PROVINCE = Collections.unmodifiableMap(provinces);
    }

    /**
     * The union hospital some region's rules name: Xi'an's, {@code hospital.union_hospital} in rules-xian's
     * parameters.yaml ({@code GeneratedWorkersTest} checks it still is). Offered for every region, as before.
     */
    static final String UNION_HOSPITAL = "xian_union_hospital";

    static final List<String> EMPLOYERS = List.of("SF_EXPRESS", "顺丰速运", "顺丰", Canaries.EMPLOYER, "MEITUAN");
    static final LocalDate FIRST = LocalDate.of(2021, 6, 1);
    static final LocalDate LAST = LocalDate.of(2029, 6, 30);

    /** One generated input; the lists are the very lists handed to the library, kept to check it copies them. */
    record Generated(
            int index,
            String region,
            LocalDate asOf,
            Situation situation,
            List<Child> children,
            List<Certificate> certificates,
            List<Event> events,
            List<Claim> claims) {}

    private final SplittableRandom random;
    private final Places places = Places.standard();
    private final List<Place> allCities;
    private final List<Place> allProvinces;
    private int count;

    WorkerGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.allCities = places.all().stream()
                .filter(p -> p.level() != Place.Level.PROVINCE)
                .toList();
        this.allProvinces = places.all().stream()
                .filter(p -> p.level() == Place.Level.PROVINCE)
                .toList();
    }

    SplittableRandom random() {
        return random;
    }

    /** The next worker for the region; two times in three the as-of date falls in its programme period. */
    Generated next(Region r) {
        String region = r.id();
        List<Benefit> benefits = r.benefits();
        LocalDate day = date(FIRST, LAST);
        if (random.nextInt(3) > 0 && r.parameters().get("programme.start") != null) {
            LocalDate start = (LocalDate) r.parameters().get("programme.start").value();
            LocalDate end = r.parameters().get("programme.end") == null
                    ? LAST
                    : (LocalDate) r.parameters().get("programme.end").value();
            day = date(start, end);
        }
        LocalDate asOf = day;
        List<Child> children = random.nextInt(4) == 0 ? null : children(asOf);
        List<Certificate> certificates = random.nextInt(3) == 0 ? null : certificates(asOf);
        Worker.Builder b = Worker.builder()
                .id(pick(0.6) ? Canaries.ID : pick(0.5) ? null : "W-" + random.nextInt(1_000_000))
                .occupation(maybe(() -> one(Occupation.values())))
                .newEmploymentForm(maybe(random::nextBoolean))
                .gender(maybe(() -> one(Gender.values())))
                .birthDate(maybe(() -> birthDate(asOf)))
                .unionMember(maybe(random::nextBoolean))
                .unionJoinDate(maybe(() -> date(asOf.minusYears(12), asOf)))
                .medicalInsurance(maybe(() -> one(MedicalInsurance.values())))
                .hardship(maybe(random::nextBoolean))
                .martyrFamily(maybe(random::nextBoolean))
                .frontlineOutstanding(maybe(random::nextBoolean))
                .employer(maybe(() -> EMPLOYERS.get(random.nextInt(EMPLOYERS.size()))))
                .headPlatformEnterprise(maybe(random::nextBoolean))
                .employmentStartDate(maybe(() -> date(asOf.minusYears(10), asOf)))
                .integrityDeductions(maybe(random::nextBoolean))
                .children(children)
                .certificates(certificates)
                .workCity(maybe(() -> city(region)))
                .residenceCity(maybe(() -> city(region)))
                .hukouProvince(maybe(this::province));
        Worker w = b.build();
        if (w.workCity() == null && pick(0.3)) {
            w = w.toBuilder()
                    .workProvince(
                            pick(0.6) ? places.byCode(PROVINCE.get(region)).orElseThrow() : province())
                    .build();
        }
        List<Event> events = new ArrayList<>();
        int n = random.nextInt(5) == 0 ? 0 : random.nextInt(1, 4);
        for (int i = 0; i < n; i++) {
            events.add(event(region, asOf));
        }
        List<Claim> claims = new ArrayList<>();
        int c = random.nextInt(3) == 0 ? random.nextInt(1, 3) : 0;
        for (int i = 0; i < c; i++) {
            claims.add(new Claim(benefits.get(random.nextInt(benefits.size())).code(), date(asOf.minusYears(2), asOf)));
        }
        return new Generated(
                count++, region, asOf, new Situation(w, events, claims), children, certificates, events, claims);
    }

    Event event(String region, LocalDate asOf) {
        return switch (random.nextInt(3)) {
            case 0 ->
                new HomecomingTrip(
                        maybe(() -> date(asOf.minusYears(2), asOf.plusDays(30))),
                        maybe(() -> one(TripReason.values())),
                        maybe(random::nextBoolean),
                        maybe(() -> money(800)));
            case 1 -> {
                LocalDate admission = maybe(() -> date(asOf.minusYears(2), asOf.plusDays(10)));
                LocalDate discharge = maybe(() -> (admission == null ? asOf : admission).plusDays(random.nextInt(40)));
                yield new Hospitalisation(
                        maybe(() -> hospital(region)),
                        admission,
                        discharge,
                        maybe(() -> money(9000)),
                        maybe(() -> money(1200)));
            }
            default -> new WageArrears(maybe(() -> date(asOf.minusYears(2), asOf)), maybe(() -> money(20000)));
        };
    }

    List<Child> children(LocalDate asOf) {
        List<Child> list = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            list.add(child(asOf, 0.15));
        }
        return list;
    }

    Child child(LocalDate asOf, double unknown) {
        return new Child(pick(unknown) ? null : childBirthDate(asOf), pick(unknown) ? null : one(SchoolStage.values()));
    }

    List<Certificate> certificates(LocalDate asOf) {
        List<Certificate> list = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            list.add(certificate(asOf, 0.15));
        }
        return list;
    }

    Certificate certificate(LocalDate asOf, double unknown) {
        return new Certificate(
                pick(unknown) ? null : one(CertificateKind.values()),
                pick(unknown) ? null : date(LocalDate.of(2019, 1, 1), asOf));
    }

    /** A birth date 16 to 70 years before the as-of date; now and then a birthday on it, or a leap day. */
    LocalDate birthDate(LocalDate asOf) {
        return switch (random.nextInt(10)) {
            case 0 -> asOf.minusYears(random.nextInt(16, 71)); // turns N on the day
            case 1 -> asOf.minusYears(random.nextInt(16, 71)).plusDays(1); // turns N tomorrow
            case 2 -> LocalDate.of(1960 + 4 * random.nextInt(10), 2, 29); // leap-day birthday
            default -> date(asOf.minusYears(70), asOf.minusYears(16));
        };
    }

    LocalDate childBirthDate(LocalDate asOf) {
        return random.nextInt(8) == 0 ? asOf.minusYears(random.nextInt(0, 25)) : date(asOf.minusYears(25), asOf);
    }

    Place city(String region) {
        if (pick(0.7)) {
            List<String> codes = CITIES.get(region);
            return places.byCode(codes.get(random.nextInt(codes.size()))).orElseThrow();
        }
        return allCities.get(random.nextInt(allCities.size()));
    }

    Place province() {
        return switch (random.nextInt(4)) {
            case 0 -> places.byCode("610000").orElseThrow(); // Shaanxi
            case 1 -> places.byCode("140000").orElseThrow(); // Shanxi, the look-alike
            default -> allProvinces.get(random.nextInt(allProvinces.size()));
        };
    }

    String hospital(String region) {
        return switch (random.nextInt(4)) {
            case 0, 1 -> UNION_HOSPITAL;
            case 2 -> Canaries.HOSPITAL;
            default -> "西安市第一医院";
        };
    }

    /** An amount in CNY from 0.00 to {@code max}, to the fen; now and then a round figure or zero. */
    BigDecimal money(int max) {
        return switch (random.nextInt(8)) {
            case 0 -> new BigDecimal(random.nextInt(max / 50 + 1) * 50 + ".00");
            case 1 -> new BigDecimal("0.00");
            default -> BigDecimal.valueOf(random.nextLong(max * 100L + 1), 2);
        };
    }

    LocalDate date(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    boolean pick(double p) {
        return random.nextDouble() < p;
    }

    <T> T one(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The value, or (one time in four) unknown. */
    <T> T maybe(java.util.function.Supplier<T> value) {
        return random.nextInt(4) == 0 ? null : value.get();
    }

    Places places() {
        return places;
    }

    List<Place> allCities() {
        return allCities;
    }
}
