package org.nuanxin.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nuanxin.Assumption;
import org.nuanxin.Nuanxin;
import org.nuanxin.Region;
import org.nuanxin.RuleProblem;
import org.nuanxin.authoring.RuleLinter;

/**
 * The regions' assumptions registers as they ship: every id cited is defined and every one defined is
 * cited (the linter finds nothing), and an assumption common to all regions ({@code A-COMMON-*}) reads
 * the same, word for word, in every region that cites it.
 */
class AssumptionsRegisterTest {

    @Test
    void commonAssumptionsAreIdenticalInEveryRegionThatCitesThem() {
        Nuanxin engine = Corpus.engine(Corpus.Kind.BUNDLED);
        Map<String, Assumption> first = new HashMap<>();
        Map<String, String> firstRegion = new HashMap<>();
        TreeSet<String> common = new TreeSet<>();
        for (String id : Corpus.REGIONS) {
            Region region = engine.region(id);
            for (Assumption a : region.assumptions().values()) {
                if (a.id().startsWith("A-COMMON-")) {
                    common.add(a.id());
                    Assumption before = first.putIfAbsent(a.id(), a);
                    firstRegion.putIfAbsent(a.id(), id);
                    assertEquals(
                            before == null ? a : before,
                            a,
                            a.id() + " of " + id + " differs from that of " + firstRegion.get(a.id()));
                }
            }
        }
        assertEquals(List.of("A-COMMON-1", "A-COMMON-2"), List.copyOf(common));
        assertEquals(
                List.of("A-XA-1", "A-XA-2", "A-XA-3", "A-XA-4", "A-XA-5", "A-COMMON-1", "A-COMMON-2"),
                List.copyOf(engine.region("xian").assumptions().keySet()));
        assertEquals(Map.of(), engine.region("neimenggu").assumptions(), "NM-2024 cites no assumption");
    }

    @Test
    void everyRegionDefinesExactlyTheAssumptionsItCites() {
        for (String id : Corpus.REGIONS) {
            List<RuleProblem> problems = RuleLinter.lint(Corpus.ruleFolder(id)).problems().stream()
                    .filter(p -> p.message().contains("assumption"))
                    .toList();
            assertTrue(problems.isEmpty(), id + ": " + problems);
        }
    }
}
