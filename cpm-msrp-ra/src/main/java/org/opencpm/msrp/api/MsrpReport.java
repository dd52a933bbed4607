package org.opencpm.msrp.api;

import java.util.Objects;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.ReportStatus;

/**
 * A REPORT received on a message this side sent (RFC 4975 sec 7.1.2).
 *
 * @param messageId the message it reports on
 * @param range the bytes it reports on, {@code null} when the REPORT had no Byte-Range
 * @param status its Status, e.g. {@code 000 200 OK}
 */
public record MsrpReport(String messageId, ByteRange range, ReportStatus status) {

    public MsrpReport {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }

    /** A success REPORT on the whole message: its range ends where the message does. */
    public boolean confirmsWholeMessage() {
        return status.isSuccess() && range != null && range.hasTotal() && range.end() == range.total();
    }
}
