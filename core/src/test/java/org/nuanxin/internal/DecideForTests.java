package org.nuanxin.internal;

import java.time.LocalDate;
import java.util.List;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.model.Worker;

/**
 * A test hook core's test-jar exports: the engine's own decision step for findings made elsewhere
 * (the plain-Drools benchmark's). Not shipped; listed as an exception in {@code Tiers.EXCEPTIONS}.
 */
public final class DecideForTests {

    private DecideForTests() {}

    /** The decisions {@code Decider} makes from the findings about {@code worker}, in catalogue order. */
    public static List<Decision> decide(List<Benefit> benefits, Findings verdict, LocalDate asOf, Worker worker) {
        return Decider.decide(benefits, verdict, asOf, worker);
    }
}
