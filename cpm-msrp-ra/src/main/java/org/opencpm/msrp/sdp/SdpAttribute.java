package org.opencpm.msrp.sdp;

import java.util.Objects;

/**
 * An {@code a=} line (RFC 4566 sec 5.13) kept as written: a property ({@code a=sendonly}, no value) or a value
 * attribute ({@code a=file-selector:name:"a.jpg" ...}). Those an MSRP media description knows by name are typed in
 * {@link MsrpMedia}; the rest (file transfer, chatroom, CEMA, ...) pass through as these.
 */
public record SdpAttribute(String name, String value) {

    /** @param value null for a property attribute */
    public SdpAttribute {
        Objects.requireNonNull(name, "name");
        Sdp.checkTokens("a=", name);
        if (name.indexOf(':') >= 0) {
            throw new SdpFormatException("SDP a= line malformed");
        }
        if (value != null) {
            Sdp.checkText("a=", value);
        }
    }

    static SdpAttribute parse(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? new SdpAttribute(line, null) : new SdpAttribute(line.substring(0, colon),
                line.substring(colon + 1));
    }

    /** As written after {@code a=}. */
    @Override
    public String toString() {
        return value == null ? name : name + ':' + value;
    }
}
