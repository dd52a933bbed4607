package org.opencpm.msrp.sdp;

import java.util.Optional;

/** The protocol of an MSRP media line (RFC 4975 sec 8.1): MSRP over TCP, or over TLS with {@code msrps} URIs. */
public enum MsrpTransport {
    TCP("TCP/MSRP"), TLS("TCP/TLS/MSRP");

    private final String protocol;

    MsrpTransport(String protocol) {
        this.protocol = protocol;
    }

    /** As written on the m= line. */
    public String protocol() {
        return protocol;
    }

    static Optional<MsrpTransport> of(String protocol) {
        for (MsrpTransport t : values()) {
            if (t.protocol.equalsIgnoreCase(protocol)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
