package org.nuanxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.model.Worker;

/**
 * {@code ${work_city}} and {@code ${residence_city}} in a rule's sentences name the worker's own places,
 * a county-level place after its city: a worker who gives a district reads which district and city the
 * rule took it for.
 */
class WorkerPlaceSentencesTest {

    private static final LocalDate IN_PERIOD = LocalDate.of(2025, 6, 1);

    private static Nuanxin engine(Path dir) {
        Path folder = TestRegions.copy(
                dir,
                "rules.drl",
                t -> t.replace(
                        "@zh(\"在该市工作或生活\") @en(\"works or lives in the city\")",
                        "@zh(\"在该市工作或生活（工作城市：${work_city}；居住城市：${residence_city}）\")"
                                + " @en(\"works or lives in the city; works in: ${work_city}; lives in: ${residence_city}\")"));
        return Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
    }

    private static Reason placeReason(Nuanxin engine, Worker w) {
        return engine.assess("testland", w, IN_PERIOD).decision("TEST_SERVICE").orElseThrow().reasons().stream()
                .filter(r -> r.rule().equals("works or lives in the city"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aDistrictIsNamedWithItsCity(@TempDir Path dir) {
        Nuanxin engine = engine(dir);
        for (String yanta : List.of("610113", "雁塔区", "雁塔", "yanta")) {
            Worker w = Worker.builder().newEmploymentForm(true).workCity(yanta).build();
            Decision d = engine.assess("testland", w, IN_PERIOD)
                    .decision("TEST_SERVICE")
                    .orElseThrow();
            assertEquals(Status.ELIGIBLE, d.status(), yanta + " lies within Xi'an");
            Reason r = placeReason(engine, w);
            assertEquals("符合：在该市工作或生活（工作城市：西安市雁塔区；居住城市：未提供）", r.textZh());
            assertEquals("Met: works or lives in the city; works in: 西安市雁塔区; lives in: not given", r.textEn());
        }
        Reason city = placeReason(
                engine,
                Worker.builder().newEmploymentForm(true).workCity("xian").build());
        assertEquals("符合：在该市工作或生活（工作城市：西安市；居住城市：未提供）", city.textZh());
        Reason outside = placeReason(
                engine,
                Worker.builder()
                        .newEmploymentForm(true)
                        .workCity("秦都区")
                        .residenceCity("610402")
                        .build());
        assertEquals(Reason.Outcome.NOT_MET, outside.outcome());
        assertEquals("不符合：在该市工作或生活（工作城市：咸阳市秦都区；居住城市：咸阳市秦都区）", outside.textZh());
        Reason unknown =
                placeReason(engine, Worker.builder().newEmploymentForm(true).build());
        assertEquals("需补充：居住所在城市、工作所在城市；用于判断：在该市工作或生活（工作城市：未提供；居住城市：未提供）", unknown.textZh());
    }

    /**
     * The facade reuses a decision for a worker whose facts read by the rules are the same; the places
     * a sentence names count among them, so two districts never share an explanation.
     */
    @Test
    void aReusedDecisionNamesTheRightDistrict(@TempDir Path dir) {
        Nuanxin engine = engine(dir);
        for (int round = 0; round < 2; round++) {
            for (String district : List.of("雁塔区", "碑林区", "未央区")) {
                Worker w = Worker.builder()
                        .newEmploymentForm(true)
                        .workCity(district)
                        .build();
                assertEquals(
                        "符合：在该市工作或生活（工作城市：西安市" + district + "；居住城市：未提供）",
                        placeReason(engine, w).textZh());
            }
        }
        Worker w = Worker.builder().newEmploymentForm(true).workCity("610113").build();
        assertSame(
                placeReason(engine, w),
                placeReason(engine, w),
                "a reason is made once per place and remembered, like any other");
    }

    /**
     * The same where no rule reads the work city to decide: a sentence naming it still keeps a decision
     * for one district from being reused for another.
     */
    @Test
    void aPlaceOnlyASentenceNamesStillKeepsDecisionsApart(@TempDir Path dir) {
        Path folder = TestRegions.copy(
                dir,
                "rules.drl",
                t -> t.replace("@zh(\"期间内\")", "@zh(\"期间内（工作城市：${work_city}）\")")
                        .replace(
                                "$w.workCity().within(params.place(\"city\")).or($w.residenceCity().within(params.place(\"city\")))",
                                "$w.residenceCity().within(params.place(\"city\"))"));
        Nuanxin engine =
                Nuanxin.builder().noClasspathRegions().ruleFolder(folder).build();
        for (int round = 0; round < 2; round++) {
            for (String district : List.of("雁塔区", "碑林区", "昆山市")) {
                Worker w = Worker.builder()
                        .newEmploymentForm(true)
                        .residenceCity("xian")
                        .workCity(district)
                        .build();
                Reason period = engine.assess("testland", w, IN_PERIOD)
                        .decision("TEST_SERVICE")
                        .orElseThrow()
                        .reasons()
                        .get(0);
                assertEquals("符合：期间内（工作城市：" + w.workCity().fullNameZh() + "）", period.textZh());
            }
        }
    }
}
