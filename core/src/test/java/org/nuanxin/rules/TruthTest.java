package org.nuanxin.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TruthTest {

    private static final Truth T = Truth.TRUE;
    private static final Truth F = Truth.FALSE;
    private static final Truth U1 = Truth.unknown("work_city");
    private static final Truth U2 = Truth.unknown("residence_city");

    @Test
    void andFollowsKleene() {
        assertEquals(T, T.and(T));
        assertEquals(F, T.and(F));
        assertEquals(F, F.and(U1), "a known disqualifier wins over missing facts");
        assertEquals(F, U1.and(F));
        assertEquals(U1, T.and(U1));
        assertEquals(Set.of("work_city", "residence_city"), U1.and(U2).missing());
    }

    @Test
    void orFollowsKleeneAndNamesEveryUnknownAlternative() {
        assertEquals(T, F.or(T));
        assertEquals(T, U1.or(T), "a known alternative settles an OR");
        assertEquals(F, F.or(F));
        assertEquals(U1, F.or(U1));
        assertEquals(Set.of("residence_city", "work_city"), U1.or(U2).missing());
    }

    @Test
    void notKeepsUnknown() {
        assertEquals(F, T.not());
        assertEquals(T, F.not());
        assertEquals(U1, U1.not());
    }

    @Test
    void unknownMustNameAField() {
        assertThrows(IllegalArgumentException.class, () -> Truth.unknown(java.util.List.of()));
    }

    @Test
    void fieldsAnswerUnknownWhenValueMissing() {
        assertEquals(Truth.unknown("hardship"), new Flag("hardship", null).isTrue());
        assertEquals(F, new Flag("hardship", false).isTrue());
        assertEquals(T, new Field<>("occupation", org.nuanxin.model.Occupation.COURIER).in("COURIER", "TAXI_DRIVER"));
        assertEquals(Truth.unknown("birth_date"), new NumberField("birth_date", null).between(35, 59));
        assertEquals(T, new NumberField("birth_date", 59).between(35, 59));
        assertEquals(F, new NumberField("birth_date", 60).between(35, 59));
    }

    @Test
    void remembered_merges_give_what_merging_gives() {
        // many partners for one truth: past the remembered pairs merging must still be exact
        Truth a = Truth.unknown("a_field");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 40; i++) {
                Truth other = Truth.unknown("f" + i);
                Truth both = a.and(other);
                assertEquals(java.util.Set.of("a_field", "f" + i), both.missing(), "round " + round);
                assertEquals(java.util.List.copyOf(both.missing()), both.missingList());
                assertEquals(both, other.or(a));
                assertEquals(F, a.and(other).and(F));
                assertEquals(T, a.or(other).or(T));
            }
        }
        assertEquals(java.util.List.of(), T.missingList());
        assertEquals(
                java.util.List.of("a_field", "b_field"),
                Truth.unknown("b_field", "a_field").missingList());
    }
}
