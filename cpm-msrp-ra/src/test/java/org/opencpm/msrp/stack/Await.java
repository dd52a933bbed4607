package org.opencpm.msrp.stack;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition that other threads make true: a bounded wait, never a timing assertion. */
final class Await {

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(() -> what, condition);
    }

    static void until(Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what.get());
            }
            Thread.sleep(10);
        }
    }
}
