package org.opencpm.msrp.sdp;

/** The {@code o=} line (RFC 4566 sec 5.2): username, session id and version, network and address type, address. */
public record SdpOrigin(String username, String sessionId, String sessionVersion, String netType, String addrType,
        String address) {

    public SdpOrigin {
        Sdp.checkTokens("o=", username, sessionId, sessionVersion, netType, addrType, address);
    }

    /** An origin for an address of the Internet: {@code IN IP4} or {@code IN IP6} after the address's form. */
    public static SdpOrigin of(String username, String sessionId, String sessionVersion, String address) {
        return new SdpOrigin(username, sessionId, sessionVersion, "IN", Sdp.addrType(address), address);
    }

    static SdpOrigin parse(String value) {
        String[] t = value.split(" ", -1);
        if (t.length != 6) {
            throw new SdpFormatException("SDP o= line malformed");
        }
        return new SdpOrigin(t[0], t[1], t[2], t[3], t[4], t[5]);
    }

    @Override
    public String toString() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
    }
}
