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
}
