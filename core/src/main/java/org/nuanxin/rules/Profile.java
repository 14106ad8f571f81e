package org.nuanxin.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Gender;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Place;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Worker;

/**
 * The worker as rules see it: one fact per assessment, every field a {@link Field} that answers
 * three-valued tests and names itself when missing. Ages and service lengths are in completed years
 * on the assessment date.
 */
public final class Profile {

    /**
     * Told of every fact a rule reads from a profile: a key naming the fact (with its arguments), a
     * function that reads the same fact from another profile, and the value read. The engine uses it
     * to cache decisions by exactly the facts the rules read (population runs).
     */
    @FunctionalInterface
    public interface Reads {
        void read(String key, Function<Profile, Object> fact, Object value);
    }

    private final Worker worker;
    private final LocalDate asOf;
    private final Reads reads;

    public Profile(Worker worker, LocalDate asOf) {
        this(worker, asOf, null);
    }

    /** A profile that reports every fact read to {@code reads} (may be {@code null}). */
    public Profile(Worker worker, LocalDate asOf, Reads reads) {
        this.worker = worker;
        this.asOf = asOf;
        this.reads = reads;
    }

    private <T extends Field<?>> T field(String key, Function<Profile, T> f) {
        T v = f.apply(this);
        if (reads != null) {
            reads.read(key, p -> f.apply(p).value(), v.value());
        }
        return v;
    }

    private Truth truth(String key, Function<Profile, Truth> f) {
        Truth v = f.apply(this);
        if (reads != null) {
            reads.read(key, p -> f.apply(p), v);
        }
        return v;
    }

    public Field<Occupation> occupation() {
        return field("occupation", p -> new Field<>("occupation", p.worker.occupation()));
    }

    public Flag newEmploymentForm() {
        return field("newEmploymentForm", p -> new Flag("new_employment_form", p.worker.newEmploymentForm()));
    }

    public PlaceField workCity() {
        return field("workCity", p -> new PlaceField("work_city", p.worker.workCity()));
    }

    public PlaceField residenceCity() {
        return field("residenceCity", p -> new PlaceField("residence_city", p.worker.residenceCity()));
    }
    /** The work province, given or derived from the work city; missing names both fields. */
    public PlaceField workProvince() {
        return field(
                "workProvince",
                p -> new PlaceField(
                        p.worker.workCity() == null ? "work_province" : "work_city", p.worker.workProvince()));
    }

    public PlaceField hukouProvince() {
        return field("hukouProvince", p -> new PlaceField("hukou_province", p.worker.hukouProvince()));
    }

    public Field<Gender> gender() {
        return field("gender", p -> new Field<>("gender", p.worker.gender()));
    }

    public DateField birthDate() {
        return field("birthDate", p -> new DateField("birth_date", p.worker.birthDate()));
    }

    public Flag unionMember() {
        return field("unionMember", p -> new Flag("union_member", p.worker.unionMember()));
    }

    public DateField unionJoinDate() {
        return field("unionJoinDate", p -> new DateField("union_join_date", p.worker.unionJoinDate()));
    }

    public Field<MedicalInsurance> medicalInsurance() {
        return field("medicalInsurance", p -> new Field<>("medical_insurance", p.worker.medicalInsurance()));
    }

    public Flag hardship() {
        return field("hardship", p -> new Flag("hardship", p.worker.hardship()));
    }

    public Flag martyrFamily() {
        return field("martyrFamily", p -> new Flag("martyr_family", p.worker.martyrFamily()));
    }

    public Flag frontlineOutstanding() {
        return field("frontlineOutstanding", p -> new Flag("frontline_outstanding", p.worker.frontlineOutstanding()));
    }

    public Field<String> employer() {
        return field("employer", p -> new Field<>("employer", p.worker.employer()));
    }

    public Flag headPlatformEnterprise() {
        return field(
                "headPlatformEnterprise", p -> new Flag("head_platform_enterprise", p.worker.headPlatformEnterprise()));
    }

    public DateField employmentStartDate() {
        return field(
                "employmentStartDate", p -> new DateField("employment_start_date", p.worker.employmentStartDate()));
    }

    public Flag integrityDeductions() {
        return field("integrityDeductions", p -> new Flag("integrity_deductions", p.worker.integrityDeductions()));
    }

    /** Age in completed years on the assessment date; missing names {@code birth_date}. */
    public NumberField age() {
        return field("age", p -> new NumberField("birth_date", yearsBetween(p.worker.birthDate(), p.asOf)));
    }

    /** Whole years of service from the employment start date to the assessment date. */
    public NumberField serviceYears() {
        return field(
                "serviceYears",
                p -> new NumberField("employment_start_date", yearsBetween(p.worker.employmentStartDate(), p.asOf)));
    }

