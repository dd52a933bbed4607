package org.opencpm.sipservlets.session;

import org.opencpm.msrp.sdp.SessionDescription;

/** What one neighbour of an established session tells the function it is linked to. */
public interface LegEvents {

    /** The neighbour ended the session (its BYE was answered already). */
    void ended();

    /** The neighbour's re-offer, to be answered through {@link Leg#answerReoffer} or {@link Leg#refuseReoffer}. */
    void reoffered(SessionDescription offer);

    void reofferAnswered(SessionDescription answer);

    void reofferRefused(int status, String reason);
}
