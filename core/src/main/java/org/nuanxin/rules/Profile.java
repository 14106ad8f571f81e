package org.nuanxin.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;

import org.nuanxin.model.Certificate;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Child;
import org.nuanxin.model.Gender;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Worker;

/**
 * The worker as rules see it: one fact per assessment, every field a {@link Field} that answers
 * three-valued tests and names itself when missing. Ages and service lengths are in completed years
 * on the assessment date.
 */
public final class Profile {

    private final Worker worker;
    private final LocalDate asOf;

    public Profile(Worker worker, LocalDate asOf) {
        this.worker = worker;
        this.asOf = asOf;
    }

    public Field<Occupation> occupation() { return new Field<>("occupation", worker.occupation()); }
    public Flag newEmploymentForm() { return new Flag("new_employment_form", worker.newEmploymentForm()); }
    public PlaceField workCity() { return new PlaceField("work_city", worker.workCity()); }
    public PlaceField residenceCity() { return new PlaceField("residence_city", worker.residenceCity()); }
    /** The work province, given or derived from the work city; missing names both fields. */
    public PlaceField workProvince() { return new PlaceField(worker.workCity() == null ? "work_province" : "work_city", worker.workProvince()); }
    public PlaceField hukouProvince() { return new PlaceField("hukou_province", worker.hukouProvince()); }
    public Field<Gender> gender() { return new Field<>("gender", worker.gender()); }
    public DateField birthDate() { return new DateField("birth_date", worker.birthDate()); }
    public Flag unionMember() { return new Flag("union_member", worker.unionMember()); }
    public DateField unionJoinDate() { return new DateField("union_join_date", worker.unionJoinDate()); }
    public Field<MedicalInsurance> medicalInsurance() { return new Field<>("medical_insurance", worker.medicalInsurance()); }
    public Flag hardship() { return new Flag("hardship", worker.hardship()); }
    public Flag martyrFamily() { return new Flag("martyr_family", worker.martyrFamily()); }
    public Flag frontlineOutstanding() { return new Flag("frontline_outstanding", worker.frontlineOutstanding()); }
    public Field<String> employer() { return new Field<>("employer", worker.employer()); }
    public Flag headPlatformEnterprise() { return new Flag("head_platform_enterprise", worker.headPlatformEnterprise()); }
    public DateField employmentStartDate() { return new DateField("employment_start_date", worker.employmentStartDate()); }
    public Flag integrityDeductions() { return new Flag("integrity_deductions", worker.integrityDeductions()); }

    /** Age in completed years on the assessment date; missing names {@code birth_date}. */
    public NumberField age() {
        return new NumberField("birth_date", yearsBetween(worker.birthDate(), asOf));
    }

    /** Whole years of service from the employment start date to the assessment date. */
    public NumberField serviceYears() {
        return new NumberField("employment_start_date", yearsBetween(worker.employmentStartDate(), asOf));
    }

    /**
     * Has a child younger than {@code ageLimit} on the assessment date. Unknown children name
     * {@code children}; a child without a birth date names {@code children.birth_date} unless
     * another child already qualifies.
     */
    public Truth hasChildUnder(int ageLimit) {
        List<Child> children = worker.children();
        if (children == null) {
            return Truth.unknown("children");
        }
        Truth t = Truth.FALSE;
        for (Child c : children) {
            t = t.or(c.birthDate() == null ? Truth.unknown("children.birth_date")
                    : Truth.of(yearsBetween(c.birthDate(), asOf) < ageLimit));
        }
        return t;
    }

    /** Has a certificate of the kind obtained on or after {@code since}. */
    public Truth hasCertificateSince(CertificateKind kind, LocalDate since) {
        List<Certificate> certificates = worker.certificates();
        if (certificates == null) {
            return Truth.unknown("certificates");
        }
        Truth t = Truth.FALSE;
        for (Certificate c : certificates) {
            Truth k = c.kind() == null ? Truth.unknown("certificates.kind") : Truth.of(kind == null || c.kind() == kind);
            Truth d = c.date() == null ? Truth.unknown("certificates.date") : Truth.of(!c.date().isBefore(since));
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
        List<Child> children = worker.children();
        if (children == null) {
            return Truth.unknown("children");
        }
        Truth t = Truth.FALSE;
        for (Child c : children) {
            t = t.or(c.schoolStage() == null ? Truth.unknown("children.school_stage")
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
