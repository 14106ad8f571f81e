package org.nuanxin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.InvalidInputException;
import org.nuanxin.Nuanxin;
import org.nuanxin.Status;
import org.nuanxin.interview.AnswerKind;
import org.nuanxin.interview.Interview;
import org.nuanxin.interview.Possibility;
import org.nuanxin.interview.Question;

/** The guided interview's API over the five bundled regions. */
class InterviewTest {

    private static final Nuanxin ENGINE = Nuanxin.builder().build();
    private static final LocalDate DAY = LocalDate.of(2025, 10, 10); // all but Qingdao's programme in effect

    private static Interview start() {
        return Interview.start(ENGINE, DAY);
    }

    @Test
    void everyQuestionCanChangeADecisionAndSaysWhyInBothLanguages() {
        List<Question> next = start().next();
        assertFalse(next.isEmpty());
        for (Question q : next) {
            assertFalse(q.stakes().isEmpty(), q::toString);
            assertFalse(q.promptZh().isBlank() || q.promptEn().isBlank(), q::toString);
            assertTrue(q.helpZh().startsWith("这一问会影响：") && q.helpEn().startsWith("This decides: "), q::toString);
            assertNotEquals("work_province", q.field(), "derived from work_city, never asked");
        }
    }

    @Test
    void aPlaceNarrowsTheRegions() {
        Interview i = start().answer("new_employment_form", true);
        assertEquals(
                List.of("xian", "qingdao", "zhejiang", "neimenggu", "xinjiang").size(),
                ENGINE.regionIds().size());
        Interview inXian = i.answer("work_city", "西安").answer("residence_city", "西安");
        assertEquals(List.of("xian"), inXian.regions(), inXian.assessments().keySet()::toString);
        Interview inHangzhou = i.answer("work_city", "hangzhou");
        assertTrue(inHangzhou.regions().contains("zhejiang"), inHangzhou.regions()::toString);
        assertFalse(inHangzhou.regions().contains("neimenggu"), inHangzhou.regions()::toString);
    }

