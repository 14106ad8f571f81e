package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
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
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Situation;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;
import org.nuanxin.reliability.Corpus.Kind;
import org.nuanxin.scenario.ScenarioCase;
import org.nuanxin.scenario.ScenarioFile;
import org.nuanxin.scenario.ScenarioRunner;
import org.nuanxin.scenario.WorkerFile;

/**
 * Every worker, event and claim field, absent, null, of the wrong type, empty, out of range, malformed
 * and oddly spelled (full-width digits, stray spaces), through the worker-file and scenario-file readers
 * (YAML) and through {@code Worker.builder()} and the records. Each gives a decision or the library's
 * own input error naming the field: never a Drools exception or a NullPointerException escaping. An
 * accepted odd spelling decides exactly as the plain one; and an unknown field never yields a silent
 * NOT_ELIGIBLE: if a benefit is NOT_ELIGIBLE with the field unknown, it is NOT_ELIGIBLE whatever valid
 * value the field takes.
 */
@Order(40)
class NullAndGarbageSweepTest {

    private static Nuanxin engine;
    private static final List<String> OPTIMISTIC = new ArrayList<>();

    @BeforeAll
    static void engine() {
        engine = Corpus.engine(Kind.BUNDLED);
    }

    // --- the base documents: every field known ------------------------------------------------------------

    /** A worker file with every field known, for a region, near the region's benefits. */
    record Base(String region, LocalDate asOf, Map<String, Object> doc) {}

    static Base base(String region) {
        LocalDate asOf;
        String city;
        String province;
        String occupation;
        String employer;
        switch (region) {
            case "xian" -> {
                asOf = LocalDate.of(2026, 3, 10);
                city = "xian";
                province = "shaanxi";
                occupation = "COURIER";
                employer = q(Canaries.EMPLOYER);
            }
            case "qingdao" -> {
                asOf = LocalDate.of(2022, 6, 15);
                city = "qingdao";
                province = "shandong";
                occupation = "RIDE_HAILING_DRIVER";
                employer = q(Canaries.EMPLOYER);
            }
            case "zhejiang" -> {
                asOf = LocalDate.of(2025, 7, 15);
                city = "cixi";
                province = "zhejiang";
                occupation = "FOOD_DELIVERY_RIDER";
                employer = q(Canaries.EMPLOYER);
            }
            case "neimenggu" -> {
                asOf = LocalDate.of(2025, 6, 15);
                city = "ordos";
                province = "neimenggu";
                occupation = "FOOD_DELIVERY_RIDER";
                employer = q(Canaries.EMPLOYER);
            }
            case "xinjiang" -> {
                asOf = LocalDate.of(2025, 9, 15);
                city = "hami";
                province = "xinjiang";
                occupation = "COURIER";
                employer = "SF_EXPRESS";
            }
            default -> throw new IllegalArgumentException(region);
        }
        String firstCode = engine.region(region).benefits().get(0).code();
        String tripCode = region.equals("xian") ? "XIAN_HOMECOMING_TICKET_SUBSIDY" : firstCode;
        Map<String, Object> worker = Yaml.map(
                "id",
                q(Canaries.ID),
                "occupation",
                occupation,
                "new_employment_form",
                "true",
                "work_city",
                city,
                "residence_city",
                city,
                "work_province",
                province,
                "hukou_province",
                "henan",
                "gender",
                "FEMALE",
                "birth_date",
                asOf.minusYears(35).minusDays(40).toString(),
                "union_member",
                "true",
                "union_join_date",
                asOf.minusYears(2).toString(),
                "medical_insurance",
                "URBAN_EMPLOYEE",
                "hardship",
                "true",
                "martyr_family",
                "false",
                "frontline_outstanding",
                "true",
                "employer",
                employer,
                "head_platform_enterprise",
                "true",
                "employment_start_date",
                asOf.minusYears(4).toString(),
                "integrity_deductions",
                "false",
                "children",
                new ArrayList<>(
                        List.of(Yaml.map("birth_date", asOf.minusYears(10).toString(), "school_stage", "PRIMARY"))),
                "certificates",
                new ArrayList<>(List.of(
                        Yaml.map("kind", "SKILL", "date", asOf.minusDays(60).toString()))));
        List<Object> events = new ArrayList<>(List.of(
                Yaml.map(
                        "type",
                        "HOMECOMING_TRIP",
                        "date",
                        asOf.minusDays(160).toString(),
                        "reason",
                        "URGENT_MATTER",
                        "union_certified",
                        "true",
                        "ticket_cost",
                        "150.00"),
                Yaml.map(
                        "type",
                        "HOSPITALISATION",
                        "hospital",
                        WorkerGenerator.UNION_HOSPITAL,
                        "admission_date",
                        asOf.minusDays(60).toString(),
                        "discharge_date",
                        asOf.minusDays(55).toString(),
                        "out_of_pocket_cost",
                        "2000.00",
                        "meal_cost",
                        "300.00"),
                Yaml.map(
                        "type",
                        "HOSPITALISATION",
                        "hospital",
                        q(Canaries.HOSPITAL),
                        "admission_date",
                        asOf.minusDays(30).toString(),
                        "discharge_date",
                        asOf.minusDays(28).toString(),
                        "out_of_pocket_cost",
                        "800.00",
                        "meal_cost",
                        "90.00"),
                Yaml.map("type", "WAGE_ARREARS", "date", asOf.minusDays(40).toString(), "amount", "5000.00")));
        // a ticket subsidy already granted in the as-of year: the trip (dated last year) still qualifies
        List<Object> claims = new ArrayList<>(List.of(Yaml.map(
                "benefit", tripCode, "date", LocalDate.of(asOf.getYear(), 1, 2).toString())));
        Map<String, Object> doc = Yaml.map(
                "region", region, "as_of", asOf.toString(), "worker", worker, "events", events, "claims", claims);
        return new Base(region, asOf, doc);
    }

