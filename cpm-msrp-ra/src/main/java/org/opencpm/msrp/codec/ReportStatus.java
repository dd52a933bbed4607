package org.opencpm.msrp.codec;

import java.util.Objects;

/**
 * The Status header of a REPORT (RFC 4975 sec 9): a three-digit namespace, a three-digit code and an optional
 * reason, e.g. {@code 000 200 OK}. Namespace {@code 000} holds the codes of RFC 4975 itself.
 */
public record ReportStatus(int namespace, int code, String reason) {

    public static final int RFC4975_NAMESPACE = 0;

    public ReportStatus {
        Objects.requireNonNull(reason, "reason");
        if (namespace < 0 || namespace > 999 || code < 0 || code > 999 || Syntax.hasControl(reason)) {
            throw MsrpProtocolException.badRequest("MSRP Status malformed");
        }
    }

    /** A status of namespace {@code 000} with the known code and its reason phrase. */
    public static ReportStatus of(MsrpStatus status) {
        return new ReportStatus(RFC4975_NAMESPACE, status.code(), status.reason());
    }

    /**
     * Parses a Status value.
     *
     * @throws MsrpProtocolException (400) if it is malformed
     */
    public static ReportStatus parse(String value) {
        if (value.length() < 7 || value.charAt(3) != ' ' || value.length() > 7 && value.charAt(7) != ' '
                || !Syntax.isDigits(value.substring(0, 3), 3, 3) || !Syntax.isDigits(value.substring(4, 7), 3, 3)) {
            throw MsrpProtocolException.badRequest("MSRP Status malformed");
        }
        String reason = value.length() > 8 ? value.substring(8) : "";
        return new ReportStatus(Integer.parseInt(value.substring(0, 3)), Integer.parseInt(value.substring(4, 7)),
                reason);
    }

    /** Whether this reports success: namespace 000 and a 2xx code. */
    public boolean isSuccess() {
        return namespace == RFC4975_NAMESPACE && MsrpStatus.isSuccess(code);
    }

    /** As written on the wire, e.g. {@code 000 200 OK}. */
    @Override
    public String toString() {
        return String.format("%03d %03d", namespace, code) + (reason.isEmpty() ? "" : " " + reason);
    }
}
