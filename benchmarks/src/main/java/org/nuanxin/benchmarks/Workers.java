package org.nuanxin.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A seeded generator of realistic worker situations per region, shared by every benchmark and test
 * so that every implementation sees the same workers: the same {@code (region, count, seed)} always
 * gives the same cases.
 *
 * <p>The mix: about a fifth of each field unknown (more for the rarely known ones), work and
 * residence cities inside the region, elsewhere in the same province or in another province, hukou
 * provinces with the region's own province the most common, children and certificates sometimes
 * known, about four workers in ten with events (trips home, hospital stays, now and then unpaid
 * wages; their fields also sometimes unknown) and one in five with claims already granted. The
 * assessment date falls mostly inside the programme's period and sometimes just outside it. No date
 * of birth lies after the assessment date, so every case is valid input.
 */
public final class Workers {

    /** Cases per benchmark: each operation assesses the next one, cycling. */
    public static final int COUNT = 1_000;
    /** The seed every benchmark uses. */
    public static final long SEED = 20_250_901L;

    /** One assessment's input. */
    public record Case(Situation situation, LocalDate asOf) {}

    /**
     * What the generator needs to know of a region.
     *
     * @param id        region id
     * @param inside    work cities inside the region (the first is the most common)
     * @param nearby    cities outside the region but close by (the same province, for a city region)
     * @param elsewhere cities in other provinces
     * @param home      the region's province (as a hukou province)
     * @param first     first programme day: assessment dates cluster in {@code [first, last]}
     * @param last      last programme day
     */
    public record RegionSpec(
            String id,
            List<String> inside,
            List<String> nearby,
            List<String> elsewhere,
            String home,
            LocalDate first,
            LocalDate last) {}

    /** The regions the project bundles. */
    public static final Map<String, RegionSpec> REGIONS = Map.of(
            "xian",
                    new RegionSpec(
                            "xian",
                            List.of("xian"),
                            List.of("xianyang", "baoji", "weinan"),
                            List.of("zhengzhou", "lanzhou", "chengdu", "beijing"),
                            "shaanxi",
                            LocalDate.of(2025, 9, 1),
                            LocalDate.of(2028, 9, 30)),
            "qingdao",
                    new RegionSpec(
                            "qingdao",
                            List.of("qingdao"),
                            List.of("yantai", "jinan"),
                            List.of("beijing", "zhengzhou", "shanghai"),
                            "shandong",
                            LocalDate.of(2021, 11, 1),
                            LocalDate.of(2022, 12, 31)),
            "zhejiang",
                    new RegionSpec(
                            "zhejiang",
                            List.of("hangzhou", "ningbo", "cixi", "wenzhou"),
                            List.of("shanghai"),
                            List.of("zhengzhou", "chengdu", "beijing"),
                            "zhejiang",
                            LocalDate.of(2023, 1, 1),
                            LocalDate.of(2025, 12, 31)),
            "neimenggu",
                    new RegionSpec(
                            "neimenggu",
                            List.of("huhehaote", "baotou", "eerduosi"),
                            List.of("beijing"),
                            List.of("lanzhou", "zhengzhou"),
                            "neimenggu",
                            LocalDate.of(2023, 1, 1),
                            LocalDate.of(2025, 12, 31)),
            "xinjiang",
                    new RegionSpec(
                            "xinjiang",
                            List.of("wulumuqi", "hami", "kashi"),
                            List.of("lanzhou"),
                            List.of("zhengzhou", "chengdu"),
                            "xinjiang",
                            LocalDate.of(2024, 11, 1),
                            LocalDate.of(2026, 6, 30)));

    private static final List<String> PROVINCES = List.of(
            "henan",
            "gansu",
            "sichuan",
            "shanxi",
            "shaanxi",
            "shandong",
            "hebei",
            "anhui",
            "zhejiang",
            "neimenggu",
            "xinjiang",
            "hubei");
    private static final List<String> EMPLOYERS =
            List.of("SF_EXPRESS", "顺丰速运", "MEITUAN", "ELEME", "DIDI", "JD_LOGISTICS", "a small courier station");
    private static final Occupation[] OCCUPATIONS = Occupation.values();

    private final RegionSpec spec;
    private final SplittableRandom random;
    private final List<String> benefitCodes;

    /** The one assessment date of every case, or {@code null} for dates spread over the programme. */
    private final LocalDate day;

    private Workers(RegionSpec spec, long seed, LocalDate day) {
        this.spec = spec;
        this.day = day;
        this.random = new SplittableRandom(seed * 31 + spec.id().hashCode());
        this.benefitCodes = benefitCodes(spec.id());
    }

    /** {@link #COUNT} cases of a region with the benchmarks' {@link #SEED}. */
    public static Case[] generate(String region) {
        return generate(region, COUNT, SEED);
    }

    /**
     * {@code count} cases of a region, their assessment dates spread over the programme.
     *
     * @throws IllegalArgumentException for a region the generator does not know
     */
    public static Case[] generate(String region, int count, long seed) {
        return generate(region, count, seed, null);
    }

