package org.opencpm.sipservlets.session;

import org.opencpm.msrp.sdp.SessionDescription;

/** What a function can send to one neighbour of an established session, on either side of it. */
public interface Leg {

    /** Ends the session towards this neighbour (BYE). */
    void bye();

    /** A new offer within the session (re-INVITE, OMA CPM SD 5.2.3.1.3); the answer comes to the events. */
    void reoffer(SessionDescription offer);

    /** Accepts the neighbour's re-offer. */
    void answerReoffer(SessionDescription answer);

    /** Refuses the neighbour's re-offer; the session goes on as it was (RFC 3261 section 14.1). */
    void refuseReoffer(int status, String reason);
}
