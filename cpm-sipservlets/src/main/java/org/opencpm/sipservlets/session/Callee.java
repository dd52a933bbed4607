package org.opencpm.sipservlets.session;

/** The neighbour a function invites: the function offers to it. */
public interface Callee extends Leg {

    void invite(Invitation invitation, CalleeEvents events);

    /** Acknowledges the answer (ACK of the 200). */
    void ack();

    /** Withdraws the invitation before its answer (CANCEL). */
    void cancel();
}
