package org.nuanxin.region.xinjiang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Status;
import org.nuanxin.model.Child;
import org.nuanxin.model.SchoolStage;
import org.nuanxin.model.Worker;
import org.nuanxin.testing.ScenarioSuite;

/**
 * The two states of the school aid's amount (A-XJ-1): the shipped parameters have no schedule, so the range
 * is reported; a policy author who configures {@code school_aid.schedule} (a money_table keyed by school
 * stage) gets an amount instead. The copy of the rule folder is edited, never the shipped one.
 */
class XinjiangScheduleTest {

    private static final Path RULES = Path.of("src/main/resources/org/nuanxin/region/xinjiang");
    private static final LocalDate AS_OF = LocalDate.of(2025, 9, 10);
    private static final String CODE = "XINJIANG_SF_SCHOOL_AID";

    private static Worker worker(Child... children) {
        return Worker.builder()
                .employer("SF_EXPRESS")
                .workCity("urumqi")
                .hardship(true)
                .children(List.of(children))
                .build();
    }

    private static Child child(int born, SchoolStage stage) {
        return new Child(LocalDate.of(born, 6, 1), stage);
    }

    /** The rule folder copied to {@code dir} with {@code schedule} appended to parameters.yaml. */
    private static Nuanxin withSchedule(Path dir, String schedule) throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path params = dir.resolve("parameters.yaml");
        Files.writeString(
                params,
                Files.readString(params) + "\nschool_aid.schedule:\n  type: money_table\n  values:\n    2025-01-01: "
                        + schedule + "\n  source: test schedule (not SF's)\n");
        return Nuanxin.builder().noClasspathRegions().ruleFolder(dir).build();
    }

    @Test
    void shippedParametersHaveNoScheduleSoTheRangeIsReported() {
        assertFalse(ScenarioSuite.engine().region("xinjiang").parameters().containsKey("school_aid.schedule"));
        Decision d = ScenarioSuite.engine()
                .assess("xinjiang", worker(child(2014, SchoolStage.PRIMARY)), AS_OF)
                .decision(CODE)
                .orElseThrow();
        assertEquals(Status.ELIGIBLE, d.status());
        assertNull(d.amount());
        assertEquals(new BigDecimal("2000.00"), d.amountMin());
        assertEquals(new BigDecimal("6000.00"), d.amountMax());
    }

    @Test
    void aScheduleWithOneAmountForEveryStageSettlesTheRange(@TempDir Path dir) throws IOException {
        Nuanxin engine = withSchedule(
                dir, "{PRIMARY: 3000.00, JUNIOR_SECONDARY: 3000.00, SENIOR_SECONDARY: 3000.00, UNIVERSITY: 3000.00}");
        Decision d = engine.assess("xinjiang", worker(child(2014, SchoolStage.PRIMARY)), AS_OF)
                .decision(CODE)
                .orElseThrow();
        assertEquals(Status.ELIGIBLE, d.status());
        assertEquals(new BigDecimal("3000.00"), d.amount());
        assertNull(d.amountMin());
        assertNull(d.amountMax());
        Decision award = engine.assess("xinjiang", worker(child(2014, SchoolStage.PRIMARY)), AS_OF)
                .decision("XINJIANG_SF_CERTIFICATE_AWARD")
                .orElseThrow();
        assertNull(award.amount()); // the school schedule does not touch the other award
    }

    /** A schedule by stage: the child's stage picks the row, the highest of several children wins. */
    @Test
    void aScheduleByStagePaysTheChildsStageAndTheHighestOfSeveral(@TempDir Path dir) throws IOException {
        Nuanxin engine = withSchedule(
                dir, "{PRIMARY: 2000.00, JUNIOR_SECONDARY: 3000.00, SENIOR_SECONDARY: 4000.00, UNIVERSITY: 6000.00}");
        assertEquals(
                new BigDecimal("2000.00"),
                engine.assess("xinjiang", worker(child(2014, SchoolStage.PRIMARY)), AS_OF)
                        .decision(CODE)
                        .orElseThrow()
                        .amount());
        assertEquals(
                new BigDecimal("4000.00"),
                engine.assess("xinjiang", worker(child(2008, SchoolStage.SENIOR_SECONDARY)), AS_OF)
                        .decision(CODE)
                        .orElseThrow()
                        .amount());
        Decision two = engine.assess(
                        "xinjiang",
                        worker(child(2014, SchoolStage.PRIMARY), child(2006, SchoolStage.UNIVERSITY)),
                        AS_OF)
                .decision(CODE)
                .orElseThrow();
        assertEquals(Status.ELIGIBLE, two.status());
        assertEquals(new BigDecimal("6000.00"), two.amount());
        assertNull(two.amountMin());
        Decision notInSchool = engine.assess(
                        "xinjiang", worker(child(2021, SchoolStage.PRESCHOOL), child(2000, SchoolStage.NONE)), AS_OF)
                .decision(CODE)
                .orElseThrow();
        assertEquals(Status.NOT_ELIGIBLE, notInSchool.status());
        assertNull(notInSchool.amount());
        Decision unknownStage = engine.assess("xinjiang", worker(child(2012, null)), AS_OF)
                .decision(CODE)
                .orElseThrow();
        assertEquals(Status.NEEDS_INFO, unknownStage.status());
        assertEquals(List.of("children.school_stage"), unknownStage.missing());
    }
}
