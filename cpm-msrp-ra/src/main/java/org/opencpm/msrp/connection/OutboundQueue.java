package org.opencpm.msrp.connection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames waiting for one connection's writer. Control frames (responses and REPORTs) go before data frames, so
 * that acknowledging what arrives never waits behind a large transfer; their number is bounded, since a peer that
 * sends requests without reading our answers must not make us hold answers without end. Data frames are bounded
 * upstream, by the budget of each session that queues them.
 */
final class OutboundQueue {

    /** A frame and, for data, who to tell when it is written or dropped. */
    record Entry(byte[] bytes, FrameCallback callback) {
    }

    private final int maxControl;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Entry> control = new ArrayDeque<>();
    private final ArrayDeque<Entry> data = new ArrayDeque<>();
    /** No frame is taken in any more. */
    private boolean closed;
    /** Frames already in still go out, then the writer stops. */
    private boolean draining;

    OutboundQueue(int maxControl) {
        this.maxControl = maxControl;
    }

    /** @return false if the queue is closed or holds its bound of control frames */
    boolean offerControl(byte[] bytes) {
        lock.lock();
        try {
            if (closed || draining || control.size() >= maxControl) {
                return false;
            }
            control.add(new Entry(bytes, null));
            ready.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** @return false if the queue is closed */
    boolean offerData(byte[] bytes, FrameCallback callback) {
        lock.lock();
        try {
            if (closed || draining) {
                return false;
            }
            data.add(new Entry(bytes, callback));
            ready.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next frame, control first; null once the queue is closed, or drained after {@link #drain()}. */
    Entry take() throws InterruptedException {
        lock.lock();
        try {
            while (!closed && !draining && control.isEmpty() && data.isEmpty()) {
                ready.await();
            }
            if (closed || control.isEmpty() && data.isEmpty()) {
                return null;
            }
            return control.isEmpty() ? data.poll() : control.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes no more frames; those already queued still go out. */
    void drain() {
        lock.lock();
        try {
            draining = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the queue and returns the data frames that will never be written. */
    List<Entry> close() {
        lock.lock();
        try {
            closed = true;
            control.clear();
            List<Entry> dropped = new ArrayList<>(data);
            data.clear();
            ready.signalAll();
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
