package org.opencpm.sipservlets.session;

import java.util.function.Consumer;
import org.opencpm.msrp.sdp.SessionDescription;

/**
 * The signalling between two functions of this server (PF A to PF B, PF A to the CF, the CF to PF B): what would
 * be an INVITE dialog between two application servers is a pair of method calls, while the media between them is
 * still a real MSRP hop between their own sessions. The inviting function holds this as its {@link Callee}; the
 * invited one gets {@link #caller()} handed to {@code next}.
 */
public final class InternalHop implements Callee {

    private final Consumer<Caller> next;
    private final Side side = new Side();
    private Invitation invitation;
    private CalleeEvents upstream;
    private CallerEvents downstream;
    private boolean answered;
    private boolean ended;

    /** @param next takes the invitation on the invited function's side */
    public InternalHop(Consumer<Caller> next) {
        this.next = next;
    }

    Caller caller() {
        return side;
    }

    @Override
    public void invite(Invitation inv, CalleeEvents events) {
        this.invitation = inv;
        this.upstream = events;
        next.accept(side);
    }

    @Override
    public void ack() {
        if (downstream != null && !ended) {
            downstream.acked();
        }
    }

    @Override
    public void cancel() {
        if (answered || ended) {
            return;
        }
        ended = true;
        if (downstream != null) {
            downstream.cancelled();
        }
        upstream.failed(487, "Request Terminated");
    }

    @Override
    public void bye() {
        if (!ended) {
            ended = true;
            if (downstream != null) {
                downstream.ended();
            }
        }
    }

    @Override
    public void reoffer(SessionDescription offer) {
        downstream.reoffered(offer);
    }

    @Override
    public void answerReoffer(SessionDescription answer) {
        downstream.reofferAnswered(answer);
    }

    @Override
    public void refuseReoffer(int status, String reason) {
        downstream.reofferRefused(status, reason);
    }

    /** The inviting function as the invited one sees it. */
    private final class Side implements Caller {

        @Override
        public Invitation invitation() {
            return invitation;
        }

        @Override
        public void listen(CallerEvents events) {
            downstream = events;
        }

        @Override
        public void ringing() {
            if (!ended) {
                upstream.ringing();
            }
        }

        @Override
        public void answer(SessionDescription answer) {
            if (!ended && !answered) {
                answered = true;
                upstream.answered(answer);
            }
        }

        @Override
        public void refuse(int status, String reason) {
            if (!ended && !answered) {
                ended = true;
                upstream.failed(status, reason);
            }
        }

        @Override
        public void bye() {
            if (!ended) {
                ended = true;
                upstream.ended();
            }
        }

        @Override
        public void reoffer(SessionDescription offer) {
            upstream.reoffered(offer);
        }

        @Override
        public void answerReoffer(SessionDescription answer) {
            upstream.reofferAnswered(answer);
        }

        @Override
        public void refuseReoffer(int status, String reason) {
            upstream.reofferRefused(status, reason);
        }
    }
}
