package org.opencpm.messagestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** One pass at a time; a request made while a pass runs is taken by that pass going round once more. */
class SerialPassesTest {

    private final SerialPasses passes = new SerialPasses(Logger.getLogger("test"), "test pass");

    @Test
    void aRequestWhileAPassRunsMakesItGoRoundOnceMoreAndNoneIsStartedBesideIt() throws Exception {
        CountDownLatch inFirstRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> pass = pool.submit(() -> passes.run(() -> {
                if (rounds.incrementAndGet() == 1) {
                    inFirstRound.countDown();
                    await(release);
                }
            }));
            assertTrue(inFirstRound.await(5, TimeUnit.SECONDS));
            assertTrue(passes.againIfRunning(), "the running pass takes it");
            assertTrue(passes.againIfRunning(), "two requests, one more round");
            release.countDown();
            pass.get(5, TimeUnit.SECONDS);
            assertEquals(2, rounds.get());
            assertFalse(passes.running());
            assertFalse(passes.againIfRunning(), "no pass runs: the caller starts one");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPassThatThrowsIsLoggedAndTheNextRequestRunsAgain() {
        AtomicInteger rounds = new AtomicInteger();
        passes.run(() -> {
            rounds.incrementAndGet();
            throw new IllegalStateException("broken");
        });
        passes.run(rounds::incrementAndGet);
        assertEquals(2, rounds.get());
        assertFalse(passes.running());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
