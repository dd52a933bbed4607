package org.opencpm.msrp.codec;

import java.util.Locale;

/** The Success-Report header (RFC 4975 sec 9); {@link #NO} when absent. */
public enum SuccessReport {
    YES, NO;

    /** @throws MsrpProtocolException (400) for any other value */
    public static SuccessReport parse(String value) {
        return Syntax.constant(SuccessReport.class, value)
                .orElseThrow(() -> MsrpProtocolException.badRequest("MSRP Success-Report malformed"));
    }

    /** The value as written on the wire. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
