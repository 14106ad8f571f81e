package org.nuanxin.compiler;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nuanxin.model.CertificateKind;
import org.nuanxin.model.Gender;
import org.nuanxin.model.MedicalInsurance;
import org.nuanxin.model.Occupation;
import org.nuanxin.model.Place;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.TripReason;
import org.nuanxin.rules.AmountField;
import org.nuanxin.rules.Arrears;
import org.nuanxin.rules.Context;
import org.nuanxin.rules.DateField;
import org.nuanxin.rules.Flag;
import org.nuanxin.rules.NumberField;
import org.nuanxin.rules.Params;
import org.nuanxin.rules.PlaceField;
import org.nuanxin.rules.Profile;
import org.nuanxin.rules.Stay;
import org.nuanxin.rules.Trip;
import org.nuanxin.rules.Truth;
import org.nuanxin.rules.Verdict;

/**
 * The one reviewed table of what a rule may use: for each type, the members a rule may call or read.
 * {@link RuleGuard} accepts a rule file only when every type it names, every method it calls, every
 * constructor and every static constant is in this table; anything else is refused where it stands.
 *
 * <p>Every entry is pure and bounded: it reads the assessment's facts, the region's parameters or the
 * assessment date, or combines three-valued truths, in time and memory bounded by the size of the
 * assessment's input and of the parameters, never by an argument's value (no loop driven by a number,
 * no strings built, no regular expressions, no number grown). That is what makes runaway work
 * impossible for rules the guard accepts: a consequence has no loops, no recursion and no allocation
 * beyond what these entries do, so its cost is bounded by its length.
 * Adding an entry is a security decision: check that the member is pure and bounded, and add an
 * allowed and a denied example to {@code RuleVocabularyTest}.
 */
final class RuleVocabulary {

    /** What a rule may use of one type. */
    record Entry(Class<?> type, Role role, Set<String> members) {

        /** Whether the entry lets a rule use member {@code name} (a method, constant or {@code new}). */
        boolean allows(String name) {
            return members.contains(name);
        }
    }

    /** Where a type may appear in a rule file. */
    enum Role {
        /** Matched in a rule's conditions ({@code $w : Profile()}) and called in its consequence. */
        FACT,
        /** Declared as a global ({@code global org.nuanxin.rules.Verdict verdict;}) and called. */
        GLOBAL,
        /** A value a consequence may hold in a local variable, call or pass on. */
        VALUE
    }

    /** {@code new} in an entry's members: a rule may construct the type. */
    static final String NEW = "new";

    /** Every enum constant of the type may be named ({@code Occupation.COURIER}). */
    static final String CONSTANTS = "*constants";

    private static final Map<Class<?>, Entry> TABLE = new LinkedHashMap<>();

