package org.opencpm.msrp.codec;

import java.util.Objects;

/**
 * A header other than those {@link MsrpHeaders} knows by name: an extension header (RFC 4975 sec 9 ext-header,
 * e.g. RFC 4976's Expires) or a MIME header of the content (Content-ID, Content-Disposition, ...), kept as written.
 */
public record MsrpHeader(String name, String value) {

    /** @throws MsrpProtocolException (400) for a malformed name or a value with control characters */
    public MsrpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!Syntax.isHeaderName(name)) {
            throw MsrpProtocolException.badRequest("MSRP header name malformed");
        }
        if (Syntax.hasControl(value)) {
            throw MsrpProtocolException.badRequest("MSRP header " + name + " has a control character");
        }
    }

    /** MIME headers belong with the content (RFC 4975 sec 9 content-stuff). */
    boolean isMime() {
        return name.regionMatches(true, 0, "Content-", 0, 8);
    }
}
