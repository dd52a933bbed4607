package org.opencpm.msrp.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one session may have queued and not yet written: a sender that would go beyond waits until the writer
 * has written enough. This is the bound on memory a slow receiver can cause: the queue never holds more than the
 * budget, or a single frame when one frame is larger. The wait is on the writer, never on responses, so a thread
 * that both forwards into a connection and reads that connection's responses cannot wait on itself.
 */
final class SendBudget {

    private final long max;
    private final AtomicLong stackPeak;
    private long queued;
    private boolean closed;

    SendBudget(long max, AtomicLong stackPeak) {
        this.max = max;
        this.stackPeak = stackPeak;
    }

    /**
     * Takes {@code bytes}, waiting up to {@code timeoutMillis} for room.
     *
     * @return false if the time ran out or the budget was closed meanwhile
     */
    synchronized boolean acquire(long bytes, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!closed && queued > 0 && queued + bytes > max) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (closed) {
            return false;
        }
        queued += bytes;
        stackPeak.accumulateAndGet(queued, Math::max);
        return true;
    }

    synchronized void release(long bytes) {
        queued -= bytes;
        notifyAll();
    }

    /** Bytes held as an estimate become the exact {@code bytes}, without waiting: the frame exists already. */
    synchronized void resize(long estimate, long bytes) {
        queued += bytes - estimate;
        stackPeak.accumulateAndGet(queued, Math::max);
        notifyAll();
    }

    /** Wakes every waiter; no more bytes are taken. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized long queued() {
        return queued;
    }
}
