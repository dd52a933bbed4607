package org.opencpm.sipservlets.session;

import java.time.Duration;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.SessionState;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.TimerService;

/**
 * The functions' halves of one end-to-end session on this server share one chain: its lock orders everything that
 * happens to them (SIP messages, MSRP events, timers), and its application session holds every SIP leg, so the
 * container hands their messages over one at a time too.
 */
public final class SessionChain {

    /** How often a closing function looks whether a leg has emptied, and for how long at most. */
    static final Duration DRAIN_POLL = Duration.ofMillis(50);
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private final SipApplicationSession applicationSession;
    private final TimerService timers;
    private final Object lock = new Object();

    public SessionChain(SipApplicationSession applicationSession, TimerService timers) {
        this.applicationSession = applicationSession;
        this.timers = timers;
    }

    public Object lock() {
        return lock;
    }

    public SipApplicationSession applicationSession() {
        return applicationSession;
    }

    /** Runs {@code task} later under the chain's lock, on the sessions servlet's timer. */
    public void after(Duration delay, Runnable task) {
        timers.createTimer(applicationSession, SessionServlet.NAME, Math.max(1, delay.toMillis()),
                new Task(this, task));
    }

    /**
     * Runs {@code then} under the chain's lock once {@code leg} has written everything and had it answered, or has
     * closed, or after {@link #DRAIN_LIMIT}: a BYE that follows the last chunk goes on only behind it (SD 5.2.2.1.5).
     */
    public void whenDrained(MsrpSession leg, Runnable then) {
        drain(leg, System.nanoTime() + DRAIN_LIMIT.toNanos(), then);
    }

    private void drain(MsrpSession leg, long deadline, Runnable then) {
        if (leg == null || leg.idle() || leg.state() == SessionState.CLOSED || System.nanoTime() > deadline) {
            then.run();
            return;
        }
        after(DRAIN_POLL, () -> drain(leg, deadline, then));
    }

    /** A timer's payload: what to run, and under which chain. */
    record Task(SessionChain chain, Runnable action) implements java.io.Serializable {
        void run() {
            synchronized (chain.lock) {
                action.run();
            }
        }
    }
}
