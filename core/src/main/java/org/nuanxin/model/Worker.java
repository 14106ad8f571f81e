package org.nuanxin.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.nuanxin.InvalidInputException;

/**
 * A worker's profile as the host knows it. Every field may be unknown ({@code null}): an unknown
 * field is never read as false, and a rule that needs it answers NEEDS_INFO naming it. For the
 * lists, {@code null} is unknown and an empty list means "known to have none".
 *
 * <p>Build one with {@link #builder()}; the builder resolves place names and checks consistency.
 * {@link #toString()} never prints a value: it lists which fields are known.
 *
 * @param id                    pseudonymous id; never logged
 * @param occupation            what the worker does
 * @param newEmploymentForm     works through a platform or in flexible form (新就业形态)
 * @param workCity              city the worker works in
 * @param residenceCity         city the worker lives in
 * @param workProvince          province the worker works in; derived from {@code workCity} when left out
 * @param hukouProvince         province of the household registration (户籍)
 * @param gender                sex
 * @param birthDate             date of birth; age is completed years on the as-of date
 * @param unionMember           member of a trade union
 * @param unionJoinDate         date the worker joined the union
 * @param medicalInsurance      basic medical insurance the worker is enrolled in
 * @param hardship              living in hardship / on the hardship register
 * @param martyrFamily          family of a martyr or of a worker who died on duty
 * @param frontlineOutstanding  recognised frontline outstanding worker of a non-public enterprise
 * @param employer              employer id such as {@code SF_EXPRESS}, or free text
 * @param headPlatformEnterprise employer is a head platform enterprise or its branch
 * @param employmentStartDate   start of the current employment
 * @param integrityDeductions   any integrity deduction in the relevant period
 * @param children              the worker's children; empty = none
 * @param certificates          degree and skill certificates; empty = none
 */
