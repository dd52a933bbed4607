package org.opencpm.msrp.codec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MSRP input that breaks RFC 4975 or a bound of this codec. The message is a short one-line ASCII reason, fit for a
 * response comment; {@link #status()} is the status to answer with. When the parser raises it, it also says which
 * transaction the frame had (if its start line got that far) and whether the frame was a request, so the caller
 * knows whether a response can be sent at all, and the paths it had read by then, which a response is built from.
 */
public final class MsrpProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MsrpStatus status;
    private final String transactionId;
    private final boolean request;
    private final transient List<MsrpUri> toPath;
    private final transient List<MsrpUri> fromPath;

    public MsrpProtocolException(MsrpStatus status, String reason) {
        this(status, reason, null, false);
    }

    MsrpProtocolException(MsrpStatus status, String reason, String transactionId, boolean request) {
        this(status, reason, transactionId, request, null, null);
    }

    MsrpProtocolException(MsrpStatus status, String reason, String transactionId, boolean request,
            List<MsrpUri> toPath, List<MsrpUri> fromPath) {
        super(reason);
        this.status = Objects.requireNonNull(status, "status");
        this.transactionId = transactionId;
        this.request = request;
        this.toPath = toPath;
        this.fromPath = fromPath;
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

    /** The To-Path of the offending frame, when the parser read it before refusing the frame. */
    public Optional<List<MsrpUri>> toPath() {
        return Optional.ofNullable(toPath);
    }

    /** The From-Path of the offending frame, when the parser read it before refusing the frame. */
    public Optional<List<MsrpUri>> fromPath() {
        return Optional.ofNullable(fromPath);
    }

    static MsrpProtocolException badRequest(String reason) {
        return new MsrpProtocolException(MsrpStatus.BAD_REQUEST, reason);
    }
}
