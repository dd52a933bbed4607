package org.opencpm.msrp.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code a=setup} attribute of RFC 4145 sec 4, applied to MSRP by RFC 6135: which end opens the TCP connection.
 * Without it MSRP keeps the RFC 4975 model, in which the offerer connects.
 */
public enum Setup {
    ACTIVE, PASSIVE, ACTPASS, HOLDCONN;

    /** The side that opens the connection once offer and answer are agreed. */
    public enum Opener { OFFERER, ANSWERER, NEITHER }

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws SdpFormatException for a value RFC 4145 does not define */
    static Setup parse(String value) {
        return Sdp.constant(Setup.class, value).orElseThrow(() -> new SdpFormatException("SDP a=setup malformed"));
    }

    /**
     * The answer's setup (RFC 4145 sec 4.1): {@code actpass} is answered by the preference given, {@code active} by
     * {@code passive} and back, {@code holdconn} by itself. An offer without setup is answered without it: the
     * offerer connects, as in RFC 4975.
     *
     * @param whenActpass {@link #ACTIVE} or {@link #PASSIVE}
     */
    public static Optional<Setup> answerTo(Optional<Setup> offered, Setup whenActpass) {
        if (whenActpass != ACTIVE && whenActpass != PASSIVE) {
            throw new IllegalArgumentException("actpass is answered with active or passive");
        }
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        switch (offered.get()) {
            case ACTIVE:
                return Optional.of(PASSIVE);
            case PASSIVE:
                return Optional.of(ACTIVE);
            case ACTPASS:
                return Optional.of(whenActpass);
            default:
                return Optional.of(HOLDCONN);
        }
    }

    /**
     * Who opens the connection after this offer and answer. Absent setups take the RFC 6135 defaults: offerer
     * active, answerer passive.
     *
     * @throws SdpNegotiationException when the answer contradicts the offer
     */
    public static Opener opener(Optional<Setup> offered, Optional<Setup> answered) {
        Setup offer = offered.orElse(ACTIVE);
        Setup answer = answered.orElse(PASSIVE);
        if (offer == HOLDCONN || answer == HOLDCONN) {
            return Opener.NEITHER;
        }
        if (answer == ACTPASS) {
            throw new SdpNegotiationException("SDP answer with a=setup:actpass");
        }
        if (answer == ACTIVE && offer != ACTIVE) {
            return Opener.ANSWERER;
        }
        if (answer == PASSIVE && offer != PASSIVE) {
            return Opener.OFFERER;
        }
        throw new SdpNegotiationException("SDP a=setup:" + offer.token() + " answered with " + answer.token());
    }
}
