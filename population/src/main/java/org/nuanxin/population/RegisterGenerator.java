package org.nuanxin.population;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.nuanxin.InvalidInputException;
import org.nuanxin.model.Place;
import org.nuanxin.model.Places;
import org.nuanxin.model.Worker;
import org.nuanxin.spi.RegionProvider;

/**
 * Writes a synthetic member register (CSV in {@link RegisterFormat}) for a region: a realistic mix of gig
 * workers, mostly working in the region's cities and some elsewhere, with the occupations, hukou provinces
 * and employers one would expect there, 10 to 30 % of cells left empty
 * (unknown), children and certificates sometimes, and, unless turned off, one trip home, hospital stay
 * or wage arrears now and then. Optionally a fraction of rows is deliberately bad (an unknown city or
 * value, a malformed date or boolean, a negative amount, a missing cell), to exercise error reporting.
 *
 * <p>What it knows of a region is the region's {@link RegisterProfile}: its cities, hukou provinces, local
 * employer, hospital and occupation mix. A region on the classpath ships its profile as
 * {@code register-profile.yaml} beside its rules ({@link RegionProvider#registerProfile()}); {@link #regions()}
 * lists those found through {@link ServiceLoader}, and a profile can also be given directly. What holds
 * everywhere (the occupation mixes, the platforms that employ riders, couriers and drivers, the cities
 * elsewhere that some work in) is here.
 *
 * <p>The same seed, profile, row count and options give the same file, byte for byte. Rows are written
 * one at a time: memory stays constant however many are asked for. The data is made up; no row
 * describes a real person.
 */
public final class RegisterGenerator {

    /**
     * How to generate.
     *
     * @param referenceDate  the date the register is drawn up on: every date lies before it (birth dates,
     *                       joining, events); {@code null} for the profile's
     *                       {@linkplain RegisterProfile#referenceDate() default}
     * @param badRowFraction share of deliberately bad rows, 0 to 1 (default 0)
     * @param events         whether to write the event columns (default true)
     */
    public record Options(LocalDate referenceDate, double badRowFraction, boolean events) {
        public Options {
            if (!(badRowFraction >= 0 && badRowFraction <= 1)) {
                throw new IllegalArgumentException("bad-row fraction must be between 0 and 1");
            }
        }

        /** The profile's reference date, no bad rows, with events. */
        public static Options defaults() {
            return new Options(null, 0, true);
        }

        public Options withReferenceDate(LocalDate date) {
            return new Options(date, badRowFraction, events);
        }

        public Options withBadRowFraction(double fraction) {
            return new Options(referenceDate, fraction, events);
        }

        public Options withEvents(boolean on) {
            return new Options(referenceDate, badRowFraction, on);
        }
    }

    private RegisterGenerator() {}

    /**
     * Writes {@code rows} data rows (after the header) for {@code region} with the default options.
     *
     * @throws InvalidInputException naming {@code region} when no region on the classpath by that id ships a
     *                               register profile
     */
    public static void write(Writer out, long rows, String region, long seed) throws IOException {
        write(out, rows, region, seed, Options.defaults());
    }