    /**
     * Has a child younger than {@code ageLimit} on the assessment date. Unknown children name
     * {@code children}; a child without a birth date names {@code children.birth_date} unless
     * another child already qualifies.
     */
    public Truth hasChildUnder(int ageLimit) {
        return truth("hasChildUnder:" + ageLimit, p -> p.childUnder(ageLimit));
    }

    private Truth childUnder(int ageLimit) {
        List<Child> children = worker.children();
        if (children == null) {
            return Truth.unknown("children");
        }
        Truth t = Truth.FALSE;
        for (Child c : children) {
            t = t.or(
                    c.birthDate() == null
                            ? Truth.unknown("children.birth_date")
                            : Truth.of(yearsBetween(c.birthDate(), asOf) < ageLimit));
        }
        return t;
    }

    /**
     * Works or lives in {@code city} (or a district of it): either known to hold is enough; both
     * known not to hold is false; otherwise unknown, naming the fields left out.
     */
    public Truth worksOrLivesIn(Place city) {
        return workCity().within(city).or(residenceCity().within(city));
    }

    /**
     * Works in {@code city} (or a district of it). A work city left out, with a work province given
     * outside the city's province, already settles it: false, not unknown.
     */
    public Truth worksIn(Place city) {
        Truth inCity = workCity().within(city);
        if (inCity.isUnknown() && workProvince().notWithin(city.province()).isTrue()) {
            return Truth.FALSE;
        }
        return inCity;
    }

    /** Has a certificate of any kind obtained on or after {@code since}. */
    public Truth hasCertificateSince(LocalDate since) {
        return hasCertificateSince(null, since);
    }

    /** Has a certificate of the kind ({@code null}: any kind) obtained on or after {@code since}. */
    public Truth hasCertificateSince(CertificateKind kind, LocalDate since) {
        return truth("hasCertificateSince:" + kind + ":" + since, p -> p.certificateSince(kind, since));
    }

    private Truth certificateSince(CertificateKind kind, LocalDate since) {
        List<Certificate> certificates = worker.certificates();
        if (certificates == null) {
            return Truth.unknown("certificates");
        }
        Truth t = Truth.FALSE;
        for (Certificate c : certificates) {
            Truth k =
                    c.kind() == null ? Truth.unknown("certificates.kind") : Truth.of(kind == null || c.kind() == kind);
            Truth d = c.date() == null
                    ? Truth.unknown("certificates.date")
                    : Truth.of(!c.date().isBefore(since));
            t = t.or(k.and(d));
        }
        return t;
    }

    /**
     * Has a child whose school stage is one of {@code stages} (enum constants or their names). Unknown
     * children name {@code children}; a child without a stage names {@code children.school_stage} unless
     * another child already qualifies.
     */
    public Truth hasChildInStage(Collection<?> stages) {
        return truth("hasChildInStage:" + stages, p -> p.childInStage(stages));
    }

    private Truth childInStage(Collection<?> stages) {
        List<Child> children = worker.children();
        if (children == null) {
            return Truth.unknown("children");
        }
        Truth t = Truth.FALSE;
        for (Child c : children) {
            t = t.or(
                    c.schoolStage() == null
                            ? Truth.unknown("children.school_stage")
                            : new Field<>("children.school_stage", c.schoolStage()).in(stages));
        }
        return t;
    }

    /**
     * The highest school stage (in {@link SchoolStage} order) that a child is in among {@code stages}, as a
     * field named {@code children.school_stage}: unknown while the children are unknown, when no child is in
     * one of the stages, or when a child's unknown stage could be higher than the best known one.
     */
    public Field<SchoolStage> highestSchoolStage(Collection<?> stages) {
        return field("highestSchoolStage:" + stages, p -> p.highestStage(stages));
    }

    private Field<SchoolStage> highestStage(Collection<?> stages) {
        List<Child> children = worker.children();
        if (children == null) {
            return new Field<>("children.school_stage", null);
        }
        SchoolStage best = null;
        SchoolStage top = null;
        boolean unknown = false;
        for (SchoolStage s : SchoolStage.values()) {
            if (new Field<>("x", s).in(stages).isTrue()) {
                top = s;
            }
        }
        for (Child c : children) {
            if (c.schoolStage() == null) {
                unknown = true;
            } else if (new Field<>("x", c.schoolStage()).in(stages).isTrue()
                    && (best == null || c.schoolStage().compareTo(best) > 0)) {
                best = c.schoolStage();
            }
        }
        return new Field<>("children.school_stage", unknown && best != top ? null : best);
    }

    private static Integer yearsBetween(LocalDate from, LocalDate to) {
        return from == null ? null : Period.between(from, to).getYears();
    }

    /** Never prints values. */
    @Override
    public String toString() {
        return "Profile[" + worker + "]";
    }
}
