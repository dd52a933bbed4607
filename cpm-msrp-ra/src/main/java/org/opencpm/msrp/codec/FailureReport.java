package org.opencpm.msrp.codec;

import java.util.Locale;

/**
 * The Failure-Report header (RFC 4975 sec 9); {@link #YES} when absent. {@link #PARTIAL} asks for failures only,
 * {@link #NO} for nothing at all, not even a response.
 */
public enum FailureReport {
    YES, NO, PARTIAL;

    /** @throws MsrpProtocolException (400) for any other value */
    public static FailureReport parse(String value) {
        return Syntax.constant(FailureReport.class, value)
                .orElseThrow(() -> MsrpProtocolException.badRequest("MSRP Failure-Report malformed"));
    }

    /** The value as written on the wire. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
