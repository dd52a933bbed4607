package org.opencpm.sipservlets.session;

import org.opencpm.msrp.sdp.SessionDescription;

/** What the invited neighbour tells the function that invited it, besides the common {@link LegEvents}. */
public interface CalleeEvents extends LegEvents {

    default void ringing() {
    }

    /** The 200 with its answer; the function acknowledges it with {@link Callee#ack()}. */
    void answered(SessionDescription answer);

    /** A final failure, or no answer in time. */
    void failed(int status, String reason);
}
