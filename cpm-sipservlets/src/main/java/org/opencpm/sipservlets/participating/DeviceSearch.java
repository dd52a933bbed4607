package org.opencpm.sipservlets.participating;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.registrar.ActiveContact;
import org.opencpm.sip.api.SipFactory;
import org.opencpm.sipservlets.session.Callee;
import org.opencpm.sipservlets.session.CalleeEvents;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.SessionChain;
import org.opencpm.sipservlets.session.SipCallee;

/**
 * The invited user's devices tried one after another (a sequential search, RFC 3261 section 16.6): each gets the
 * invitation and a while to answer; the first to answer takes the session, a refusal or silence moves on to the
 * next. When every device failed, a fallback may take the invitation (the PF answering on the user's behalf);
 * without one the caller hears the last failure.
 */
final class DeviceSearch implements Callee {

    private final SessionChain chain;
    private final SipFactory factory;
    private final Deque<ActiveContact> remaining;
    private final Duration answerTimeout;
    private final Callee fallback;
    private Invitation invitation;
    private CalleeEvents events;
    private Callee current;
    private int attempt;
    private boolean answered;
    private boolean cancelled;

    /** @param fallback who takes the invitation when no device did, or null to let the caller hear the failure */
    DeviceSearch(SessionChain chain, SipFactory factory, List<ActiveContact> devices, Duration answerTimeout,
                 Callee fallback) {
        this.chain = chain;
        this.fallback = fallback;
        this.factory = factory;
        this.remaining = new ArrayDeque<>(devices);
        this.answerTimeout = answerTimeout;
    }

    @Override
    public void invite(Invitation inv, CalleeEvents listener) {
        this.invitation = inv;
        this.events = listener;
        next(480, "Temporarily Unavailable (no registered device)");
    }

    private void next(int lastStatus, String lastReason) {
        if (cancelled) {
            return;
        }
        ActiveContact device = remaining.poll();
        if (device == null && fallback != null && current != fallback) {
            ++attempt;
            current = fallback;
            fallback.invite(invitation, events);
            return;
        }
        if (device == null) {
            events.failed(lastStatus, lastReason);
            return;
        }
        int thisAttempt = ++attempt;
        SipCallee callee = new SipCallee(chain, factory, device.uri());
        current = callee;
        callee.invite(invitation, new Attempt(thisAttempt));
        chain.after(answerTimeout, () -> {
            if (attempt == thisAttempt && !answered && !cancelled) {
                callee.cancel(); // its 487 moves the search on
            }
        });
    }

    /** The events of one device's dialog: only the current attempt's count. */
    private final class Attempt implements CalleeEvents {

        private final int number;

        Attempt(int number) {
            this.number = number;
        }

        private boolean current() {
            return number == attempt;
        }

        @Override
        public void ringing() {
            if (current()) {
                events.ringing();
            }
        }

        @Override
        public void answered(SessionDescription answer) {
            if (current() && !cancelled) {
                answered = true;
                events.answered(answer);
            }
        }

        @Override
        public void failed(int status, String reason) {
            if (current() && !answered) {
                next(status, reason);
            }
        }

        @Override
        public void ended() {
            events.ended();
        }

        @Override
        public void reoffered(SessionDescription offer) {
            events.reoffered(offer);
        }

        @Override
        public void reofferAnswered(SessionDescription answer) {
            events.reofferAnswered(answer);
        }

        @Override
        public void reofferRefused(int status, String reason) {
            events.reofferRefused(status, reason);
        }
    }

    @Override
    public void ack() {
        current.ack();
    }

    @Override
    public void cancel() {
        cancelled = true;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void bye() {
        if (current != null) {
            current.bye();
        }
    }

    @Override
    public void reoffer(SessionDescription offer) {
        current.reoffer(offer);
    }

    @Override
    public void answerReoffer(SessionDescription answer) {
        current.answerReoffer(answer);
    }

    @Override
    public void refuseReoffer(int status, String reason) {
        current.refuseReoffer(status, reason);
    }
}
