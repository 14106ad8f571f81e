package org.nuanxin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nuanxin.Benefit;
import org.nuanxin.Decision;
import org.nuanxin.Reason;
import org.nuanxin.Status;
import org.nuanxin.TestRegions;

class LazyListTest {

    @Test
    void aDecisionMakesItsReasonsOnFirstUseOnly() {
        AtomicInteger made = new AtomicInteger();
        Benefit benefit = TestRegions.testland().region("testland").benefits().get(0);
        Reason r = new Reason("rule", Reason.Outcome.MET, "S", "c", "符合", "Met", List.of());
        Decision d = new Decision(benefit, Status.ELIGIBLE, null, null, null, null, List.of(), new LazyList<>(() -> {
            made.incrementAndGet();
            return new ArrayList<>(List.of(r));
        }));
        assertEquals(0, made.get(), "nothing made before the reasons are read");
        assertEquals(List.of(r), d.reasons());
        assertEquals(1, d.reasons().size());
        assertEquals(1, made.get(), "made once");
        assertEquals(
                new Decision(benefit, Status.ELIGIBLE, null, null, null, null, List.of(), List.of(r)),
                d,
                "equal to the same decision with its reasons given");
        assertThrows(UnsupportedOperationException.class, () -> d.reasons().add(r));
    }

    @Test
    void threadsRacingForTheListAllSeeTheSameContent() throws InterruptedException {
        for (int round = 0; round < 200; round++) {
            LazyList<Integer> list = new LazyList<>(() -> List.of(1, 2, 3));
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<AssertionError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        if (!List.of(1, 2, 3).equals(list) || list.size() != 3 || list.get(2) != 3) {
                            errors.add(new AssertionError("saw " + list));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                threads.add(th);
                th.start();
            }
            start.countDown();
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(List.of(), errors);
        }
    }
}
