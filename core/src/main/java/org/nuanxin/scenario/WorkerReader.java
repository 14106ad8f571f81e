package org.nuanxin.scenario;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nuanxin.InvalidInputException;
import org.nuanxin.MalformedFileException;
import org.nuanxin.input.InputLimits;
import org.nuanxin.input.YamlNode;
import org.nuanxin.internal.RegionData;
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
import org.nuanxin.model.Places;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.TripReason;
import org.nuanxin.model.WageArrears;
import org.nuanxin.model.Worker;

/**
 * Reads the worker, events and claims of the scenario format (docs/scenario-format.md) from YAML or JSON, strictly: a field the
 * format does not have, a value of the wrong type, an unknown place or enum value, a malformed date
 * or a negative cost is an error naming the field, file and line. A field left out, or written
 * {@code null}, is unknown.
 */
final class WorkerReader {

    private static final Set<String> WORKER_FIELDS = Set.copyOf(Worker.FIELDS);
    private static final Set<String> CHILD_FIELDS = Set.of("birth_date", "school_stage");
    private static final Set<String> CERTIFICATE_FIELDS = Set.of("kind", "date");
    private static final Set<String> TRIP_FIELDS = Set.of("type", "date", "reason", "union_certified", "ticket_cost");
    private static final Set<String> STAY_FIELDS =
            Set.of("type", "hospital", "admission_date", "discharge_date", "out_of_pocket_cost", "meal_cost");
    private static final Set<String> ARREARS_FIELDS = Set.of("type", "date", "amount");
    private static final Set<String> CLAIM_FIELDS = Set.of("benefit", "date");

    private WorkerReader() {}

    static Worker worker(YamlNode n) {
        n.allowOnly(sorted(WORKER_FIELDS));
        Places places = Places.standard();
        Worker.Builder b = Worker.builder();
        try {
            b.id(text(n, "id"))
                    .occupation(enumOf(n, "occupation", Occupation.class))
                    .newEmploymentForm(bool(n, "new_employment_form"))
                    .gender(enumOf(n, "gender", Gender.class))
                    .birthDate(date(n, "birth_date"))
                    .unionMember(bool(n, "union_member"))
                    .unionJoinDate(date(n, "union_join_date"))
                    .medicalInsurance(enumOf(n, "medical_insurance", MedicalInsurance.class))
                    .hardship(bool(n, "hardship"))
                    .martyrFamily(bool(n, "martyr_family"))
                    .frontlineOutstanding(bool(n, "frontline_outstanding"))
                    .employer(text(n, "employer"))
                    .headPlatformEnterprise(bool(n, "head_platform_enterprise"))
                    .employmentStartDate(date(n, "employment_start_date"))
                    .integrityDeductions(bool(n, "integrity_deductions"))
                    .children(children(n.get("children")))
                    .certificates(certificates(n.get("certificates")));
            b.workCity(place(n, "work_city", true, places));
            b.residenceCity(place(n, "residence_city", true, places));
            b.workProvince(place(n, "work_province", false, places));
            b.hukouProvince(place(n, "hukou_province", false, places));
            return b.build();
        } catch (InvalidInputException e) {
            throw locate(n, e);
        }
    }

    static List<Event> events(YamlNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        for (YamlNode e : n.items()) {
            String type = e.require("type").text().strip();
            try {
                events.add(
                        switch (type) {
                            case "HOMECOMING_TRIP" -> {
                                e.allowOnly(sorted(TRIP_FIELDS));
                                yield new HomecomingTrip(
                                        date(e, "date"),
                                        enumOf(e, "reason", TripReason.class),
                                        bool(e, "union_certified"),
                                        money(e, "ticket_cost"));
                            }
                            case "HOSPITALISATION" -> {
                                e.allowOnly(sorted(STAY_FIELDS));
                                yield new Hospitalisation(
                                        text(e, "hospital"),
                                        date(e, "admission_date"),
                                        date(e, "discharge_date"),
                                        money(e, "out_of_pocket_cost"),
                                        money(e, "meal_cost"));
                            }
                            case "WAGE_ARREARS" -> {
                                e.allowOnly(sorted(ARREARS_FIELDS));
                                yield new WageArrears(date(e, "date"), money(e, "amount"));
                            }
                            default ->
                                throw e.require("type")
                                        .error("unknown event type '" + type
                                                + "'; expected one of: HOMECOMING_TRIP, HOSPITALISATION, WAGE_ARREARS");
                        });
            } catch (InvalidInputException x) {
                throw locate(e, x);
            }
        }
        return events;
    }

    static List<Claim> claims(YamlNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<Claim> claims = new ArrayList<>();
        for (YamlNode c : n.items()) {
            c.allowOnly(sorted(CLAIM_FIELDS));
            claims.add(new Claim(c.require("benefit").text().strip(), date(c, "date")));
        }
        return claims;
    }

    private static List<Child> children(YamlNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<Child> children = new ArrayList<>();
        for (YamlNode c : n.items()) {
            c.allowOnly(sorted(CHILD_FIELDS));
            children.add(new Child(date(c, "birth_date"), enumOf(c, "school_stage", SchoolStage.class)));
        }
        return children;
    }

    private static List<Certificate> certificates(YamlNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<Certificate> certificates = new ArrayList<>();
        for (YamlNode c : n.items()) {
            c.allowOnly(sorted(CERTIFICATE_FIELDS));
            certificates.add(new Certificate(enumOf(c, "kind", CertificateKind.class), date(c, "date")));
        }
        return certificates;
    }

    /** An input error of the model (a field of {@code n}) located in the file, at the field's line. */
    private static MalformedFileException locate(YamlNode n, InvalidInputException e) {
        if (e instanceof MalformedFileException m) {
            return m;
        }
        YamlNode at = n.get(e.field()) != null ? n.get(e.field()) : n;
        return new MalformedFileException(
                n.file(), at.line(), (n.path().isEmpty() ? "" : n.path() + ".") + e.field(), e.problem());
    }

    private static YamlNode value(YamlNode n, String key) {
        YamlNode v = n.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private static String text(YamlNode n, String key) {
        YamlNode v = value(n, key);
        return v == null ? null : v.text();
    }

    private static Boolean bool(YamlNode n, String key) {
        YamlNode v = value(n, key);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw v.error("expected true or false (or leave the field out when unknown)");
        }
        return Boolean.valueOf(v.text().toLowerCase(java.util.Locale.ROOT));
    }

    private static LocalDate date(YamlNode n, String key) {
        YamlNode v = value(n, key);
        if (v == null) {
            return null;
        }
        LocalDate d = RegionData.date(v);
        if (!InputLimits.inRange(d)) {
            throw v.error(InputLimits.DATE_OUT_OF_RANGE);
        }
        return d;
    }

    private static BigDecimal money(YamlNode n, String key) {
        YamlNode v = value(n, key);
        return v == null ? null : RegionData.money(v);
    }

    private static <E extends Enum<E>> E enumOf(YamlNode n, String key, Class<E> type) {
        YamlNode v = value(n, key);
        return v == null ? null : RegionData.enumValue(v, type);
    }

    private static org.nuanxin.model.Place place(YamlNode n, String key, boolean city, Places places) {
        YamlNode v = value(n, key);
        if (v == null) {
            return null;
        }
        try {
            return city ? places.city(key, v.text()) : places.province(key, v.text());
        } catch (InvalidInputException e) {
            throw v.error(e.problem());
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
