package org.opencpm.sipservlets.session;

import org.opencpm.msrp.sdp.SessionDescription;

/** The neighbour that invited a function: the function answers it. */
public interface Caller extends Leg {

    Invitation invitation();

    /** Who hears of the caller's ACK, CANCEL, BYE and re-offers; set once, before anything is answered. */
    void listen(CallerEvents events);

    void ringing();

    /** The 200 with this side's answer. */
    void answer(SessionDescription answer);

    void refuse(int status, String reason);
}
