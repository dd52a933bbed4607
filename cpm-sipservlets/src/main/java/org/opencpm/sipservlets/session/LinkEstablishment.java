package org.opencpm.sipservlets.session;

import org.opencpm.msrp.sdp.Setup;

/**
 * Who opens each MSRP connection along a chain of functions, the three solutions of the ZTE document
 * ({@code shared/seeds/000}, FIG. 1-7), carried out with RFC 6135 {@code a=setup} in the offers and answers the
 * functions write. A client's own choice in its offer or answer always stands; these govern what is left.
 */
public enum LinkEstablishment {
    /** Each hop is opened by its inviting side (FIG. 1, 2): offers active, actpass answered passive. */
    INVITING_SIDE,
    /** Each hop is opened by its invited side (FIG. 3, 4): offers passive, actpass answered active. */
    INVITED_SIDE,
    /**
     * The clients open the client-facing hops (FIG. 5-7): an offer towards a client is passive and a client's
     * actpass is answered passive; between functions the inviting side opens.
     */
    CLIENTS;

    /** The {@code a=setup} of an offer a function makes. */
    public Setup offerSetup(boolean towardsClient) {
        switch (this) {
            case INVITED_SIDE:
                return Setup.PASSIVE;
            case CLIENTS:
                return towardsClient ? Setup.PASSIVE : Setup.ACTIVE;
            default:
                return Setup.ACTIVE;
        }
    }

    /** How a function answers an offer that lets it choose ({@code actpass}). */
    public Setup whenActpass() {
        return this == INVITED_SIDE ? Setup.ACTIVE : Setup.PASSIVE;
    }
}
