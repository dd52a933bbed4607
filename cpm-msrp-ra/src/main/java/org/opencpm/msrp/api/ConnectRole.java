package org.opencpm.msrp.api;

import java.util.Optional;
import org.opencpm.msrp.sdp.Setup;

/** Which side opens the TCP connection of a session (RFC 6135, with the roles of RFC 4145 {@code a=setup}). */
public enum ConnectRole {
    /** This side connects and sends the binding SEND. */
    ACTIVE,
    /** This side waits for the peer to connect and bind. */
    PASSIVE;

    /**
     * This side's role after an offer and answer.
     *
     * @param opener who opens, from {@link Setup#opener}
     * @param offerer whether this side made the offer
     * @return empty for {@link Setup.Opener#NEITHER} ({@code holdconn}: no connection yet)
     */
    public static Optional<ConnectRole> of(Setup.Opener opener, boolean offerer) {
        if (opener == Setup.Opener.NEITHER) {
            return Optional.empty();
        }
        boolean opens = (opener == Setup.Opener.OFFERER) == offerer;
        return Optional.of(opens ? ACTIVE : PASSIVE);
    }
}
