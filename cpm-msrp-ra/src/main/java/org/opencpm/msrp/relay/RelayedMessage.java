package org.opencpm.msrp.relay;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A message a bridge is passing on. Once the next leg refuses one of its chunks, or never answers, the message has
 * failed: its later chunks are refused and its sender hears of it in one failure REPORT, however many chunks were
 * in flight.
 */
final class RelayedMessage {

    private final AtomicBoolean failed = new AtomicBoolean();

    boolean failed() {
        return failed.get();
    }

    /** @return true the first time only */
    boolean fail() {
        return failed.compareAndSet(false, true);
    }
}
