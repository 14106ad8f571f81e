package org.nuanxin.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Nuanxin;
import org.nuanxin.RuleProblem;
import org.nuanxin.TestRegions;
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
import org.nuanxin.rules.Field;
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
 * Every entry of the vocabulary table has an allowed example, which the guard accepts and Drools
 * compiles, and a denied one (a member of the same type the table leaves out), which the guard
 * refuses where it stands. A table entry without examples fails the test.
 */
class RuleVocabularyTest {

    /** One entry's examples: consequence lines with {@code $w}, {@code $t}, {@code $s}, {@code $a} bound. */
    record Example(String allowed, String denied, String deniedToken) {}

    static final Map<Class<?>, Example> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put(
                Profile.class,
                new Example(
                        "verdict.check($w.age().atLeast(18));", "verdict.check(Truth.of($w.equals(null)));", "equals"));
        EXAMPLES.put(
                Trip.class,
                new Example("verdict.check($t, $t.unionCertified().isTrue());", "$t.toString();", "toString"));
        EXAMPLES.put(
                Stay.class,
                new Example(
                        "verdict.check($s, $s.hospital().known());",
                        "verdict.check(Truth.of($s.equals($t)));",
                        "equals"));
        EXAMPLES.put(
                Arrears.class, new Example("verdict.check($a, $a.amount().positive());", "$a.hashCode();", "hashCode"));
        EXAMPLES.put(
                Verdict.class, new Example("verdict.pay(params.money(\"cap\"));", "verdict.hashCode();", "hashCode"));
        EXAMPLES.put(
                Params.class, new Example("verdict.check(Truth.of(params.has(\"cap\")));", "params.all();", "all"));
        EXAMPLES.put(
                Context.class,
                new Example(
                        "verdict.check(ctx.noClaimInYear(\"TEST_SERVICE\", ctx.asOf()));",
                        "ctx.toString();",
                        "toString"));
        EXAMPLES.put(
                Truth.class,
                new Example(
                        "verdict.check(Truth.any(Truth.TRUE, Truth.FALSE).not());",
                        "verdict.check(Truth.unknown(Truth.TRUE.missing()));",
                        "missing"));
        EXAMPLES.put(
                Field.class,
                new Example(
                        "verdict.check($w.employer().in(\"顺丰\", \"京东\"));",
                        "verdict.check(Truth.of($w.employer().value() == null));",
                        "value"));
        EXAMPLES.put(
                Flag.class, new Example("verdict.check($w.hardship().isFalse());", "$w.hardship().name();", "name"));
        EXAMPLES.put(
                PlaceField.class,
                new Example(
                        "verdict.check($w.workCity().within(params.place(\"city\")));",
                        "$w.workCity().name();",
                        "name"));
        EXAMPLES.put(
                DateField.class,
                new Example(
                        "verdict.check($w.birthDate().onOrBefore(ctx.asOf()));", "$w.birthDate().value();", "value"));
        EXAMPLES.put(
                NumberField.class,
                new Example("verdict.check($w.age().between(18, 60));", "$w.age().value();", "value"));
        EXAMPLES.put(
                AmountField.class,
                new Example(
                        "verdict.payUpTo($t, new AmountField(\"cost\", null), params.money(\"cap\"));",
                        "new AmountField(\"cost\", null).value();",
                        "value"));
        EXAMPLES.put(
                Place.class,
                new Example(
                        "Place city = params.place(\"city\"); verdict.check($w.workProvince().within(city.province()));",
                        "params.place(\"city\").parent();",
                        "parent"));
        EXAMPLES.put(
                Occupation.class,
                new Example(
                        "verdict.check($w.occupation().is(Occupation.COURIER));",
                        "verdict.check($w.occupation().is(Occupation.valueOf(\"COURIER\")));",
                        "valueOf"));
        EXAMPLES.put(
                Gender.class,
                new Example(
                        "verdict.check($w.gender().is(Gender.FEMALE));",
                        "verdict.check($w.gender().in(Gender.values()));",
                        "values"));
        EXAMPLES.put(
                MedicalInsurance.class,
                new Example(
                        "verdict.check($w.medicalInsurance().isNot(MedicalInsurance.URBAN_EMPLOYEE));",
                        "verdict.check($w.medicalInsurance().is(MedicalInsurance.URBAN_EMPLOYEE.name()));",
                        "name"));
        EXAMPLES.put(
                SchoolStage.class,
                new Example(
                        "verdict.check($w.hasChildInStage(params.texts(\"stages\")));"
                                + " verdict.check($w.highestSchoolStage(params.texts(\"stages\")).is(SchoolStage.PRIMARY));",
                        "verdict.check($w.highestSchoolStage(params.texts(\"stages\")).is(SchoolStage.PRIMARY.ordinal()));",
                        "ordinal"));
        EXAMPLES.put(
                CertificateKind.class,
                new Example(
                        "verdict.check($w.hasCertificateSince(CertificateKind.SKILL, params.date(\"start\")));",
                        "verdict.check($w.hasCertificateSince(CertificateKind.SKILL.getDeclaringClass() == null ? null : null,"
                                + " ctx.asOf()));",
                        "getDeclaringClass"));
        EXAMPLES.put(
                TripReason.class,
                new Example(
                        "verdict.check($t, $t.reason().is(TripReason.URGENT_MATTER));",
                        "verdict.check($t, $t.reason().is(TripReason.URGENT_MATTER.compareTo(TripReason.MAJOR_MATTER)));",
                        "compareTo"));
        EXAMPLES.put(
                LocalDate.class,
                new Example(
                        "LocalDate d = LocalDate.of(2025, 1, 1).plusDays(1); verdict.check(ctx.inEffectFrom(d));",
                        "verdict.check(ctx.inEffectFrom(LocalDate.now()));",
                        "now"));
    }

    /** A rule file whose one rule binds every fact type and runs {@code consequence}. */
    static String file(String consequence) {
        return """
                package org.nuanxin.test.testland;

                import org.nuanxin.rules.*;
                import org.nuanxin.model.*;
                import java.time.LocalDate;

                global org.nuanxin.rules.Verdict verdict;
                global org.nuanxin.rules.Params params;
                global org.nuanxin.rules.Context ctx;

                rule "vocabulary"
                    @benefit("TEST_SERVICE") @source("TEST-1") @clause("x") @zh("x") @en("x")
                when
                    $w : Profile()
                    $t : Trip()
                    $s : Stay()
                    $a : Arrears()
                then
                    %s
                end
                """.formatted(consequence);
    }

    @Test
    void everyEntryOfTheTableHasExamples() {
        List<Class<?>> types = RuleVocabulary.entries().stream()
                .<Class<?>>map(RuleVocabulary.Entry::type)
                .toList();
        assertEquals(types, List.copyOf(EXAMPLES.keySet()), "one allowed and one denied example per table entry");
    }

    @TestFactory
    Stream<DynamicTest> eachEntryAllowsItsExampleAndDeniesAnotherMember() {
        return EXAMPLES.entrySet().stream()
                .flatMap(e -> Stream.of(
                        DynamicTest.dynamicTest(e.getKey().getSimpleName() + " allowed", () -> {
                            List<RuleProblem> problems = RuleGuard.check(
                                    "rules.drl", file(e.getValue().allowed()));
                            assertEquals(List.of(), problems);
                        }),
                        DynamicTest.dynamicTest(e.getKey().getSimpleName() + " denied", () -> {
                            String text = file(e.getValue().denied());
                            List<RuleProblem> problems = RuleGuard.check("rules.drl", text);
                            assertFalse(
                                    problems.isEmpty(),
                                    "the guard let " + e.getValue().denied() + " through");
                            RuleProblem p = problems.get(0);
                            assertEquals(19, p.line(), p::toString);
                            assertTrue(p.message().contains(e.getValue().deniedToken()), p::toString);
                            assertTrue(p.column() > 0, p::toString);
                        })));
    }

    /** The allowed examples are real rules: Drools compiles them all, in one rule file of the test region. */
    @Test
    void theAllowedExamplesCompile(@TempDir Path dir) {
        StringBuilder all = new StringBuilder();
        EXAMPLES.values().forEach(x -> all.append(x.allowed()).append("\n    "));
        String rules = file(
                all.toString().replace("Place city", "Place city1").replace("city.province()", "city1.province()"));
        assertEquals(List.of(), RuleGuard.check("rules.drl", rules));
        Path folder = TestRegions.copy(
                dir,
                "rules.drl",
                t -> t.replaceFirst(
                                "(?m)^(package [^\n]*\n)",
                                "$1\nimport org.nuanxin.rules.*;\nimport org.nuanxin.model.*;\nimport java.time.LocalDate;\n")
                        + rules.substring(rules.indexOf("rule \"vocabulary\"")));
        Nuanxin engine =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        assertEquals(List.of("testland"), engine.regionIds());
    }
}