    /** A double-quoted YAML scalar. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case 0 -> b.append("\\0");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // --- field types, garbage and valid values ----------------------------------------------------------------

    enum Type {
        TEXT,
        ENUM,
        BOOL,
        CITY,
        PROVINCE,
        DATE,
        DATE_BIRTH,
        DATE_CHILD,
        DATE_EVENT,
        MONEY,
        CHILDREN,
        CERTIFICATES,
        EVENT_TYPE,
        CODE,
        EVENTS,
        CLAIMS,
        REGION,
        WORKER,
        ITEM
    }

    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of(
            "occupation",
            Occupation.class,
            "gender",
            Gender.class,
            "medical_insurance",
            MedicalInsurance.class,
            "school_stage",
            SchoolStage.class,
            "kind",
            CertificateKind.class,
            "reason",
            TripReason.class);

    static Type type(List<Object> path) {
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer) {
            return Type.ITEM;
        }
        String key = (String) last;
        boolean inWorker = path.size() == 2 && "worker".equals(path.get(0));
        return switch (key) {
            case "id", "employer", "hospital" -> Type.TEXT;
            case "occupation", "gender", "medical_insurance", "school_stage", "kind", "reason" -> Type.ENUM;
            case "new_employment_form",
                    "union_member",
                    "hardship",
                    "martyr_family",
                    "frontline_outstanding",
                    "head_platform_enterprise",
                    "integrity_deductions",
                    "union_certified" -> Type.BOOL;
            case "work_city", "residence_city" -> Type.CITY;
            case "work_province", "hukou_province" -> Type.PROVINCE;
            case "birth_date" -> inWorker ? Type.DATE_BIRTH : Type.DATE_CHILD;
            case "date" -> "events".equals(path.get(0)) ? Type.DATE_EVENT : Type.DATE;
            case "admission_date", "discharge_date" -> Type.DATE_EVENT;
            case "union_join_date", "employment_start_date", "as_of" -> Type.DATE;
            case "ticket_cost", "out_of_pocket_cost", "meal_cost", "amount" -> Type.MONEY;
            case "children" -> Type.CHILDREN;
            case "certificates" -> Type.CERTIFICATES;
            case "type" -> Type.EVENT_TYPE;
            case "benefit" -> Type.CODE;
            case "events" -> Type.EVENTS;
            case "claims" -> Type.CLAIMS;
            case "region" -> Type.REGION;
            case "worker" -> Type.WORKER;
            default -> throw new AssertionError("no type for " + path);
        };
    }

    /** A variant of a field: its YAML text (or {@link Yaml#ABSENT}) and, for an odd spelling, the plain one. */
    record Variant(String label, Object yaml, Object plain) {
        static Variant of(String label, Object yaml) {
            return new Variant(label, yaml, null);
        }
    }

    static final String LONG = "x".repeat(10_000);