    /**
     * Writes a header and {@code rows} data rows for {@code region}, a region on the classpath that ships a
     * register profile. The writer is flushed, not closed.
     *
     * @throws InvalidInputException naming {@code region} when no region on the classpath by that id ships a
     *                               register profile, or its profile is malformed
     */
    public static void write(Writer out, long rows, String region, long seed, Options options) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        write(out, rows, profile(region), seed, options);
    }

    /**
     * Writes a header and {@code rows} data rows for the region {@code profile} describes, whether or not the
     * region is on the classpath. The writer is flushed, not closed.
     */
    public static void write(Writer out, long rows, RegisterProfile profile, long seed, Options options)
            throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(options, "options");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative");
        }
        LocalDate ref = options.referenceDate() != null ? options.referenceDate() : profile.referenceDate();
        List<String> columns = new ArrayList<>(Worker.FIELDS);
        if (options.events()) {
            columns.addAll(RegisterFormat.EVENT_COLUMNS);
        }
        out.write(String.join(",", columns));
        out.write('\n');
        Row gen = new Row(profile, ref, new SplittableRandom(seed), options, columns.size());
        StringBuilder line = new StringBuilder(512);
        for (long i = 1; i <= rows; i++) {
            line.setLength(0);
            gen.write(i, line);
            line.append('\n');
            out.append(line);
        }
        out.flush();
    }

    /**
     * The regions on the classpath that ship a register profile, by id: those {@link ServiceLoader} finds as
     * {@link RegionProvider}s (the first found of an id, as the engine takes) whose
     * {@link RegionProvider#registerProfile()} is not empty.
     */
    public static List<String> regions() {
        return List.copyOf(profileTexts().keySet());
    }

    /**
     * The register profile of a region on the classpath.
     *
     * @throws InvalidInputException naming {@code region}, and listing the regions that have one, when no region
     *                               on the classpath by that id ships a register profile
     * @throws org.nuanxin.MalformedFileException when its profile is malformed
     */
    public static RegisterProfile profile(String region) {
        Map<String, String> texts = profileTexts();
        String text = texts.get(region);
        if (text == null) {
            throw new InvalidInputException(
                    "region",
                    "no register generator profile for region '" + RegisterFormat.shorten(String.valueOf(region))
                            + "'; "
                            + (texts.isEmpty()
                                    ? "no region on the classpath ships one"
                                    : "regions with one: " + String.join(", ", texts.keySet())));
        }
        return RegisterProfile.parse(region, region + "/" + RegionProvider.REGISTER_PROFILE, text);
    }

    /** The date a region's register is drawn up on by default: a day its programme is in effect. */
    public static LocalDate referenceDate(String region) {
        return profile(region).referenceDate();
    }

    /** Region id → profile text, sorted by id. */
    private static Map<String, String> profileTexts() {
        Map<String, Optional<String>> first = new TreeMap<>();
        for (RegionProvider p : ServiceLoader.load(RegionProvider.class, RegisterGenerator.class.getClassLoader())) {
            if (!first.containsKey(p.id())) {
                first.put(p.id(), p.registerProfile());
            }
        }
        Map<String, String> texts = new TreeMap<>();
        first.forEach((id, text) -> text.ifPresent(t -> texts.put(id, t)));
        return texts;
    }

    // --- what holds in every region ------------------------------------------------------------------------

    /** Cumulative-weight choice among strings. */
    private record Pick(String[] values, double[] cumulative) {
        static Pick of(Object... valueWeight) {
            int n = valueWeight.length / 2;
            String[] v = new String[n];
            double[] c = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                v[i] = (String) valueWeight[2 * i];
                sum += ((Number) valueWeight[2 * i + 1]).doubleValue();
                c[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                c[i] /= sum;
            }
            return new Pick(v, c);
        }

        static Pick of(Map<String, Double> weights) {
            Object[] valueWeight = new Object[2 * weights.size()];
            int i = 0;
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                valueWeight[i++] = e.getKey();
                valueWeight[i++] = e.getValue();
            }
            return of(valueWeight);
        }

        String next(SplittableRandom r) {
            double x = r.nextDouble();
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    private static final Pick ELSEWHERE = Pick.of(
            "beijing",
            3,
            "shanghai",
            3,
            "guangzhou",
            2,
            "shenzhen",
            2,
            "chengdu",
            2,
            "zhengzhou",
            2,
            "wuhan",
            2,
            "lanzhou",
            1,
            "taiyuan",
            1,
            "hefei",
            1,
            "nanjing",
            1,
            "changsha",
            1,
            "chongqing",
            2,
            "tianjin",
            1);

    private static final Pick GIG_OCCUPATIONS = Pick.of(
            "FOOD_DELIVERY_RIDER",
            34,
            "COURIER",
            30,
            "RIDE_HAILING_DRIVER",
            12,
            "TRUCK_DRIVER",
            8,
            "TAXI_DRIVER",
            3,
            "DOMESTIC_WORKER",
            3,
            "SECURITY_GUARD",
            2,
            "ONLINE_STREAMER",
            2,
            "SANITATION_WORKER",
            2,
            "OTHER",
            4);

    private static final Pick OUTDOOR_OCCUPATIONS = Pick.of(
            "FOOD_DELIVERY_RIDER",
            30,
            "COURIER",
            28,
            "RIDE_HAILING_DRIVER",
            11,
            "TRUCK_DRIVER",
            9,
            "TAXI_DRIVER",
            4,
            "DOMESTIC_WORKER",
            3,
            "SECURITY_GUARD",
            2,
            "ONLINE_STREAMER",
            2,
            "SANITATION_WORKER",
            5,
            "TRAFFIC_POLICE",
            1,
            "CITY_MANAGEMENT",
            1,
            "OTHER",
            4);

    private static final Pick RIDER_EMPLOYERS = Pick.of("MEITUAN", 55, "ELE_ME", 35, "SHANSONG", 4, "-local", 6);
    private static final Pick DRIVER_EMPLOYERS = Pick.of("DIDI", 62, "T3_MOBILITY", 12, "CAOCAO", 10, "-local", 16);
    private static final Pick TRUCK_EMPLOYERS =
            Pick.of("HUOLALA", 35, "FULL_TRUCK_ALLIANCE", 35, "SF_EXPRESS", 5, "-local", 25);
    private static final Pick TRIP_REASONS = Pick.of("MAJOR_MATTER", 3, "URGENT_MATTER", 3, "HOLIDAY", 3, "OTHER", 1);

    // --- rows ----------------------------------------------------------------------------------------------

    /** Generates rows; holds the random source and nothing per row beyond the line being written. */
    private static final class Row {
        private final RegisterProfile p;
        private final Pick homeCities;
        private final Pick hukou;
        private final Pick occupations;
        private final LocalDate ref;
        private final SplittableRandom r;
        private final Options options;
        private final String[] cells;
        private final Pick couriers;
        private double unknown;

        Row(RegisterProfile p, LocalDate ref, SplittableRandom r, Options options, int columns) {
            this.p = p;
            this.homeCities = Pick.of(p.workCities());
            this.hukou = Pick.of(p.hukouProvinces());
            this.occupations = switch (p.occupations()) {
                case GIG -> GIG_OCCUPATIONS;
                case OUTDOOR -> OUTDOOR_OCCUPATIONS;
            };
            this.couriers = Pick.of(
                    "SF_EXPRESS",
                    p.sfExpressWeight(),
                    "JD_LOGISTICS",
                    16,
                    "ZTO_EXPRESS",
                    16,
                    "YTO_EXPRESS",
                    12,
                    "YUNDA",
                    10,
                    "CAINIAO",
                    6,
                    "-local",
                    8);
            this.ref = ref;
            this.r = r;
            this.options = options;
            this.cells = new String[columns];
        }

        void write(long n, StringBuilder line) {
            java.util.Arrays.fill(cells, "");
            unknown = 0.10 + 0.20 * r.nextDouble();
            int c = 0;
            cells[c++] = p.region() + "-" + String.format("%09d", n);
            String occupation = occupations.next(r);
            boolean platform = switch (occupation) {
                case "FOOD_DELIVERY_RIDER", "COURIER", "RIDE_HAILING_DRIVER", "TRUCK_DRIVER" -> true;
                default -> false;
            };
            cells[c++] = known(occupation);
            cells[c++] = known(bool(r.nextDouble() < (platform ? 0.93 : 0.45)));
            boolean home = r.nextDouble() < 0.84;
            String work = home ? homeCities.next(r) : ELSEWHERE.next(r);
            double where = r.nextDouble();
            String residence = where < 0.78 ? work : where < 0.93 ? homeCities.next(r) : ELSEWHERE.next(r);
            String workCell = known(place(work));
            cells[c++] = workCell;
            cells[c++] = known(place(residence));
            // work_province: mostly left out (derived); given, consistently, now and then
            cells[c++] = !workCell.isEmpty() && r.nextDouble() < 0.12
                    ? Places.standard().city("work_city", work).province().id()
                    : "";
            cells[c++] = known(hukou.next(r));
            boolean female = switch (occupation) {
                case "DOMESTIC_WORKER" -> r.nextDouble() < 0.85;
                case "ONLINE_STREAMER" -> r.nextDouble() < 0.55;
                case "FOOD_DELIVERY_RIDER", "COURIER", "TRUCK_DRIVER" -> r.nextDouble() < 0.12;
                default -> r.nextDouble() < 0.2;
            };
            cells[c++] = known(female ? "FEMALE" : "MALE");
            int age = (int) Math.min(59, Math.max(18, 21 + Math.abs(r.nextGaussian()) * 12));
            LocalDate birth = ref.minusYears(age).minusDays(r.nextInt(365));
            cells[c++] = known(birth.toString());
            boolean member = r.nextDouble() < 0.55;
            cells[c++] = known(bool(member));
            LocalDate adult = birth.plusYears(18);
            cells[c++] =
                    member ? known(between(later(adult, ref.minusYears(8)), ref).toString()) : "";
            cells[c++] = known(pickMedical());
            cells[c++] = known(bool(r.nextDouble() < 0.06));
            cells[c++] = known(bool(r.nextDouble() < 0.005));
            cells[c++] = known(bool(r.nextDouble() < 0.03));
            String employer = employer(occupation);
            cells[c++] = known(employer);
            cells[c++] = known(bool(head(employer)));
            cells[c++] = known(between(later(adult, ref.minusYears(12)), ref).toString());
            cells[c++] = known(bool(r.nextDouble() < 0.04));
            cells[c++] = known(children(birth, age));
            cells[c++] = known(certificates());
            if (options.events()) {
                c = events(c);
            }
            if (options.badRowFraction() > 0 && r.nextDouble() < options.badRowFraction()) {
                spoil(line);
                return;
            }
            join(line, cells);
        }

        private void join(StringBuilder line, String[] row) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(CsvReader.quote(row[i]));
            }
        }

        /** One deliberate mistake of a register clerk. */
        private void spoil(StringBuilder line) {
            int kind = r.nextInt(options.events() ? 6 : 5);
            switch (kind) {
                case 0 -> cells[3] = r.nextBoolean() ? "atlantis" : "gotham"; // work_city
                case 1 -> cells[1] = r.nextBoolean() ? "BIKER" : "rider"; // occupation
                case 2 -> cells[8] = r.nextBoolean() ? "2023-02-30" : "15/06/1990"; // birth_date
                case 3 -> cells[12] = r.nextBoolean() ? "maybe" : "unknown"; // hardship
                case 4 -> { // a cell short
                    String[] shorter = java.util.Arrays.copyOf(cells, cells.length - 1);
                    join(line, shorter);
                    return;
                }
                default -> { // trip_ticket_cost
                    int at = Worker.FIELDS.size() + 3;
                    cells[at - 3] = ref.minusDays(30).toString();
                    cells[at] = "-" + (50 + r.nextInt(300)) + ".00";
                }
            }
            join(line, cells);
        }

        private int events(int c) {
            if (r.nextDouble() < 0.07) { // a trip home
                cells[c] = half(between(ref.minusDays(300), ref).toString());
                cells[c + 1] = half(TRIP_REASONS.next(r));
                cells[c + 2] = half(bool(r.nextDouble() < 0.7));
                cells[c + 3] = half(money(80, 900));
            }
            c += 4;
            if (r.nextDouble() < 0.03) { // a hospital stay
                LocalDate in = between(ref.minusDays(300), ref.minusDays(15));
                cells[c] = half(r.nextDouble() < 0.5 ? p.hospital() : "district_hospital");
                cells[c + 1] = half(in.toString());
                cells[c + 2] = half(in.plusDays(1 + r.nextInt(14)).toString());
                cells[c + 3] = half(money(200, 20000));
                cells[c + 4] = half(money(20, 900));
            }
            c += 5;
            if (r.nextDouble() < 0.02) { // wage arrears
                cells[c] = half(between(ref.minusDays(365), ref).toString());
                cells[c + 1] = half(money(500, 30000));
            }
            return c + 2;
        }

        /** A place written the way registers write it: mostly pinyin, sometimes a code or the Chinese name. */
        private String place(String pinyin) {
            double x = r.nextDouble();
            if (x < 0.88) {
                return pinyin;
            }
            Place place = Places.standard().city("work_city", pinyin);
            return x < 0.95 ? place.code() : place.nameZh();
        }

        private String pickMedical() {
            double x = r.nextDouble();
            return x < 0.32 ? "URBAN_EMPLOYEE" : x < 0.86 ? "URBAN_RURAL_RESIDENT" : "NONE";
        }

        private String employer(String occupation) {
            return switch (occupation) {
                case "FOOD_DELIVERY_RIDER" -> RIDER_EMPLOYERS.next(r);
                case "COURIER" -> couriers.next(r);
                case "RIDE_HAILING_DRIVER" -> DRIVER_EMPLOYERS.next(r);
                case "TRUCK_DRIVER" -> TRUCK_EMPLOYERS.next(r);
                default -> "-local";
            };
        }

        /** Leaves the cell empty (unknown) at the row's unknown rate; resolves a local employer. */
        private String known(String value) {
            if (r.nextDouble() < unknown) {
                return "";
            }
            if (value.equals("-local")) {
                return r.nextDouble() < 0.3 ? p.employerName() + ", 分公司" : p.employerName();
            }
            return value;
        }

        /** Event cells are unknown half as often as the rest. */
        private String half(String value) {
            return r.nextDouble() < unknown / 2 ? "" : value;
        }

        private static boolean head(String employer) {
            return switch (employer) {
                case "MEITUAN",
                        "ELE_ME",
                        "DIDI",
                        "SF_EXPRESS",
                        "JD_LOGISTICS",
                        "HUOLALA",
                        "FULL_TRUCK_ALLIANCE",
                        "CAINIAO" -> true;
                default -> false;
            };
        }

        private String bool(boolean b) {
            return b ? "true" : "false";
        }

        private String money(int min, int max) {
            int yuan = min + r.nextInt(max - min);
            int fen = r.nextInt(4) == 0 ? 50 : r.nextInt(4) == 0 ? r.nextInt(100) : 0;
            return yuan + "." + (fen < 10 ? "0" : "") + fen;
        }

        private LocalDate between(LocalDate from, LocalDate to) {
            long days = ChronoUnit.DAYS.between(from, to);
            return days <= 0 ? to : from.plusDays(r.nextLong(days + 1));
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        private String children(LocalDate parentBirth, int parentAge) {
            double chance = parentAge >= 26 ? 0.62 : 0.10;
            if (r.nextDouble() >= chance) {
                return r.nextBoolean() ? "-" : "none";
            }
            int count = 1 + (r.nextDouble() < 0.45 ? 1 : 0) + (r.nextDouble() < 0.08 ? 1 : 0);
            StringBuilder s = new StringBuilder();
            LocalDate earliest = parentBirth.plusYears(20);
            for (int i = 0; i < count; i++) {
                LocalDate born = between(earliest, ref.minusDays(30));
                int age = (int) ChronoUnit.YEARS.between(born, ref);
                String stage = age < 3
                        ? ""
                        : age < 6
                                ? "PRESCHOOL"
                                : age < 12
                                        ? "PRIMARY"
                                        : age < 15
                                                ? "JUNIOR_SECONDARY"
                                                : age < 18
                                                        ? "SENIOR_SECONDARY"
                                                        : age < 22 && r.nextDouble() < 0.6 ? "UNIVERSITY" : "NONE";
                if (s.length() > 0) {
                    s.append(';');
                }
                s.append(born);
                if (!stage.isEmpty() && r.nextDouble() < 0.7) {
                    s.append(':').append(stage);
                }
            }
            return s.toString();
        }

        private String certificates() {
            double x = r.nextDouble();
            if (x >= 0.2) {
                return x < 0.75 ? "-" : "none";
            }
            int count = r.nextDouble() < 0.2 ? 2 : 1;
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < count; i++) {
                if (s.length() > 0) {
                    s.append(';');
                }
                s.append(r.nextDouble() < 0.3 ? "DEGREE" : "SKILL")
                        .append(':')
                        .append(between(ref.minusYears(6), ref.minusDays(1)));
            }
            return s.toString();
        }
    }
}
