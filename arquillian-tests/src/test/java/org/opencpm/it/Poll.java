package org.opencpm.it;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waiting for what the server does in the background (the store's accounts, uploads), every 250 ms. */
final class Poll {

    private Poll() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} when it has not within {@code timeout}. */
    static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.call()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms");
    }
}