    static List<Variant> variants(Type t, Object base) {
        List<Variant> v = new ArrayList<>(List.of(
                Variant.of("absent", Yaml.ABSENT),
                Variant.of("null", "~"),
                Variant.of("empty string", "\"\""),
                Variant.of("blank", "\"   \""),
                Variant.of("a mapping", "{x: 1}"),
                Variant.of("a list", "[1, 2]")));
        String b = base instanceof String s ? s : null;
        switch (t) {
            case TEXT ->
                v.addAll(List.of(
                        Variant.of("10,000 characters", LONG),
                        Variant.of("NUL", "\"\\0\""),
                        Variant.of("right-to-left override", "\"\u202Eevil\""),
                        Variant.of("a number", "12345"),
                        Variant.of("a boolean", "true")));
            case ENUM ->
                v.addAll(List.of(
                        new Variant("lower case, spaces", q(" " + b.toLowerCase(Locale.ROOT) + " "), b),
                        new Variant("full-width letters", q(fullWidth(b)), b),
                        Variant.of("typo", b + "S"),
                        Variant.of("a number", "0"),
                        Variant.of("a boolean", "true")));
            case BOOL ->
                v.addAll(List.of(
                        Variant.of("yes", "yes"),
                        Variant.of("quoted true", "\"true\""),
                        Variant.of("1", "1"),
                        Variant.of("是", "是"),
                        Variant.of("a date", "2026-01-01")));
            case CITY, PROVINCE -> {
                String code =
                        org.nuanxin.model.Places.standard().city("x", "xian").code();
                org.nuanxin.model.Place p = t == Type.CITY
                        ? org.nuanxin.model.Places.standard().city("f", b)
                        : org.nuanxin.model.Places.standard().province("f", b);
                v.addAll(List.of(
                        new Variant("full-width code", q(fullWidth(p.code())), b),
                        new Variant("code", q(p.code()), b),
                        new Variant("code unquoted", p.code(), b),
                        new Variant("stray spaces", q(" " + b + " "), b),
                        new Variant("ideographic space", q(b + "\u3000"), b),
                        new Variant("full-width letters", q(fullWidth(b)), b),
                        new Variant("upper case", q(b.toUpperCase(Locale.ROOT)), b),
                        new Variant("Chinese name", q(p.nameZh()), b),
                        Variant.of("malformed code", q(p.code().substring(0, 5) + "X")),
                        Variant.of("no such code", q("999999")),
                        Variant.of(
                                "wrong level", q(t == Type.CITY ? p.province().code() : code)),
                        Variant.of("ambiguous", q("taizhou")),
                        Variant.of("a boolean", "true"),
                        Variant.of("10,000 characters", LONG)));
            }
            case DATE, DATE_BIRTH, DATE_CHILD, DATE_EVENT ->
                v.addAll(List.of(
                        Variant.of("year 1826 (age 200)", "1826-01-01"),
                        Variant.of("year 9999", "9999-12-31"),
                        Variant.of("30 February", "2026-02-30"),
                        Variant.of("slashes", "2026/03/10"),
                        Variant.of("no dashes", "20260310"),
                        Variant.of("one-digit month", "2026-3-1"),
                        Variant.of("year 10000", "+10000-01-01"),
                        Variant.of("year 0", "0000-01-01"),
                        Variant.of("negative year", "\"-2026-01-01\""),
                        new Variant("stray spaces", q(" " + b + " "), b),
                        Variant.of("full-width digits", q(fullWidth(b))),
                        Variant.of("a number", "12"),
                        Variant.of("a timestamp", "2026-03-10T08:00:00Z")));
            case MONEY ->
                v.addAll(List.of(
                        Variant.of("-1", "-1"),
                        Variant.of("-0.01", "-0.01"),
                        Variant.of("fraction of a fen", "1.005"),
                        new Variant("exponent", "1.5e2", "150.00"),
                        new Variant("full-width digits", q(fullWidth(b)), b),
                        new Variant("stray spaces", q(" " + b + " "), b),
                        Variant.of("a billion", "1000000000"),
                        Variant.of("NaN", ".nan"),
                        Variant.of("infinity", ".inf"),
                        Variant.of("hex", "0x10"),
                        Variant.of("thousands separator", "\"1,000.00\""),
                        Variant.of("currency sign", "\"¥100\""),
                        Variant.of("a boolean", "true"),
                        Variant.of("zero", "0.00")));
            case CHILDREN ->
                v.addAll(List.of(
                        Variant.of("none", new ArrayList<>()),
                        Variant.of("list of numbers", "[1]"),
                        Variant.of("list of text", "[\"x\"]"),
                        Variant.of("list of empty", "[{}]"),
                        Variant.of("list of null", "[~]"),
                        Variant.of("a text", "none"),
                        Variant.of("child born 1826", "[{birth_date: 1826-01-01}]"),
                        Variant.of("child born 9999", "[{birth_date: 9999-12-31}]"),
                        Variant.of("unknown stage", "[{school_stage: KINDERGARTEN}]"),
                        Variant.of("unknown field", "[{name: x}]")));
            case CERTIFICATES ->
                v.addAll(List.of(
                        Variant.of("none", new ArrayList<>()),
                        Variant.of("list of numbers", "[1]"),
                        Variant.of("list of empty", "[{}]"),
                        Variant.of("list of null", "[~]"),
                        Variant.of("unknown kind", "[{kind: PHD}]"),
                        Variant.of("dated 9999", "[{kind: SKILL, date: 9999-12-31}]"),
                        Variant.of("unknown field", "[{grade: 1}]")));
            case EVENT_TYPE ->
                v.addAll(List.of(
                        Variant.of("lower case", "\"" + b.toLowerCase(Locale.ROOT) + "\""),
                        Variant.of("typo", b + "S"),
                        Variant.of("a number", "1")));
            case CODE ->
                v.addAll(List.of(Variant.of("no such benefit", "NO_SUCH_BENEFIT"), Variant.of("a number", "1")));
            case EVENTS, CLAIMS ->
                v.addAll(List.of(
                        Variant.of("none", new ArrayList<>()),
                        Variant.of("list of numbers", "[1]"),
                        Variant.of("list of null", "[~]"),
                        Variant.of("list of empty", "[{}]"),
                        Variant.of("a text", "none")));
            case REGION ->
                v.addAll(List.of(
                        Variant.of("stray spaces", q(" " + b + " ")),
                        Variant.of("upper case", b.toUpperCase(Locale.ROOT)),
                        Variant.of("unknown region", "atlantis")));
            case WORKER -> v.addAll(List.of(Variant.of("a text", "none")));
            case ITEM -> v.addAll(List.of(Variant.of("a number", "1"), Variant.of("a text", "x")));
        }
        return v;
    }

