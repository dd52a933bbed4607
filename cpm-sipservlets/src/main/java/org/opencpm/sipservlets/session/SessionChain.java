package org.opencpm.sipservlets.session;

import java.time.Duration;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.TimerService;

/**
 * The functions' halves of one end-to-end session on this server share one chain: its lock orders everything that
 * happens to them (SIP messages, MSRP events, timers), and its application session holds every SIP leg, so the
 * container hands their messages over one at a time too.
 */
public final class SessionChain {

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

    /** A timer's payload: what to run, and under which chain. */
    record Task(SessionChain chain, Runnable action) implements java.io.Serializable {
        void run() {
            synchronized (chain.lock) {
                action.run();
            }
        }
    }
}
