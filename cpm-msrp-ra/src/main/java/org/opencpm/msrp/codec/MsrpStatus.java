package org.opencpm.msrp.codec;

import java.util.Optional;

/**
 * The MSRP status codes this server sends or acts on: those of RFC 4975 sec 10 and the two RFC 4976 adds for relays
 * (401, 423). A response may carry any three-digit code; this enum names the known ones with a reason phrase that
 * goes out as the response comment.
 */
public enum MsrpStatus {

    OK(200, "OK"),
    /** A malformed request (RFC 4975 sec 10). */
    BAD_REQUEST(400, "Bad Request"),
    /** RFC 4976: AUTH without acceptable credentials. */
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    /** Never sent on the wire by an endpoint: it stands for a transaction that got no response in time. */
    REQUEST_TIMEOUT(408, "Request Timeout"),
    /** The receiver wants the sender to stop sending this message. */
    MESSAGE_TOO_LARGE(413, "Message Too Large"),
    /** A Content-Type the receiver does not accept; decided by the application, not the framing. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    /** RFC 4976: Expires outside Min-Expires and Max-Expires. */
    INTERVAL_OUT_OF_BOUNDS(423, "Interval Out Of Bounds"),
    /** The To-Path names no session known here; decided by the session layer. */
    SESSION_DOES_NOT_EXIST(481, "Session Does Not Exist"),
    METHOD_NOT_IMPLEMENTED(501, "Method Not Implemented"),
    SESSION_ON_OTHER_CONNECTION(506, "Session Bound To Another Connection");

    private final int code;
    private final String reason;

    MsrpStatus(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The known status with this code, if any. */
    public static Optional<MsrpStatus> of(int code) {
        for (MsrpStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** RFC 4975 sec 10: 2xx is success, everything else a failure. */
    public static boolean isSuccess(int code) {
        return code >= 200 && code < 300;
    }
}