    /**
     * {@code count} cases of a region all assessed on {@code day} (a hotline's or a planner's day), or with
     * dates spread over the programme when {@code day} is {@code null}. Every case's own dates (birth, events,
     * claims) are drawn back from its assessment date either way.
     *
     * @throws IllegalArgumentException for a region the generator does not know
     */
    public static Case[] generate(String region, int count, long seed, LocalDate day) {
        Workers g = new Workers(spec(region), seed, day);
        Case[] cases = new Case[count];
        for (int i = 0; i < count; i++) {
            cases[i] = g.next(i);
        }
        return cases;
    }

    /** The middle day of the region's programme: a day on which it is in force. */
    public static LocalDate midpoint(String region) {
        RegionSpec spec = spec(region);
        return spec.first().plusDays((spec.last().toEpochDay() - spec.first().toEpochDay()) / 2);
    }

    private static RegionSpec spec(String region) {
        RegionSpec spec = REGIONS.get(region);
        if (spec == null) {
            throw new IllegalArgumentException(
                    "no worker generator for region " + region + "; known: " + REGIONS.keySet());
        }
        return spec;
    }

    private Case next(int index) {
        LocalDate asOf = asOf();
        Worker worker = Worker.builder()
                .id("bench-" + spec.id() + "-" + index)
                .occupation(known(0.9) ? occupation() : null)
                .newEmploymentForm(flag(0.85, 0.88))
                .workCity(city(0.8, 0.75))
                .residenceCity(city(0.5, 0.7))
                .hukouProvince(
                        known(0.85) ? (known(0.35) ? place(spec.home(), true) : place(pick(PROVINCES), true)) : null)
                .gender(known(0.85) ? (known(0.7) ? Gender.MALE : Gender.FEMALE) : null)
                .birthDate(known(0.8) ? asOf.minusDays(days(18 * 365, 62 * 365)) : null)
                .unionMember(flag(0.8, 0.6))
                .unionJoinDate(known(0.4) ? asOf.minusDays(days(0, 6 * 365)) : null)
                .medicalInsurance(known(0.7) ? MedicalInsurance.values()[random.nextInt(3)] : null)
                .hardship(flag(0.6, 0.15))
                .martyrFamily(flag(0.3, 0.05))
                .frontlineOutstanding(flag(0.3, 0.1))
                .employer(known(0.5) ? pick(EMPLOYERS) : null)
                .headPlatformEnterprise(flag(0.5, 0.6))
                .employmentStartDate(known(0.6) ? asOf.minusDays(days(0, 10 * 365)) : null)
                .integrityDeductions(flag(0.4, 0.1))
                .children(children(asOf))
                .certificates(certificates(asOf))
                .build();
        List<Event> events = new ArrayList<>(2);
        if (known(0.4)) {
            int n = known(0.8) ? 1 : 2;
            for (int i = 0; i < n; i++) {
                double r = random.nextDouble();
                events.add(r < 0.55 ? trip(asOf) : r < 0.95 ? stay(asOf) : arrears(asOf));
            }
        }
        List<Claim> claims = new ArrayList<>(2);
        if (known(0.2) && !benefitCodes.isEmpty()) {
            int n = known(0.7) ? 1 : 2;
            for (int i = 0; i < n; i++) {
                claims.add(new Claim(pick(benefitCodes), asOf.minusDays(days(0, 500))));
            }
        }
        return new Case(new Situation(worker, events, claims), asOf);
    }

    /** Mostly inside the programme period, sometimes up to 90 days either side of it. */
    private LocalDate asOf() {
        if (day != null) {
            return day;
        }
        long span = spec.last().toEpochDay() - spec.first().toEpochDay();
        if (known(0.88)) {
            return spec.first().plusDays(random.nextLong(span + 1));
        }
        return known(0.5)
                ? spec.first().minusDays(1 + random.nextLong(90))
                : spec.last().plusDays(1 + random.nextLong(90));
    }

    private Occupation occupation() {
        double r = random.nextDouble();
        if (r < 0.25) {
            return Occupation.COURIER;
        }
        if (r < 0.5) {
            return Occupation.FOOD_DELIVERY_RIDER;
        }
        if (r < 0.65) {
            return Occupation.RIDE_HAILING_DRIVER;
        }
        if (r < 0.75) {
            return Occupation.TRUCK_DRIVER;
        }
        return OCCUPATIONS[random.nextInt(OCCUPATIONS.length)];
    }

    /** A city: unknown with probability {@code 1 - known}; else inside the region with probability {@code inside}. */
    private Place city(double known, double inside) {
        if (!known(known)) {
            return null;
        }
        if (known(inside)) {
            return place(known(0.6) ? spec.inside().get(0) : pick(spec.inside()), false);
        }
        return place(known(0.5) ? pick(spec.nearby()) : pick(spec.elsewhere()), false);
    }