public record Worker(
        String id,
        Occupation occupation,
        Boolean newEmploymentForm,
        Place workCity,
        Place residenceCity,
        Place workProvince,
        Place hukouProvince,
        Gender gender,
        LocalDate birthDate,
        Boolean unionMember,
        LocalDate unionJoinDate,
        MedicalInsurance medicalInsurance,
        Boolean hardship,
        Boolean martyrFamily,
        Boolean frontlineOutstanding,
        String employer,
        Boolean headPlatformEnterprise,
        LocalDate employmentStartDate,
        Boolean integrityDeductions,
        List<Child> children,
        List<Certificate> certificates) {

    /**
     * Checks consistency and derives the work province.
     *
     * @throws InvalidInputException naming the field when work_province does not contain work_city
     *                               or a place has the wrong level
     */
    public Worker {
        if (workProvince != null && workProvince.level() != Place.Level.PROVINCE) {
            throw new InvalidInputException("work_province", "is not a province-level division");
        }
        if (hukouProvince != null && hukouProvince.level() != Place.Level.PROVINCE) {
            throw new InvalidInputException("hukou_province", "is not a province-level division");
        }
        if (workCity != null) {
            if (workProvince == null) {
                workProvince = workCity.province();
            } else if (!workCity.isWithin(workProvince)) {
                throw new InvalidInputException(
                        "work_province",
                        "does not contain work_city; leave work_province out" + " and it is derived from work_city");
            }
        }
        employer = employer == null || employer.isBlank() ? null : employer.strip();
        children = copy("children", children);
        certificates = copy("certificates", certificates);
    }

    private static <T> List<T> copy(String field, List<T> list) {
        if (list == null) {
            return null;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidInputException(field + "[" + i + "]", "is null; leave it out instead");
            }
        }
        return List.copyOf(list);
    }

    /**
     * The worker as the record stood on {@code day}, the assessment's one rule for dated fields: a
     * child born after {@code day} is not there yet, nor a certificate obtained after it, and a worker
     * who joined the union after it was not yet a member ({@code union_member} false, no join date).
     * Undated entries stay. An employment that starts after {@code day} stays, as no service yet.
     *
     * @return this worker when nothing in it lies after {@code day}
     */
    public Worker seenOn(LocalDate day) {
        boolean joinedLater = unionJoinDate != null && unionJoinDate.isAfter(day);
        List<Child> bornBy = children == null ? null : keep(children, c -> c.birthDate(), day);
        List<Certificate> obtainedBy = certificates == null ? null : keep(certificates, c -> c.date(), day);
        if (!joinedLater && bornBy == children && obtainedBy == certificates) {
            return this;
        }
        return new Worker(
                id,
                occupation,
                newEmploymentForm,
                workCity,
                residenceCity,
                workProvince,
                hukouProvince,
                gender,
                birthDate,
                joinedLater ? Boolean.FALSE : unionMember,
                joinedLater ? null : unionJoinDate,
                medicalInsurance,
                hardship,
                martyrFamily,
                frontlineOutstanding,
                employer,
                headPlatformEnterprise,
                employmentStartDate,
                integrityDeductions,
                bornBy,
                obtainedBy);
    }

    /**
     * The entries not dated after {@code day}; the list itself when that is all of them. Indexed, not iterated: it runs
     * for every assessment, mostly over empty or one-element lists, where an iterator is the only allocation.
     */
    static <T> List<T> keep(List<T> list, java.util.function.Function<T, LocalDate> date, LocalDate day) {
        int later = 0;
        int n = list.size();
        for (int i = 0; i < n; i++) {
            LocalDate d = date.apply(list.get(i));
            if (d != null && d.isAfter(day)) {
                later++;
            }
        }
        if (later == 0) {
            return list;
        }
        List<T> kept = new java.util.ArrayList<>(list.size() - later);
        for (T t : list) {
            LocalDate d = date.apply(t);
            if (d == null || !d.isAfter(day)) {
                kept.add(t);
            }
        }
        return List.copyOf(kept);
    }

    /** A worker about whom nothing is known. */
    public static Worker unknown() {
        return builder().build();
    }

    /** A builder with every field unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this worker's fields, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.occupation = occupation;
        b.newEmploymentForm = newEmploymentForm;
        b.workCity = workCity;
        b.residenceCity = residenceCity;
        // a province derived from the work city is not the host's: moving the city moves it too
        b.workProvince = workCity != null && workCity.province().equals(workProvince) ? null : workProvince;
        b.hukouProvince = hukouProvince;
        b.gender = gender;
        b.birthDate = birthDate;
        b.unionMember = unionMember;
        b.unionJoinDate = unionJoinDate;
        b.medicalInsurance = medicalInsurance;
        b.hardship = hardship;
        b.martyrFamily = martyrFamily;
        b.frontlineOutstanding = frontlineOutstanding;
        b.employer = employer;
        b.headPlatformEnterprise = headPlatformEnterprise;
        b.employmentStartDate = employmentStartDate;
        b.integrityDeductions = integrityDeductions;
        b.children = children;
        b.certificates = certificates;
        return b;
    }

    /** Lists the known fields by their worker-file names, never their values. */
    @Override
    public String toString() {
        StringJoiner known = new StringJoiner(", ", "Worker[known: ", "]");
        known.setEmptyValue("Worker[nothing known]");
        Object[] values = {
            id,
            occupation,
            newEmploymentForm,
            workCity,
            residenceCity,
            workProvince,
            hukouProvince,
            gender,
            birthDate,
            unionMember,
            unionJoinDate,
            medicalInsurance,
            hardship,
            martyrFamily,
            frontlineOutstanding,
            employer,
            headPlatformEnterprise,
            employmentStartDate,
            integrityDeductions,
            children,
            certificates
        };
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                known.add(FIELDS.get(i));
            }
        }
        return known.toString();
    }

    /** The worker-file names of the fields, in record order. */
    public static final List<String> FIELDS = List.of(
            "id",
            "occupation",
            "new_employment_form",
            "work_city",
            "residence_city",
            "work_province",
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
            "certificates");

    /** Builds a {@link Worker}; every setter accepts {@code null} for "unknown". */
    public static final class Builder {
        private String id;
        private Occupation occupation;
        private Boolean newEmploymentForm;
        private Place workCity;
        private Place residenceCity;
        private Place workProvince;
        private Place hukouProvince;
        private Gender gender;
        private LocalDate birthDate;
        private Boolean unionMember;
        private LocalDate unionJoinDate;
        private MedicalInsurance medicalInsurance;
        private Boolean hardship;
        private Boolean martyrFamily;
        private Boolean frontlineOutstanding;
        private String employer;
        private Boolean headPlatformEnterprise;
        private LocalDate employmentStartDate;
        private Boolean integrityDeductions;
        private List<Child> children;
        private List<Certificate> certificates;

        private Builder() {}

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder occupation(Occupation v) {
            occupation = v;
            return this;
        }

        public Builder newEmploymentForm(Boolean v) {
            newEmploymentForm = v;
            return this;
        }

        public Builder workCity(Place v) {
            workCity = v;
            return this;
        }
        /** @throws InvalidInputException naming {@code work_city} for an unknown or ambiguous name */
        public Builder workCity(String name) {
            workCity = name == null ? null : Places.standard().city("work_city", name);
            return this;
        }

        public Builder residenceCity(Place v) {
            residenceCity = v;
            return this;
        }
        /** @throws InvalidInputException naming {@code residence_city} for an unknown or ambiguous name */
        public Builder residenceCity(String name) {
            residenceCity = name == null ? null : Places.standard().city("residence_city", name);
            return this;
        }

        public Builder workProvince(Place v) {
            workProvince = v;
            return this;
        }
        /** @throws InvalidInputException naming {@code work_province} for an unknown name */
        public Builder workProvince(String name) {
            workProvince = name == null ? null : Places.standard().province("work_province", name);
            return this;
        }

        public Builder hukouProvince(Place v) {
            hukouProvince = v;
            return this;
        }
        /** @throws InvalidInputException naming {@code hukou_province} for an unknown name */
        public Builder hukouProvince(String name) {
            hukouProvince = name == null ? null : Places.standard().province("hukou_province", name);
            return this;
        }

        public Builder gender(Gender v) {
            gender = v;
            return this;
        }

        public Builder birthDate(LocalDate v) {
            birthDate = v;
            return this;
        }

        public Builder unionMember(Boolean v) {
            unionMember = v;
            return this;
        }

        public Builder unionJoinDate(LocalDate v) {
            unionJoinDate = v;
            return this;
        }

        public Builder medicalInsurance(MedicalInsurance v) {
            medicalInsurance = v;
            return this;
        }

        public Builder hardship(Boolean v) {
            hardship = v;
            return this;
        }

        public Builder martyrFamily(Boolean v) {
            martyrFamily = v;
            return this;
        }

        public Builder frontlineOutstanding(Boolean v) {
            frontlineOutstanding = v;
            return this;
        }

        public Builder employer(String v) {
            employer = v;
            return this;
        }

        public Builder headPlatformEnterprise(Boolean v) {
            headPlatformEnterprise = v;
            return this;
        }

        public Builder employmentStartDate(LocalDate v) {
            employmentStartDate = v;
            return this;
        }

        public Builder integrityDeductions(Boolean v) {
            integrityDeductions = v;
            return this;
        }

        public Builder children(List<Child> v) {
            children = v == null ? null : new ArrayList<>(v);
            return this;
        }

        public Builder certificates(List<Certificate> v) {
            certificates = v == null ? null : new ArrayList<>(v);
            return this;
        }

        /** @throws InvalidInputException naming the field when the profile is inconsistent */
        public Worker build() {
            return new Worker(
                    id,
                    occupation,
                    newEmploymentForm,
                    workCity,
                    residenceCity,
                    workProvince,
                    hukouProvince,
                    gender,
                    birthDate,
                    unionMember,
                    unionJoinDate,
                    medicalInsurance,
                    hardship,
                    martyrFamily,
                    frontlineOutstanding,
                    employer,
                    headPlatformEnterprise,
                    employmentStartDate,
                    integrityDeductions,
                    children,
                    certificates);
        }
    }
}