    static {
        // the facts an assessment inserts
        entry(
                Profile.class,
                Role.FACT,
                "occupation",
                "newEmploymentForm",
                "workCity",
                "residenceCity",
                "workProvince",
                "hukouProvince",
                "gender",
                "birthDate",
                "unionMember",
                "unionJoinDate",
                "medicalInsurance",
                "hardship",
                "martyrFamily",
                "frontlineOutstanding",
                "employer",
                "headPlatformEnterprise",
                "employmentStartDate",
                "integrityDeductions",
                "age",
                "serviceYears",
                "hasChildUnder",
                "hasCertificateSince",
                "hasChildInStage",
                "highestSchoolStage",
                "worksIn",
                "worksOrLivesIn");
        entry(Trip.class, Role.FACT, "index", "date", "reason", "unionCertified", "ticketCost");
        entry(
                Stay.class,
                Role.FACT,
                "index",
                "hospital",
                "admissionDate",
                "dischargeDate",
                "date",
                "outOfPocketCost",
                "mealCost");
        entry(Arrears.class, Role.FACT, "index", "date", "amount");
        // the globals: the verdict being written, the region's parameters, the assessment's date and claims
        entry(Verdict.class, Role.GLOBAL, "check", "pay", "payUpTo", "payRange", "value");
        entry(
                Params.class,
                Role.GLOBAL,
                "has",
                "date",
                "monthDay",
                "money",
                "integer",
                "text",
                "place",
                "texts",
                "moneyBy");
        entry(
                Context.class,
                Role.GLOBAL,
                "asOf",
                "inProgramme",
                "withinProgramme",
                "inEffect",
                "inEffectFrom",
                "inEffectUntil",
                "inSeason",
                "noClaimInYear",
                "noClaimInYearOf",
                "noClaimBetween");
        // three-valued truths and the fields that answer them
        entry(
                Truth.class,
                Role.VALUE,
                "TRUE",
                "FALSE",
                "of",
                "unknown",
                "all",
                "any",
                "and",
                "or",
                "not",
                "isTrue",
                "isFalse",
                "isUnknown");
        entry(org.nuanxin.rules.Field.class, Role.VALUE, "isKnown", "known", "is", "isNot", "in", "notIn");
        entry(Flag.class, Role.VALUE, "isTrue", "isFalse");
        entry(PlaceField.class, Role.VALUE, "within", "notWithin");
        entry(DateField.class, Role.VALUE, "between", "onOrBefore", "onOrAfter", "withDefault", "orElse");
        entry(NumberField.class, Role.VALUE, "atLeast", "atMost", "below", "between");
        entry(AmountField.class, Role.VALUE, NEW, "atLeast", "positive");
        // places and the model's enumerations, as parameters give them or rules name them
        entry(Place.class, Role.VALUE, "province", "isWithin");
        entry(Occupation.class, Role.VALUE, CONSTANTS);
        entry(Gender.class, Role.VALUE, CONSTANTS);
        entry(MedicalInsurance.class, Role.VALUE, CONSTANTS);
        entry(SchoolStage.class, Role.VALUE, CONSTANTS);
        entry(CertificateKind.class, Role.VALUE, CONSTANTS);
        entry(TripReason.class, Role.VALUE, CONSTANTS);
        // the one JDK type: dates, compared and shifted (each O(1); out-of-range dates throw, and the
        // assessment fails with the rule's name)
        entry(
                LocalDate.class,
                Role.VALUE,
                "of",
                "isBefore",
                "isAfter",
                "isEqual",
                "getYear",
                "getMonthValue",
                "getDayOfMonth",
                "plusDays",
                "minusDays",
                "plusMonths",
                "minusMonths",
                "plusYears",
                "minusYears");
    }

    private RuleVocabulary() {}

    private static void entry(Class<?> type, Role role, String... members) {
        Entry e = new Entry(type, role, Set.of(members));
        for (String m : members) {
            if (!m.equals(NEW)
                    && !m.equals(CONSTANTS)
                    && methods(type, m).isEmpty()
                    && constant(type, m).isEmpty()) {
                throw new IllegalStateException(type.getSimpleName() + " has no public member " + m);
            }
        }
        TABLE.put(type, e);
    }

    /** Every entry, in the order of the table. */
    static List<Entry> entries() {
        return List.copyOf(TABLE.values());
    }

    /** The entry of a type, if the type is in the table. */
    static Optional<Entry> of(Class<?> type) {
        return Optional.ofNullable(TABLE.get(type));
    }

    /** The table's type with this simple name, if any. */
    static Optional<Class<?>> bySimpleName(String name) {
        return TABLE.keySet().stream()
                .filter(c -> c.getSimpleName().equals(name))
                .findFirst();
    }

    /** The table's type with this fully-qualified name, if any. */
    static Optional<Class<?>> byName(String name) {
        return TABLE.keySet().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** The entry of {@code type} or of the nearest superclass in the table that allows {@code member}. */
    static Optional<Entry> allowing(Class<?> type, String member) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Entry e = TABLE.get(c);
            if (e != null && e.allows(member)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Public methods of {@code type} named {@code name} (static or not). */
    static List<Method> methods(Class<?> type, String name) {
        List<Method> found = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getDeclaringClass() != Object.class) {
                found.add(m);
            }
        }
        return found;
    }

    /** Public constructors of {@code type}. */
    static List<Constructor<?>> constructors(Class<?> type) {
        return List.of(type.getConstructors());
    }

    /** The public static final field {@code name} of {@code type}, if any (a constant or an enum's value). */
    static Optional<Field> constant(Class<?> type, String name) {
        try {
            Field f = type.getField(name);
            int mod = f.getModifiers();
            return Modifier.isStatic(mod) && Modifier.isFinal(mod) ? Optional.of(f) : Optional.empty();
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
    }

    /** Whether a rule may read the static constant {@code name} of {@code type}. */
    static boolean allowsConstant(Class<?> type, String name) {
        Entry e = TABLE.get(type);
        if (e == null || constant(type, name).isEmpty()) {
            return false;
        }
        return e.allows(name) || e.allows(CONSTANTS) && type.isEnum();
    }

    /** The names of the types of a role, for messages. */
    static String names(Role role) {
        return String.join(
                ", ",
                TABLE.values().stream()
                        .filter(e -> e.role() == role)
                        .map(e -> e.type().getSimpleName())
                        .toList());
    }
}
