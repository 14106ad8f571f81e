package org.nuanxin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.model.Worker;

/** The builder's listener hears every assessment and reload, and cannot break either. */
class ListenerTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final Worker WORKER =
            Worker.builder().newEmploymentForm(true).workCity("xian").build();

    @TempDir
    Path dir;

    @Test
    void hearsEachAssessmentWithItsDuration() {
        List<String> heard = new ArrayList<>();
        Nuanxin nuanxin = engine(new Nuanxin.Listener() {
            @Override
            public void assessed(String region, Assessment a, long nanos) {
                assertTrue(nanos >= 0);
                heard.add(region + ":" + a.decisions().size());
            }
        });
        Assessment a = nuanxin.assess("testland", WORKER, AS_OF);
        nuanxin.assess("testland", WORKER, AS_OF); // a cached decision is heard too
        assertEquals(
                List.of(
                        "testland:" + a.decisions().size(),
                        "testland:" + a.decisions().size()),
                heard);
    }

    @Test
    void theUnlistenedViewDecidesAlikeAndIsNotHeard() {
        List<String> heard = new ArrayList<>();
        Nuanxin nuanxin = engine(new Nuanxin.Listener() {
            @Override
            public void assessed(String region, Assessment a, long nanos) {
                heard.add(region);
            }
        });
        Assessor quiet = nuanxin.unlistened();
        Assessment a = quiet.assess("testland", org.nuanxin.model.Situation.of(WORKER), AS_OF);
        assertEquals(List.of(), heard);
        assertEquals(nuanxin.assess("testland", WORKER, AS_OF).decisions(), a.decisions());
        assertEquals(List.of("testland"), heard);
        assertEquals(nuanxin.regionIds(), quiet.regionIds());
    }

    @Test
    void aFailedAssessmentIsNotHeard() {
        List<String> heard = new ArrayList<>();
        Nuanxin nuanxin = engine(new Nuanxin.Listener() {
            @Override
            public void assessed(String region, Assessment a, long nanos) {
                heard.add(region);
            }
        });
        assertThrows(UnknownRegionException.class, () -> nuanxin.assess("atlantis", WORKER, AS_OF));
        assertEquals(List.of(), heard);
    }

    @Test
    void hearsARejectedReload() {
        List<ReloadResult> heard = new ArrayList<>();
        Nuanxin nuanxin = engine(new Nuanxin.Listener() {
            @Override
            public void reloaded(ReloadResult r) {
                heard.add(r);
            }
        });
        // a folder without a scenario suite is never promoted
        ReloadResult r = nuanxin.reload(TestRegions.copy(dir, "", t -> t), List.of());
        assertFalse(r.promoted());
        assertEquals(List.of(r), heard);
    }

    @Test
    void aThrowingListenerBreaksNothing() {
        Nuanxin nuanxin = engine(new Nuanxin.Listener() {
            @Override
            public void assessed(String region, Assessment a, long nanos) {
                throw new IllegalStateException("metrics down");
            }

            @Override
            public void reloaded(ReloadResult r) {
                throw new IllegalStateException("metrics down");
            }
        });
        assertFalse(nuanxin.assess("testland", WORKER, AS_OF).decisions().isEmpty());
        assertEquals(
                "testland",
                nuanxin.reload(TestRegions.copy(dir, "", t -> t), List.of()).region());
    }

    private static Nuanxin engine(Nuanxin.Listener listener) {
        return Nuanxin.builder()
                .noClasspathRegions()
                .ruleFolder(TestRegions.TESTLAND)
                .listener(listener)
                .build();
    }
}
