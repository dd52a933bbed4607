package org.opencpm.msrp.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * MSRP input that breaks RFC 4975 or a bound of this codec. The message is a short one-line ASCII reason, fit for a
 * response comment; {@link #status()} is the status to answer with. When the parser raises it, it also says which
 * transaction the frame had (if its start line got that far) and whether the frame was a request, so the caller
 * knows whether a response can be sent at all.
 */
public final class MsrpProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MsrpStatus status;
    private final String transactionId;
    private final boolean request;

    public MsrpProtocolException(MsrpStatus status, String reason) {
        this(status, reason, null, false);
    }

    MsrpProtocolException(MsrpStatus status, String reason, String transactionId, boolean request) {
        super(reason);
        this.status = Objects.requireNonNull(status, "status");
        this.transactionId = transactionId;
        this.request = request;
    }

    public MsrpStatus status() {
        return status;
    }

    /** The transaction id of the offending frame, when the parser read that far. */
    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    /**
     * Whether the offending frame was a request whose transaction id is known: only then can it be answered
     * (RFC 4975 sec 7.2; responses are never answered).
     */
    public boolean answerable() {
        return request && transactionId != null;
    }

    static MsrpProtocolException badRequest(String reason) {
        return new MsrpProtocolException(MsrpStatus.BAD_REQUEST, reason);
    }
}
