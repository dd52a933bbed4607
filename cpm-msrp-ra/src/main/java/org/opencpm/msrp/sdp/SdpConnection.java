package org.opencpm.msrp.sdp;

/**
 * The {@code c=} line (RFC 4566 sec 5.7). For MSRP it is informational: the connection goes where the
 * {@code a=path} says (RFC 4975 sec 8.1).
 */
public record SdpConnection(String netType, String addrType, String address) {

    public SdpConnection {
        Sdp.checkTokens("c=", netType, addrType, address);
    }

    /** A connection for an address of the Internet: {@code IN IP4} or {@code IN IP6} after the address's form. */
    public static SdpConnection of(String address) {
        return new SdpConnection("IN", Sdp.addrType(address), address);
    }

    static SdpConnection parse(String value) {
        String[] t = value.split(" ", -1);
        if (t.length != 3) {
            throw new SdpFormatException("SDP c= line malformed");
        }
        return new SdpConnection(t[0], t[1], t[2]);
    }

    @Override
    public String toString() {
        return netType + ' ' + addrType + ' ' + address;
    }
}