    /** Valid values for the "never a silent NOT_ELIGIBLE" check; null when the field's absence is not "unknown". */
    static List<Object> valid(Type t, String key, Base b) {
        LocalDate d = b.asOf();
        return switch (t) {
            case TEXT ->
                switch (key) {
                    case "id" -> List.of(q(Canaries.ID), "W-1");
                    case "employer" -> List.of("SF_EXPRESS", q(Canaries.EMPLOYER), "MEITUAN");
                    default -> List.of(WorkerGenerator.UNION_HOSPITAL, q(Canaries.HOSPITAL));
                };
            case ENUM ->
                Arrays.stream(ENUMS.get(key).getEnumConstants())
                        .map(e -> (Object) e.name())
                        .toList();
            case BOOL -> List.of("true", "false");
            case CITY -> {
                List<Object> cities = new ArrayList<>(WorkerGenerator.CITIES.get(b.region()));
                cities.addAll(List.of("410100", "beijing"));
                yield cities;
            }
            case PROVINCE -> List.of(WorkerGenerator.PROVINCE.get(b.region()), "610000", "140000", "410000");
            case DATE_BIRTH ->
                List.of(
                        d.minusYears(17).toString(),
                        d.minusYears(18).toString(),
                        d.minusYears(30).toString(),
                        d.minusYears(59).toString(),
                        d.minusYears(61).toString(),
                        d.minusYears(70).toString());
            case DATE_CHILD ->
                List.of(
                        d.minusYears(2).toString(),
                        d.minusYears(10).toString(),
                        d.minusYears(17).toString(),
                        d.minusYears(19).toString());
            case DATE_EVENT ->
                List.of(
                        d.minusDays(30).toString(),
                        d.minusDays(160).toString(),
                        d.minusDays(400).toString(),
                        d.toString());
            case DATE ->
                List.of(
                        d.minusYears(10).toString(),
                        d.minusYears(3).toString(),
                        d.minusYears(1).toString(),
                        d.minusDays(30).toString(),
                        d.toString());
            case MONEY -> List.of("0.00", "150.00", "2999.99", "5000.00");
            case CHILDREN ->
                List.of(
                        new ArrayList<>(),
                        new ArrayList<>(List.of(
                                Yaml.map("birth_date", d.minusYears(10).toString(), "school_stage", "PRIMARY"))),
                        new ArrayList<>(List.of(
                                Yaml.map("birth_date", d.minusYears(20).toString(), "school_stage", "UNIVERSITY"))),
                        new ArrayList<>(List.of(
                                Yaml.map("birth_date", d.minusYears(3).toString(), "school_stage", "PRESCHOOL"))));
            case CERTIFICATES ->
                List.of(
                        new ArrayList<>(),
                        new ArrayList<>(List.of(Yaml.map(
                                "kind", "SKILL", "date", d.minusDays(30).toString()))),
                        new ArrayList<>(List.of(Yaml.map(
                                "kind", "DEGREE", "date", d.minusYears(5).toString()))));
            default -> null;
        };
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return b.toString();
    }

    // --- running one document ----------------------------------------------------------------------------------

    /** What one document came to through one reader. */
    record Outcome(Assessment assessment, Situation situation, InvalidInputException error, Throwable escaped) {}

    static Outcome viaWorkerFile(Base b, Map<String, Object> doc) {
        try {
            WorkerFile wf = WorkerFile.parse("w.yaml", Yaml.write(doc));
            String region = wf.region() == null ? b.region() : wf.region();
            return new Outcome(engine.assess(region, wf.situation(), wf.asOf()), wf.situation(), null, null);
        } catch (InvalidInputException e) {
            Observed.exception("sweep (worker file)", e);
            return new Outcome(null, null, e, null);
        } catch (Throwable t) {
            Observed.exception("sweep (worker file)", t);
            return new Outcome(null, null, null, t);
        }
    }

    static Outcome viaScenarioFile(Base b, Map<String, Object> doc) {
        Map<String, Object> c = Yaml.map("name", "sweep");
        for (String k : List.of("as_of", "worker", "events", "claims")) {
            if (doc.containsKey(k)) {
                c.put(k, doc.get(k));
            }
        }
        c.put("expect", Yaml.map(engine.region(b.region()).benefits().get(0).code(), "NEEDS_INFO"));
        Map<String, Object> file = Yaml.map();
        if (doc.containsKey("region")) {
            file.put("region", doc.get("region"));
        }
        file.put("cases", new ArrayList<>(List.of(c)));
        try {
            ScenarioFile f = ScenarioFile.parse("s.yaml", Yaml.write(file));
            ScenarioRunner runner = new ScenarioRunner(engine);
            runner.check(f);
            ScenarioCase sc = f.cases().get(0);
            return new Outcome(runner.run(sc).assessment(), sc.situation(), null, null);
        } catch (InvalidInputException e) {
            Observed.exception("sweep (scenario file)", e);
            return new Outcome(null, null, e, null);
        } catch (Throwable t) {
            Observed.exception("sweep (scenario file)", t);
            return new Outcome(null, null, null, t);
        }
    }

    /**
     * Whether an input error names the field: its field path has the key, or its message does (an error
     * located at the enclosing node, "no region: give region: …"), not counting the list of accepted
     * field names an unknown-field error ends with. A date that conflicts with another (a birth date after
     * the as-of date) may be named by either; a missing {@code worker:} turns the file into a bare worker.
     */
    static boolean names(InvalidInputException e, String key, String container) {
        String field = e.field();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int list = message.indexOf("expected one of:");
        String own = list < 0 ? message : message.substring(0, list);
        if (field.contains(key) || own.contains(key)) {
            return true;
        }
        if (key.equals("as_of")) {
            return field.contains("birth_date");
        }
        return key.equals("worker");
    }