    @Test
    void answersAreReadAsAPersonTypesThemAndBadOnesNameTheField() {
        Interview i = start().answer("occupation", "快递员").answer("gender", "2").answer("union_member", "是");
        assertEquals(Map.of("occupation", "COURIER", "gender", "MALE", "union_member", "true"), i.answers());
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> start().answer("birth_date", "1990/05/01"));
        assertEquals("birth_date", e.field());
        assertThrows(InvalidInputException.class, () -> start().answer("work_province", "shaanxi"));
        assertThrows(InvalidInputException.class, () -> start().answer("children", "-1"));
        assertThrows(InvalidInputException.class, () -> start().answer("children[0].birth_date", "2015-01-01"));
    }

    @Test
    void anInterviewIsAValueAndChangingAnAnswerReplacesIt() {
        Interview a = start().answer("children", 2).answer("children[1].birth_date", "2015-01-01");
        Interview b = a.answer("children", 1);
        assertEquals("2", a.answers().get("children"));
        assertTrue(a.answers().containsKey("children[1].birth_date"));
        assertFalse(b.answers().containsKey("children[1].birth_date"), "the second child's answer goes with it");
        assertEquals(
                a.answers(),
                Interview.resume(ENGINE, DAY, ENGINE.regionIds(), List.of(), a.answers())
                        .answers());
        Interview c = a.without("children");
        assertFalse(c.answers().containsKey("children"));
        assertTrue(a.toString().startsWith("Interview[as of 2025-10-10, 2 answer(s)"), a::toString);
    }

    @Test
    void aSkippedFieldIsNotAskedAgainAndStaysUnknown() {
        Interview i = Interview.start(ENGINE, DAY, List.of("xian"), List.of())
                .answer("new_employment_form", true)
                .answer("work_city", "xian")
                .skip("hardship");
        assertTrue(i.next().stream().noneMatch(q -> q.field().equals("hardship")));
        Assessment a = i.assessments().get("xian");
        assertEquals(
                Status.NEEDS_INFO,
                a.decision("XIAN_HARDSHIP_RELIEF").orElseThrow().status());
        assertTrue(i.answers().containsKey("hardship") && i.answers().get("hardship") == null);
    }

    @Test
    void eventsAreAskedAsWhetherTheyHappenedAndThenTheirDetails() {
        Interview i = Interview.start(ENGINE, LocalDate.of(2026, 3, 10), List.of("xian"), List.of())
                .answer("new_employment_form", true)
                .answer("work_city", "xian")
                .answer("hukou_province", "henan");
        Question trip = i.next().stream()
                .filter(q -> q.field().equals("events.HOMECOMING_TRIP"))
                .findFirst()
                .orElseThrow();
        assertEquals(AnswerKind.EVENT, trip.kind());
        assertTrue(trip.stakes().stream().anyMatch(s -> s.code().equals("XIAN_HOMECOMING_TICKET_SUBSIDY")));
        Interview yes = i.answer("events.HOMECOMING_TRIP", "是");
        List<String> fields = yes.next().stream().map(Question::field).toList();
        assertTrue(
                fields.contains("events[0].reason") && fields.contains("events[0].union_certified"), fields::toString);
        Interview shanxi = i.answer("hukou_province", "shaanxi");
        assertTrue(
                shanxi.next().stream().noneMatch(q -> q.field().equals("events.HOMECOMING_TRIP")),
                "a Shaanxi hukou rules the trip subsidy out: the trip is not asked");
    }

    @Test
    void takingBackAnEventTakesItsDetailsAndRenumbersTheOthers() {
        Interview i = Interview.start(ENGINE, LocalDate.of(2026, 3, 10), List.of("xian"), List.of())
                .answer("events.HOMECOMING_TRIP", true)
                .answer("events[0].reason", "URGENT_MATTER")
                .answer("events.HOSPITALISATION", true)
                .answer("events[1].hospital", "xian_union_hospital");
        Interview noTrip = i.answer("events.HOMECOMING_TRIP", false);
        assertEquals("xian_union_hospital", noTrip.answers().get("events[0].hospital"), noTrip.answers()::toString);
        assertFalse(noTrip.answers().containsKey("events[0].reason"), noTrip.answers()::toString);
        assertEquals(1, noTrip.situation().events().size());
        assertEquals("HOSPITALISATION", noTrip.situation().events().get(0).type());
    }

    @Test
    void anInterviewCanStartFromWhatTheHostKnows() {
        org.nuanxin.model.Situation known = new org.nuanxin.model.Situation(
                org.nuanxin.model.Worker.builder()
                        .newEmploymentForm(true)
                        .workCity("xian")
                        .hukouProvince("henan")
                        .build(),
                List.of(new org.nuanxin.model.HomecomingTrip(null, null, null, null)),
                List.of());
        Interview i = Interview.start(ENGINE, LocalDate.of(2026, 3, 10), List.of("xian"), known);
        List<String> fields = i.next().stream().map(Question::field).toList();
        assertFalse(fields.contains("work_city") || fields.contains("new_employment_form"), fields::toString);
        assertFalse(fields.contains("events.HOMECOMING_TRIP"), "the trip is known: " + fields);
        assertTrue(fields.contains("events[0].reason"), fields::toString);
        Interview hospital =
                i.answer("events.HOSPITALISATION", true).answer("events[1].hospital", "xian_union_hospital");
        assertEquals(2, hospital.situation().events().size());
        assertEquals(
                "xian_union_hospital",
                ((org.nuanxin.model.Hospitalisation)
                                hospital.situation().events().get(1))
                        .hospital());
    }

    @Test
    void theResultSaysWhatATripHomeWouldBringInTheRulesWords() {
        Interview i = Interview.start(ENGINE, LocalDate.of(2026, 3, 10), List.of("xian"), List.of())
                .answer("new_employment_form", true)
                .answer("work_city", "xian")
                .answer("hukou_province", "henan");
        Possibility p = i.possibilities().stream()
                .filter(x -> x.code().equals("XIAN_HOMECOMING_TICKET_SUBSIDY"))
                .findFirst()
                .orElseThrow();
        assertEquals("HOMECOMING_TRIP", p.event());
        assertTrue(
                p.textZh().startsWith("如")
                        && p.textZh().contains("大事急事")
                        && p.textZh().contains("基层工会")
                        && p.textZh().endsWith("最高200元"),
                p::textZh);
        assertTrue(p.textEn().contains("up to CNY 200"), p::textEn);
    }

    @Test
    void assessAllScreensEveryRegion() {
        Map<String, Assessment> all = ENGINE.assessAll(start().situation(), DAY);
        assertEquals(ENGINE.regionIds(), List.copyOf(all.keySet()));
    }
}
