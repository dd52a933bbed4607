package org.opencpm.msrp.sdp;

import java.util.Locale;

/**
 * The {@code a=setup} attribute of RFC 4145 sec 4, applied to MSRP by RFC 6135: which end opens the TCP connection.
 * Without it MSRP keeps the RFC 4975 model, in which the offerer connects.
 */
public enum Setup {
    ACTIVE, PASSIVE, ACTPASS, HOLDCONN;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws SdpFormatException for a value RFC 4145 does not define */
    static Setup parse(String value) {
        return Sdp.constant(Setup.class, value).orElseThrow(() -> new SdpFormatException("SDP a=setup malformed"));
    }
}
