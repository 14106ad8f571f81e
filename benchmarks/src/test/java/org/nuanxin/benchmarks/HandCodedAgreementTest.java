package org.nuanxin.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.Status;

/**
 * The comparison is fair only if the hand-coded evaluator decides what the rules decide: for 2,000
 * generated Xi'an workers (the first 1,000 are the benchmarks' own), and for the 20,000 workers of
 * each of the distinct and one-day workloads, every benefit's status, cash amount, in-kind value and
 * missing fields must equal the facade's. The facade keeps its decision cache as shipped, so on the
 * one-day workload most workers without events are answered from it: the cache is checked against
 * the independent evaluator.
 */
class HandCodedAgreementTest {

    private static Nuanxin engine;
    private static XianHandCoded hand;
    private static Workers.Case[] cases;

    @BeforeAll
    static void setUp() {
        engine = Nuanxin.builder().regions("xian").build();
        hand = XianHandCoded.fromClasspath();
        cases = Workers.generate("xian", 2_000, Workers.SEED);
    }

    @Test
    void handCodedAgreesWithTheFacadeOnEveryDecision() {
        assertAgreement(cases);
    }

    @Test
    void handCodedAgreesWithTheFacadeOnTheDistinctWorkload() {
        assertAgreement(AssessBenchmark.cases("xian", "distinct"));
    }

    @Test
    void handCodedAgreesWithTheFacadeOnTheOneDayWorkload() {
        Workers.Case[] day = AssessBenchmark.cases("xian", "day");
        assertEquals(AssessBenchmark.DISTINCT_COUNT, day.length);
        assertAgreement(day);
    }

    private static void assertAgreement(Workers.Case[] cases) {
        List<String> mismatches = new ArrayList<>();
        for (int n = 0; n < cases.length; n++) {
            Workers.Case c = cases[n];
            Assessment a = engine.assess("xian", c.situation(), c.asOf());
            XianHandCoded.Result r = hand.assess(c.situation(), c.asOf());
            assertEquals(XianHandCoded.CODES.size(), a.decisions().size());
            for (int i = 0; i < a.decisions().size(); i++) {
                Decision d = a.decisions().get(i);
                assertEquals(XianHandCoded.CODES.get(i), d.code());
                String facade = d.status() + " amount=" + d.amount() + " value=" + d.value() + " missing=" + d.missing()
                        + (d.amountMin() == null ? "" : " range=" + d.amountMin() + ".." + d.amountMax());
                String handCoded =
                        r.status(i) + " amount=" + r.amount(i) + " value=" + r.value(i) + " missing=" + r.missing(i);
                if (!facade.equals(handCoded)) {
                    mismatches.add("case " + n + " " + c.situation() + " as of " + c.asOf() + ", " + d.code()
                            + ": facade " + facade + ", hand-coded " + handCoded);
                }
            }
        }
        assertTrue(
                mismatches.isEmpty(),
                mismatches.size() + " mismatch(es), first ones:\n"
                        + String.join("\n", mismatches.subList(0, Math.min(10, mismatches.size()))));
    }

    /** The workers exercise every outcome, cash amounts included: agreement on them means something. */
    @Test
    void theGeneratedWorkersCoverEveryOutcome() {
        Map<Status, Integer> statuses = new EnumMap<>(Status.class);
        int[] eligible = new int[XianHandCoded.CODES.size()];
        int amounts = 0;
        for (Workers.Case c : cases) {
            XianHandCoded.Result r = hand.assess(c.situation(), c.asOf());
            for (int i = 0; i < eligible.length; i++) {
                statuses.merge(r.status(i), 1, Integer::sum);
                if (r.status(i) == Status.ELIGIBLE) {
                    eligible[i]++;
                }
                if (r.amount(i) != null) {
                    amounts++;
                }
            }
        }
        for (Status s : Status.values()) {
            assertTrue(statuses.getOrDefault(s, 0) > 1_000, "too few " + s + ": " + statuses);
        }
        for (int i = 0; i < eligible.length; i++) {
            assertTrue(
                    eligible[i] >= 10,
                    XianHandCoded.CODES.get(i) + " is eligible for only " + eligible[i] + " workers");
        }
        assertTrue(amounts >= 50, "only " + amounts + " cash amounts");
    }

    @Test
    void theGeneratorIsDeterministic() {
        Workers.Case[] again = Workers.generate("xian", 2_000, Workers.SEED);
        for (int i = 0; i < cases.length; i++) {
            assertEquals(cases[i], again[i]);
        }
        Workers.Case[] bench = Workers.generate("xian");
        for (int i = 0; i < bench.length; i++) {
            assertEquals(cases[i], bench[i], "the benchmarks' workers are the first " + Workers.COUNT);
        }
    }

    @Test
    void everyRegionsWorkersAreValidInput() {
        Nuanxin all = Nuanxin.builder().build();
        for (String region : Workers.REGIONS.keySet()) {
            for (Workers.Case c : Workers.generate(region, 300, Workers.SEED)) {
                assertEquals(region, all.assess(region, c.situation(), c.asOf()).region());
            }
        }
    }
}
