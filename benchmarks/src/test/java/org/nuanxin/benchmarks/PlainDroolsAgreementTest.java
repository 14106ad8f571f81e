package org.nuanxin.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assessment;
import org.nuanxin.Decision;
import org.nuanxin.Nuanxin;
import org.nuanxin.internal.DecideForTests;
import org.nuanxin.internal.Findings;

/**
 * The plainDrools benchmark does the rule work the facade does, in every region: its findings, put through the
 * engine's own decision step (package-private; reached through the test hook core's test-jar exports,
 * {@code DecideForTests}, a named exception in {@code org.nuanxin.testing.Tiers}), give the facade's decisions.
 * The benchmark itself stops at the findings.
 */
class PlainDroolsAgreementTest {

    @Test
    void plainDroolsFindingsDecideAsTheFacade() {
        for (String region : Nuanxin.builder().build().regionIds()) { // every region on the classpath
            Nuanxin engine = Nuanxin.builder().regions(region).build();
            PlainDrools plain = new PlainDrools(region);
            Workers.Case[] cases = Workers.generate(region, 300, Workers.SEED);
            for (int n = 0; n < cases.length; n++) {
                Workers.Case c = cases[n];
                Findings verdict = plain.assess(c.situation(), c.asOf());
                assertFalse(verdict.findings().isEmpty());
                List<Decision> fromPlain = DecideForTests.decide(
                        plain.benefits(), verdict, c.asOf(), c.situation().worker());
                Assessment a = engine.assess(region, c.situation(), c.asOf());
                for (int i = 0; i < fromPlain.size(); i++) {
                    Decision p = fromPlain.get(i);
                    Decision f = a.decisions().get(i);
                    String where = region + " case " + n + " " + f.code();
                    assertEquals(f.status(), p.status(), where);
                    assertEquals(f.amount(), p.amount(), where);
                    assertEquals(f.amountMin(), p.amountMin(), where);
                    assertEquals(f.value(), p.value(), where);
                    assertEquals(f.missing(), p.missing(), where);
                }
            }
        }
    }
}
