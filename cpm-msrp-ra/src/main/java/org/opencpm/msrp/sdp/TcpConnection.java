package org.opencpm.msrp.sdp;

import java.util.Locale;

/** The {@code a=connection} attribute of RFC 4145 sec 5: a new TCP connection, or reuse of the existing one. */
public enum TcpConnection {
    NEW, EXISTING;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws SdpFormatException for a value RFC 4145 does not define */
    static TcpConnection parse(String value) {
        return Sdp.constant(TcpConnection.class, value)
                .orElseThrow(() -> new SdpFormatException("SDP a=connection malformed"));
    }
}
