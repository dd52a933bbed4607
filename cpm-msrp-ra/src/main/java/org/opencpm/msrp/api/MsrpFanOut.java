package org.opencpm.msrp.api;

import java.util.List;

/**
 * The messages one session receives, copied to several ({@link MsrpConnector#fanOut}): the Controlling Function of
 * a group passing a large message on to every member's leg. Thread-safe.
 */
public interface MsrpFanOut {

    /** The session whose incoming messages are copied. */
    MsrpSession source();

    /** The targets still served, in the order given: those that failed, closed or were removed are gone. */
    List<MsrpSession> targets();

    /**
     * Takes a target out and closes it ({@link CloseReason#LOCAL}), e.g. when its SIP leg failed before its peer's
     * path was known: chunks queued for it are dropped and the others no longer wait for it. When it was the last
     * target, the source closes too ({@link CloseReason#BRIDGE_CLOSED}). Nothing happens for a session that is no
     * target (any more).
     */
    void remove(MsrpSession target);
}
