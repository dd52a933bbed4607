package org.opencpm.msrp.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * An MSRP response: {@code MSRP <transaction-id> <code> [comment]} and its headers; never a body (RFC 4975 sec 9).
 * The comment is free text, empty when there is none.
 */
public record MsrpResponse(String transactionId, int code, String comment, MsrpHeaders headers) implements MsrpFrame {

    /** @throws MsrpProtocolException (400) for a malformed transaction id, code or comment */
    public MsrpResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(comment, "comment");
        if (!Syntax.isIdent(transactionId)) {
            throw MsrpProtocolException.badRequest("MSRP transaction id malformed");
        }
        if (code < 100 || code > 999) {
            throw MsrpProtocolException.badRequest("MSRP status code malformed");
        }
        if (Syntax.hasControl(comment)) {
            throw MsrpProtocolException.badRequest("MSRP response comment has a control character");
        }
    }

    /** A response with a known status and its reason phrase as the comment. */
    public MsrpResponse(String transactionId, MsrpStatus status, MsrpHeaders headers) {
        this(transactionId, status.code(), status.reason(), headers);
    }

    /** The known status of the code, if any. */
    public Optional<MsrpStatus> status() {
        return MsrpStatus.of(code);
    }

    public boolean isSuccess() {
        return MsrpStatus.isSuccess(code);
    }

    @Override
    public String startLine() {
        return "MSRP " + transactionId + ' ' + code + (comment.isEmpty() ? "" : " " + comment);
    }
}
