package org.opencpm.msrp.codec;

import java.util.Objects;

/**
 * An MSRP request: {@code MSRP <transaction-id> <method>} and its headers. Methods other than SEND and REPORT (AUTH
 * of RFC 4976, NICKNAME of RFC 7701, or anything else) are kept as written; the receiver decides whether it knows
 * them (501 otherwise).
 */
public record MsrpRequest(String transactionId, String method, MsrpHeaders headers) implements MsrpFrame {

    public static final String SEND = "SEND";
    public static final String REPORT = "REPORT";

    /** @throws MsrpProtocolException (400) for a malformed transaction id or method */
    public MsrpRequest {
        Objects.requireNonNull(headers, "headers");
        if (!Syntax.isIdent(transactionId)) {
            throw MsrpProtocolException.badRequest("MSRP transaction id malformed");
        }
        if (method == null || !Syntax.isMethod(method)) {
            throw MsrpProtocolException.badRequest("MSRP method malformed");
        }
    }

    public boolean isSend() {
        return SEND.equals(method);
    }

    public boolean isReport() {
        return REPORT.equals(method);
    }

    @Override
    public String startLine() {
        return "MSRP " + transactionId + ' ' + method;
    }
}