    // --- the YAML sweep ----------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyFieldThroughTheReaders() {
        return Corpus.REGIONS.stream()
                .map(region -> DynamicTest.dynamicTest(region, () -> {
                    Base b = base(region);
                    List<String> failures = new ArrayList<>();
                    Outcome plain = viaWorkerFile(b, b.doc());
                    assertTrue(plain.assessment() != null, () -> "the base document is accepted: " + plain);
                    long docs = 0;
                    long rejected = 0;
                    long monotonic = 0;
                    for (List<Object> path : Yaml.paths(b.doc(), List.of())) {
                        Type t = type(path);
                        String key = path.get(path.size() - 1) instanceof String s
                                ? s
                                : String.valueOf(path.get(path.size() - 2));
                        String container = path.size() > 1
                                ? String.valueOf(path.get(
                                        path.size() > 2 && path.get(path.size() - 2) instanceof Integer
                                                ? path.size() - 3
                                                : path.size() - 2))
                                : null;
                        Object baseValue = Yaml.get(b.doc(), path);
                        for (Variant v : variants(t, baseValue)) {
                            Map<String, Object> doc = Yaml.set(b.doc(), path, v.yaml());
                            String at = region + " " + pathText(path) + " = " + v.label();
                            for (boolean scenario : new boolean[] {false, true}) {
                                Outcome o = scenario ? viaScenarioFile(b, doc) : viaWorkerFile(b, doc);
                                docs++;
                                String via = scenario ? " (scenario file)" : " (worker file)";
                                if (o.escaped() != null) {
                                    failures.add(at + via + ": "
                                            + o.escaped().getClass().getName() + " escaped: "
                                            + firstLine(o.escaped().getMessage()));
                                } else if (o.error() != null) {
                                    rejected++;
                                    if (!names(o.error(), key, container)) {
                                        failures.add(at + via + ": the error does not name " + key + ": "
                                                + o.error().getClass().getSimpleName() + " field="
                                                + o.error().field() + ": "
                                                + firstLine(o.error().getMessage()));
                                    }
                                } else if (!scenario && v.plain() != null) {
                                    Outcome p = viaWorkerFile(b, Yaml.set(b.doc(), path, v.plain()));
                                    if (p.assessment() != null
                                            && !p.assessment().equals(o.assessment())) {
                                        failures.add(
                                                at + via + ": accepted, but decides otherwise than the plain spelling "
                                                        + v.plain() + ": "
                                                        + ConcurrencyHammerTest.firstDifference(
                                                                p.assessment(), o.assessment()));
                                    }
                                }
                                if (!scenario && o.assessment() != null && modelValue(o.situation(), o, path) == null) {
                                    List<Object> values = valid(t, key, b);
                                    if (values != null) {
                                        monotonic++;
                                        notSilentlyIneligible(b, path, v, o.assessment(), values, failures);
                                    }
                                }
                            }
                        }
                    }
                    Figures.add("sweep.yaml.documents", docs);
                    Figures.add("sweep.yaml.rejected", rejected);
                    Figures.add("sweep.yaml.unknownChecks", monotonic);
                    Figures.add("sweep.yaml.failures", failures.size());
                    synchronized (OPTIMISTIC) {
                        Figures.put("sweep.optimisticDefaults", OPTIMISTIC.size());
                        OPTIMISTIC.stream()
                                .filter(x -> x.startsWith(region + " "))
                                .forEach(x ->
                                        System.out.println("sweep: optimistic default (listed, not failed): " + x));
                    }
                    System.out.printf(
                            "sweep %s: %d documents, %d rejected with an input error, %d unknown-field checks, %d failures%n",
                            region, docs, rejected, monotonic, failures.size());
                    assertTrue(
                            failures.isEmpty(),
                            () -> failures.size() + " problem(s) in " + region + ":\n  "
                                    + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))));
                }));
    }

    /**
     * With the field unknown, a NOT_ELIGIBLE benefit must stay NOT_ELIGIBLE for every valid value: a
     * known disqualifier decided it, not the unknown. (ELIGIBLE with the field unknown but NOT_ELIGIBLE
     * with a value is an optimistic default; it is listed, not failed.)
     */
    private static void notSilentlyIneligible(
            Base b, List<Object> path, Variant v, Assessment unknown, List<Object> values, List<String> failures) {
        for (Object value : values) {
            Outcome o = viaWorkerFile(b, Yaml.set(b.doc(), path, value));
            if (o.assessment() == null) {
                continue; // e.g. a city outside the given work_province: an input error, fine
            }
            for (int i = 0; i < unknown.decisions().size(); i++) {
                Decision u = unknown.decisions().get(i);
                Decision k = o.assessment().decisions().get(i);
                if (u.status() == Status.NOT_ELIGIBLE && k.status() != Status.NOT_ELIGIBLE) {
                    failures.add(b.region() + " " + pathText(path) + " " + v.label()
                            + ": silent NOT_ELIGIBLE — with the field" + " unknown " + ConcurrencyHammerTest.brief(u)
                            + ", but with " + value + " it is " + k.status());
                } else if (u.status() == Status.ELIGIBLE && k.status() == Status.NOT_ELIGIBLE) {
                    synchronized (OPTIMISTIC) {
                        String s = b.region() + " " + pathText(path) + " " + v.label() + ": " + u.code()
                                + " ELIGIBLE while unknown, NOT_ELIGIBLE with " + value;
                        if (!OPTIMISTIC.contains(s)) {
                            OPTIMISTIC.add(s);
                        }
                    }
                }
            }
        }
    }

    /** The model's value at a document path, to tell whether a variant made the field unknown. */
    static Object modelValue(Situation s, Outcome o, List<Object> path) {
        try {
            String first = (String) path.get(0);
            switch (first) {
                case "worker" -> {
                    Object node = component(s.worker(), (String) path.get(1));
                    if (path.size() == 2) {
                        return node;
                    }
                    List<?> list = (List<?>) node;
                    int i = (Integer) path.get(2);
                    if (list == null || list.size() <= i) {
                        return null;
                    }
                    return path.size() == 3 ? list.get(i) : component(list.get(i), (String) path.get(3));
                }
                case "events", "claims" -> {
                    List<?> list = first.equals("events") ? s.events() : s.claims();
                    if (path.size() == 1) {
                        return list;
                    }
                    int i = (Integer) path.get(1);
                    if (list.size() <= i) {
                        return "(removed)";
                    }
                    return path.size() == 2
                            ? list.get(i)
                            : ((String) path.get(2)).equals("type")
                                    ? "type"
                                    : component(list.get(i), (String) path.get(2));
                }
                default -> {
                    return "(not a model field)";
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object component(Object record, String snake) throws ReflectiveOperationException {
        StringBuilder camel = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                camel.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        for (RecordComponent rc : record.getClass().getRecordComponents()) {
            if (rc.getName().equals(camel.toString())) {
                return rc.getAccessor().invoke(record);
            }
        }
        throw new AssertionError(record.getClass().getSimpleName() + " has no component " + camel);
    }

    static String pathText(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object k : path) {
            if (k instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(k);
            }
        }
        return b.toString();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        String line = s.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    // --- the Java API ---------------------------------------------------------------------------------------

    /** One probe of the Java API: building the input may throw; then it is assessed. */
    record Probe(String label, String field, String region, LocalDate asOf, Supplier<Situation> input) {}

    static List<Probe> builderProbes() {
        LocalDate asOf = LocalDate.of(2026, 3, 10);
        Worker w = Worker.builder()
                .occupation(Occupation.COURIER)
                .newEmploymentForm(true)
                .workCity("xian")
                .hukouProvince("henan")
                .id(Canaries.ID)
                .employer(Canaries.EMPLOYER)
                .build();
        List<Probe> p = new ArrayList<>();
        String[] places = {
            "",
            "   ",
            "６１０１００",
            " xian ",
            "xian\u3000",
            "ｘｉａｎ",
            "XIAN",
            "61010X",
            "999999",
            "shaanxi",
            "610000",
            "140000",
            "taizhou",
            "西安",
            "\u0000",
            LONG,
            "\u202Exian"
        };
        for (String s : places) {
            p.add(new Probe(
                    "work_city " + label(s),
                    "work_city",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder()
                            .workProvince((org.nuanxin.model.Place) null)
                            .workCity(s)
                            .build())));
            p.add(new Probe(
                    "residence_city " + label(s),
                    "residence_city",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder().residenceCity(s).build())));
            p.add(new Probe(
                    "work_province " + label(s),
                    "work_province",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder()
                            .workCity((org.nuanxin.model.Place) null)
                            .workProvince(s)
                            .build())));
            p.add(new Probe(
                    "hukou_province " + label(s),
                    "hukou_province",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder().hukouProvince(s).build())));
        }
        p.add(new Probe(
                "work_province not containing work_city",
                "work_province",
                "xian",
                asOf,
                () -> Situation.of(w.toBuilder().workProvince("zhejiang").build())));
        LocalDate[] dates = {
            LocalDate.of(1826, 1, 1),
            LocalDate.of(9999, 12, 31),
            LocalDate.MIN,
            LocalDate.MAX,
            asOf,
            asOf.plusDays(1),
            LocalDate.of(2000, 2, 29)
        };
        for (LocalDate d : dates) {
            p.add(new Probe(
                    "birth_date " + d,
                    "birth_date",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder().birthDate(d).build())));
            p.add(new Probe(
                    "union_join_date " + d,
                    "union_join_date",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder().unionJoinDate(d).build())));
            p.add(new Probe(
                    "employment_start_date " + d,
                    "employment_start_date",
                    "xinjiang",
                    asOf,
                    () -> Situation.of(w.toBuilder()
                            .employer("SF_EXPRESS")
                            .workProvince((org.nuanxin.model.Place) null)
                            .workCity("urumqi")
                            .employmentStartDate(d)
                            .build())));
            p.add(new Probe(
                    "children[0].birth_date " + d,
                    "children",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder()
                            .children(List.of(new Child(d, SchoolStage.PRIMARY)))
                            .build())));
            p.add(new Probe(
                    "certificates[0].date " + d,
                    "certificates",
                    "xinjiang",
                    asOf,
                    () -> Situation.of(w.toBuilder()
                            .workProvince((org.nuanxin.model.Place) null)
                            .workCity("urumqi")
                            .employer("SF_EXPRESS")
                            .certificates(List.of(new Certificate(CertificateKind.SKILL, d)))
                            .build())));
            p.add(new Probe(
                    "events[0].date (trip) " + d,
                    "date",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w,
                            List.of(new HomecomingTrip(d, TripReason.URGENT_MATTER, true, new BigDecimal("100.00"))),
                            List.of())));
            p.add(new Probe(
                    "events[0].admission_date " + d,
                    "admission_date",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w,
                            List.of(new Hospitalisation(WorkerGenerator.UNION_HOSPITAL, d, null, null, null)),
                            List.of())));
            p.add(new Probe(
                    "events[0].discharge_date " + d,
                    "discharge_date",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w,
                            List.of(new Hospitalisation(
                                    WorkerGenerator.UNION_HOSPITAL, asOf.minusDays(3), d, null, null)),
                            List.of())));
            p.add(new Probe(
                    "events[0].date (arrears) " + d,
                    "date",
                    "xian",
                    asOf,
                    () -> new Situation(w, List.of(new WageArrears(d, new BigDecimal("10.00"))), List.of())));
            p.add(new Probe(
                    "claims[0].date " + d,
                    "date",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w,
                            List.of(),
                            List.of(
                                    new Claim("XIAN_HOMECOMING_TICKET_SUBSIDY", d),
                                    new Claim("XIAN_FREE_HEALTH_CHECK", d)))));
            for (String region : Corpus.REGIONS) {
                p.add(new Probe(
                        "as_of " + d + " in " + region,
                        "as_of",
                        region,
                        d,
                        () -> new Situation(
                                w.toBuilder().birthDate(null).build(),
                                List.of(new HomecomingTrip(null, TripReason.URGENT_MATTER, true, null)),
                                List.of())));
            }
        }
        String[] money = {"-1", "-0.01", "1.005", "1000000000", "999999999.99", "1E+2", "0", "0.000", "1E-3"};
        for (String m : money) {
            BigDecimal x = new BigDecimal(m);
            p.add(new Probe(
                    "ticket_cost " + m,
                    "ticket_cost",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w,
                            List.of(new HomecomingTrip(asOf.minusDays(3), TripReason.URGENT_MATTER, true, x)),
                            List.of())));
            p.add(new Probe(
                    "out_of_pocket_cost " + m,
                    "out_of_pocket_cost",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w,
                            List.of(new Hospitalisation(
                                    WorkerGenerator.UNION_HOSPITAL, asOf.minusDays(3), null, x, null)),
                            List.of())));
            p.add(new Probe(
                    "meal_cost " + m,
                    "meal_cost",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w,
                            List.of(new Hospitalisation(
                                    WorkerGenerator.UNION_HOSPITAL, asOf.minusDays(3), null, null, x)),
                            List.of())));
            p.add(new Probe(
                    "amount " + m,
                    "amount",
                    "xian",
                    asOf,
                    () -> new Situation(w, List.of(new WageArrears(asOf.minusDays(3), x)), List.of())));
        }
        p.add(new Probe(
                "discharge before admission",
                "discharge_date",
                "xian",
                asOf,
                () -> new Situation(
                        w,
                        List.of(new Hospitalisation(
                                WorkerGenerator.UNION_HOSPITAL, asOf, asOf.minusDays(1), null, null)),
                        List.of())));
        for (String s : new String[] {"", "   ", LONG, "\u0000", Canaries.HOSPITAL, " xian_union_hospital "}) {
            p.add(new Probe(
                    "hospital " + label(s),
                    "hospital",
                    "xian",
                    asOf,
                    () -> new Situation(
                            w, List.of(new Hospitalisation(s, asOf.minusDays(3), null, null, null)), List.of())));
        }
        for (String s : new String[] {"", "   ", LONG, "\u0000", "SF_EXPRESS "}) {
            p.add(new Probe(
                    "employer " + label(s),
                    "employer",
                    "xinjiang",
                    asOf,
                    () -> Situation.of(w.toBuilder()
                            .workProvince((org.nuanxin.model.Place) null)
                            .workCity("urumqi")
                            .employer(s)
                            .build())));
            p.add(new Probe(
                    "id " + label(s),
                    "id",
                    "xian",
                    asOf,
                    () -> Situation.of(w.toBuilder().id(s).build())));
        }
        for (String s : new String[] {"", " XIAN_FREE_HEALTH_CHECK ", "NO_SUCH_BENEFIT", LONG}) {
            p.add(new Probe(
                    "claims[0].benefit " + label(s),
                    "benefit",
                    "xian",
                    asOf,
                    () -> new Situation(w, List.of(), List.of(new Claim(s, asOf.minusDays(1))))));
        }
        p.add(new Probe(
                "children none",
                "children",
                "xian",
                asOf,
                () -> Situation.of(w.toBuilder().children(List.of()).build())));
        p.add(new Probe(
                "children unknown fields",
                "children",
                "xian",
                asOf,
                () -> Situation.of(w.toBuilder()
                        .children(List.of(new Child(null, null), new Child(null, null)))
                        .build())));
        p.add(new Probe(
                "certificates unknown fields",
                "certificates",
                "xinjiang",
                asOf,
                () -> Situation.of(w.toBuilder()
                        .workProvince((org.nuanxin.model.Place) null)
                        .workCity("urumqi")
                        .certificates(List.of(new Certificate(null, null)))
                        .build())));
        p.add(new Probe(
                "events with every field unknown",
                "events",
                "xian",
                asOf,
                () -> new Situation(
                        w,
                        List.of(
                                new HomecomingTrip(null, null, null, null),
                                new Hospitalisation(null, null, null, null, null),
                                new WageArrears(null, null)),
                        List.of())));
        p.add(new Probe("nothing known", "worker", "xian", asOf, () -> Situation.of(Worker.unknown())));
        p.add(new Probe("unknown region", "region", "atlantis", asOf, () -> Situation.of(w)));
        p.add(new Probe("region with spaces", "region", " xian ", asOf, () -> Situation.of(w)));
        p.add(new Probe("region null", "region", null, asOf, () -> Situation.of(w)));
        p.add(new Probe("as_of null", "as_of", "xian", null, () -> Situation.of(w)));
        return p;
    }

    static String label(String s) {
        String t = s.length() > 20 ? s.length() + " characters" : "'" + s + "'";
        return t.replace("\u0000", "\\0");
    }

    @Test
    void everyFieldThroughTheBuilderAndRecords() {
        List<String> failures = new ArrayList<>();
        long decisions = 0;
        long rejected = 0;
        List<Probe> probes = builderProbes();
        for (Probe p : probes) {
            String problem = run(p);
            if (problem == null) {
                decisions++;
            } else if (problem.isEmpty()) {
                rejected++;
            } else {
                failures.add(problem);
            }
        }
        Figures.put("sweep.builder.probes", probes.size());
        Figures.put("sweep.builder.decided", decisions);
        Figures.put("sweep.builder.rejected", rejected);
        Figures.put("sweep.builder.failures", failures.size());
        System.out.printf(
                "sweep builder: %d probes, %d decided, %d rejected with an input error, %d failures%n",
                probes.size(), decisions, rejected, failures.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " problem(s):\n  " + String.join("\n  ", failures));
    }

    /** null: decided; "": rejected with an input error naming the field; else the problem. */
    static String run(Probe p) {
        Situation s;
        try {
            s = p.input().get();
        } catch (InvalidInputException e) {
            Observed.exception("builder probe", e);
            return names(e, p.field(), null)
                    ? ""
                    : p.label() + ": the error does not name " + p.field() + ": " + e.field() + ": "
                            + firstLine(e.getMessage());
        } catch (Throwable t) {
            Observed.exception("builder probe", t);
            return p.label() + ": building the input threw " + t.getClass().getName() + ": "
                    + firstLine(t.getMessage());
        }
        Observed.object("builder probe", s);
        if (s != null) {
            Observed.object("builder probe", s.worker());
        }
        try {
            Assessment a = engine.assess(p.region(), s, p.asOf());
            Observed.object("builder probe", a);
            a.decisions().forEach(d -> Observed.object("builder probe", d));
            return null;
        } catch (InvalidInputException e) {
            Observed.exception("builder probe", e);
            return names(e, p.field(), null)
                    ? ""
                    : p.label() + ": the error does not name " + p.field() + ": " + e.field() + ": "
                            + firstLine(e.getMessage());
        } catch (Throwable t) {
            Observed.exception("builder probe", t);
            return p.label() + ": assess threw " + t.getClass().getName() + ": " + firstLine(t.getMessage());
        }
    }

    /**
     * {@code toBuilder()} is "a builder holding this worker's fields, to change some of them": moving a
     * worker to another city must not fail because the province derived from the old city was copied
     * as if the host had given it.
     */
    @Test
    void toBuilderMovesAWorkerToAnotherCity() {
        Worker xian = Worker.builder().workCity("xian").newEmploymentForm(true).build();
        Worker moved;
        try {
            moved = xian.toBuilder().workCity("urumqi").build();
        } catch (InvalidInputException e) {
            Observed.exception("toBuilder", e);
            throw new AssertionError(
                    "Worker.builder().workCity(\"xian\").build().toBuilder().workCity(\"urumqi\").build()" + " throws: "
                            + e.getMessage(),
                    e);
        }
        assertTrue(
                moved.workProvince().code().equals("650000"),
                "the province follows the new city: " + moved.workProvince());
    }

    /**
     * Nulls where the records or the facade require a value (a claim's code or date, the worker, the
     * situation, an element of a list) are the caller's input errors too: an {@link InvalidInputException}
     * naming the field, not a NullPointerException.
     */
    @Test
    void nullsThroughTheJavaApiAreInputErrorsNamingTheField() {
        LocalDate asOf = LocalDate.of(2026, 3, 10);
        Worker w = Worker.builder()
                .workCity("xian")
                .newEmploymentForm(true)
                .id(Canaries.ID)
                .build();
        List<Probe> probes = List.of(
                new Probe(
                        "new Claim(null, date)",
                        "benefit",
                        "xian",
                        asOf,
                        () -> new Situation(w, List.of(), List.of(new Claim(null, asOf)))),
                new Probe(
                        "new Claim(code, null)",
                        "date",
                        "xian",
                        asOf,
                        () -> new Situation(w, List.of(), List.of(new Claim("XIAN_FREE_HEALTH_CHECK", null)))),
                new Probe(
                        "new Situation(null, …)",
                        "worker",
                        "xian",
                        asOf,
                        () -> new Situation(null, List.of(), List.of())),
                new Probe("Situation.of(null)", "worker", "xian", asOf, () -> Situation.of(null)),
                new Probe("assess(region, (Situation) null, date)", "situation", "xian", asOf, () -> null),
                new Probe(
                        "a null event in the list",
                        "events",
                        "xian",
                        asOf,
                        () -> new Situation(w, Arrays.asList(new Event[] {null}), List.of())),
                new Probe(
                        "a null claim in the list",
                        "claims",
                        "xian",
                        asOf,
                        () -> new Situation(w, List.of(), Arrays.asList(new Claim[] {null}))),
                new Probe(
                        "a null child in the list",
                        "children",
                        "xian",
                        asOf,
                        () -> Situation.of(w.toBuilder()
                                .children(Arrays.asList(new Child[] {null}))
                                .build())),
                new Probe(
                        "a null certificate in the list",
                        "certificates",
                        "xian",
                        asOf,
                        () -> Situation.of(w.toBuilder()
                                .certificates(Arrays.asList(new Certificate[] {null}))
                                .build())));
        List<String> failures = new ArrayList<>();
        for (Probe p : probes) {
            String problem = run(p);
            if (problem != null && !problem.isEmpty()) {
                failures.add(problem);
            }
        }
        try {
            engine.assess("xian", (Worker) null, asOf);
        } catch (InvalidInputException e) {
            Observed.exception("null worker", e);
            if (!names(e, "worker", null)) {
                failures.add("assess(region, (Worker) null, date): the error does not name worker: " + e.getMessage());
            }
        } catch (Throwable t) {
            Observed.exception("null worker", t);
            failures.add("assess(region, (Worker) null, date): threw "
                    + t.getClass().getName() + ": " + firstLine(t.getMessage()));
        }
        Figures.put("sweep.nulls.probes", probes.size() + 1);
        Figures.put("sweep.nulls.failures", failures.size());
        System.out.printf(
                "sweep nulls through the Java API: %d probes, %d failures%n", probes.size() + 1, failures.size());
        assertTrue(
                failures.isEmpty(),
                () -> failures.size() + " null(s) through the Java API escape as other exceptions:\n  "
                        + String.join("\n  ", failures));
    }
}