    private List<Child> children(LocalDate asOf) {
        double r = random.nextDouble();
        if (r < 0.25) {
            return null; // unknown
        }
        if (r < 0.55) {
            return List.of(); // known: none
        }
        int n = 1 + random.nextInt(3);
        List<Child> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int ageDays = (int) days(0, 25 * 365);
            LocalDate birth = known(0.9) ? asOf.minusDays(ageDays) : null;
            children.add(new Child(birth, known(0.85) ? stage(ageDays / 365) : null));
        }
        return children;
    }

    private static SchoolStage stage(int age) {
        if (age < 3) {
            return SchoolStage.NONE;
        }
        if (age < 6) {
            return SchoolStage.PRESCHOOL;
        }
        if (age < 12) {
            return SchoolStage.PRIMARY;
        }
        if (age < 15) {
            return SchoolStage.JUNIOR_SECONDARY;
        }
        if (age < 18) {
            return SchoolStage.SENIOR_SECONDARY;
        }
        return age < 23 ? SchoolStage.UNIVERSITY : SchoolStage.NONE;
    }

    private List<Certificate> certificates(LocalDate asOf) {
        double r = random.nextDouble();
        if (r < 0.5) {
            return null;
        }
        if (r < 0.75) {
            return List.of();
        }
        int n = 1 + random.nextInt(2);
        List<Certificate> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            CertificateKind kind = known(0.9) ? (known(0.5) ? CertificateKind.SKILL : CertificateKind.DEGREE) : null;
            list.add(new Certificate(kind, known(0.9) ? asOf.minusDays(days(0, 6 * 365)) : null));
        }
        return list;
    }

    private HomecomingTrip trip(LocalDate asOf) {
        LocalDate date = known(0.8) ? (known(0.97) ? asOf.minusDays(days(0, 500)) : asOf.plusDays(days(1, 60))) : null;
        TripReason reason = null;
        if (known(0.85)) {
            double r = random.nextDouble();
            reason = r < 0.35
                    ? TripReason.MAJOR_MATTER
                    : r < 0.7 ? TripReason.URGENT_MATTER : r < 0.9 ? TripReason.HOLIDAY : TripReason.OTHER;
        }
        return new HomecomingTrip(date, reason, flag(0.8, 0.7), known(0.8) ? money(30_00, 800_00) : null);
    }

    private Hospitalisation stay(LocalDate asOf) {
        String hospital = known(0.85) ? (known(0.6) ? "xian_union_hospital" : "a city hospital") : null;
        LocalDate admission = known(0.75) ? asOf.minusDays(days(0, 400)) : null;
        LocalDate discharge = null;
        if (known(0.6)) {
            discharge = admission == null ? asOf.minusDays(days(0, 400)) : min(admission.plusDays(days(0, 20)), asOf);
        }
        return new Hospitalisation(
                hospital,
                admission,
                discharge,
                known(0.8) ? money(0, 9_000_00) : null,
                known(0.7) ? money(0, 900_00) : null);
    }

    private WageArrears arrears(LocalDate asOf) {
        return new WageArrears(
                known(0.8) ? asOf.minusDays(days(0, 300)) : null, known(0.8) ? money(100_00, 20_000_00) : null);
    }

    private boolean known(double p) {
        return random.nextDouble() < p;
    }

    /** Unknown with probability {@code 1 - known}, else true with probability {@code yes}. */
    private Boolean flag(double known, double yes) {
        return known(known) ? Boolean.valueOf(known(yes)) : null;
    }

    private long days(long min, long max) {
        return min + random.nextLong(max - min + 1);
    }

    private BigDecimal money(long minFen, long maxFen) {
        return BigDecimal.valueOf(minFen + random.nextLong(maxFen - minFen + 1), 2);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static Place place(String id, boolean province) {
        return province
                ? Places.standard().province("hukou_province", id)
                : Places.standard().city("work_city", id);
    }

    /** The region's benefit codes, read from its {@code benefits.yaml} on the classpath (for claims). */
    private static List<String> benefitCodes(String region) {
        String path = "org/nuanxin/region/" + region + "/benefits.yaml";
        try (InputStream in = Workers.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return List.of();
            }
            Matcher m = Pattern.compile("(?m)^\\s*-\\s*code:\\s*([A-Z0-9_]+)")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> codes = new ArrayList<>();
            while (m.find()) {
                codes.add(m.group(1));
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts of what the generated cases hold, for a quick look ({@code java -cp benchmarks.jar org.nuanxin.benchmarks.Workers xian}). */
    public static void main(String[] args) {
        String region = args.length > 0 ? args[0] : "xian";
        Case[] cases = generate(region);
        int events = 0;
        int claims = 0;
        int withEvents = 0;
        for (Case c : cases) {
            events += c.situation().events().size();
            claims += c.situation().claims().size();
            withEvents += c.situation().events().isEmpty() ? 0 : 1;
        }
        System.out.printf(
                "%s: %d cases, %d with events (%d events), %d claims%n",
                region, cases.length, withEvents, events, claims);
    }
}
