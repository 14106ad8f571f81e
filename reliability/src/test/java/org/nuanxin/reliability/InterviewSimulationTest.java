package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nuanxin.Nuanxin;

/**
 * The guided interview on generated complete workers, a sample per region in the build (the full 10,000
 * per region: {@link InterviewSimulation#main}; figures in docs/interview.md).
 */
class InterviewSimulationTest {

    private static final int SAMPLE = Integer.getInteger("nuanxin.interview.sample", 1_000);

    @Test
    void soundMinimalAndShorterThanAFixedQuestionnaireInEveryRegion() {
        Nuanxin engine = Nuanxin.builder().build();
        for (String region : engine.regionIds()) {
            InterviewSimulation.Figures f = new InterviewSimulation(engine, 7).run(region, SAMPLE);
            System.out.println(f);
            assertEquals(0, f.unsound(), () -> f + "\n" + String.join("\n", f.firstProblems()));
            assertEquals(0, f.reasonsDiffer(), () -> f + "\n" + String.join("\n", f.firstProblems()));
            assertEquals(0, f.notMinimal(), () -> f + "\n" + String.join("\n", f.firstProblems()));
            assertTrue(f.meanAsked() < f.meanFixedOrder(), f::toString);
        }
    }
}
