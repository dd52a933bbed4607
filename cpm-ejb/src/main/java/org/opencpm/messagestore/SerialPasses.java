package org.opencpm.messagestore;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a pass over an outbox one at a time, however many threads ask: a caller that finds a pass running returns at
 * once and makes that pass go round again, so what was added meanwhile is not left waiting for the next trigger. A
 * pass that throws is logged; the next request runs again.
 */
public final class SerialPasses {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Logger log;
    private final String what;

    /** @param what the passes, for the log ("Recording: upload pass") */
    public SerialPasses(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Runs {@code pass} now, or has the running pass go round again. */
    public void run(Runnable pass) {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                pass.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, what + " failed", e);
            } finally {
                running.set(false);
            }
        }
    }

    /** Whether a pass runs now. */
    public boolean running() {
        return running.get();
    }

    /**
     * Has the pass that runs now go round once more, if one runs; false when none runs, and the caller starts one.
     * Nothing is missed between the two: the request is noted before the look, and a pass looks for requests after it
     * stopped running.
     */
    public boolean againIfRunning() {
        again.set(true);
        return running.get();
    }

    /** Has the pass that runs now go round once more (it found more than it took). */
    public void again() {
        again.set(true);
    }
}
