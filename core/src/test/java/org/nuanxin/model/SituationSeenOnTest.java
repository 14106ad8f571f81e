package org.nuanxin.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one as-of rule: every dated element after the assessment date is not there yet. */
class SituationSeenOnTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate LATER = DAY.plusDays(1);

    @Test
    void nothingAfterTheDayGivesTheSameSituation() {
        Situation s = new Situation(
                Worker.builder()
                        .unionMember(true)
                        .unionJoinDate(DAY)
                        .children(List.of(new Child(DAY, SchoolStage.NONE), new Child(null, null)))
                        .certificates(List.of(new Certificate(CertificateKind.SKILL, DAY)))
                        .build(),
                List.of(new HomecomingTrip(DAY, null, null, null), new WageArrears(null, null)),
                List.of(new Claim("A", DAY)));
        assertSame(s, s.seenOn(DAY));
    }

    @Test
    void eventsClaimsChildrenAndCertificatesDatedLaterAreLeftOut() {
        Child born = new Child(DAY, SchoolStage.NONE);
        Certificate held = new Certificate(CertificateKind.DEGREE, DAY);
        Certificate undated = new Certificate(CertificateKind.SKILL, null);
        Event trip = new HomecomingTrip(DAY, null, null, null);
        Claim granted = new Claim("A", DAY);
        Situation s = new Situation(
                Worker.builder()
                        .children(List.of(born, new Child(LATER, SchoolStage.NONE)))
                        .certificates(List.of(held, new Certificate(CertificateKind.SKILL, LATER), undated))
                        .build(),
                List.of(
                        trip,
                        new HomecomingTrip(LATER, null, null, null),
                        new WageArrears(LATER, null),
                        new Hospitalisation("h", LATER, null, null, null),
                        new Hospitalisation("h", null, LATER, null, null)),
                List.of(granted, new Claim("A", LATER)));
        Situation then = s.seenOn(DAY);
        assertEquals(List.of(born), then.worker().children());
        assertEquals(List.of(held, undated), then.worker().certificates());
        assertEquals(List.of(trip), then.events());
        assertEquals(List.of(granted), then.claims());
    }

    @Test
    void aStayGoingOnThatDayHasNoDischargeYet() {
        BigDecimal cost = new BigDecimal("120.00");
        Situation s = new Situation(
                Worker.unknown(), List.of(new Hospitalisation("h", DAY.minusDays(2), LATER, cost, null)), List.of());
        Hospitalisation h = (Hospitalisation) s.seenOn(DAY).events().get(0);
        assertEquals(DAY.minusDays(2), h.admissionDate());
        assertNull(h.dischargeDate());
        assertEquals(cost, h.outOfPocketCost());
    }

    @Test
    void aMemberWhoJoinedLaterWasNotYetAMember() {
        Worker w = Worker.builder().unionMember(true).unionJoinDate(LATER).build();
        Worker then = w.seenOn(DAY);
        assertEquals(Boolean.FALSE, then.unionMember());
        assertNull(then.unionJoinDate());
        Worker unknownMembership = Worker.builder().unionJoinDate(LATER).build().seenOn(DAY);
        assertEquals(Boolean.FALSE, unknownMembership.unionMember(), "a join date after the day settles it");
        assertSame(w, w.seenOn(LATER));
    }

    @Test
    void aListKnownToBeEmptyStaysKnown() {
        Worker w = Worker.builder()
                .children(List.of(new Child(LATER, null)))
                .certificates(List.of())
                .build();
        assertEquals(List.of(), w.seenOn(DAY).children(), "known to have no child yet, not unknown");
        Worker unknown = Worker.unknown();
        assertSame(unknown, unknown.seenOn(DAY));
    }
}
