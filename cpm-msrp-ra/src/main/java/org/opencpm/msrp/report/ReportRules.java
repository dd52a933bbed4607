package org.opencpm.msrp.report;

import org.opencpm.msrp.codec.FailureReport;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.SuccessReport;

/**
 * Who owes whom a response or a REPORT, after Success-Report and Failure-Report (RFC 4975 sec 7.1.1, 7.1.2 and
 * 7.2). Pure decisions on the request's headers; {@link Replies} builds what is decided.
 */
public final class ReportRules {

    private ReportRules() {
    }

    /**
     * Whether the receiver of {@code request} sends a response with {@code code}: never to a REPORT, never with
     * Failure-Report {@code no}, only failures with {@code partial}, always with {@code yes} (the default).
     */
    public static boolean answers(MsrpRequest request, int code) {
        if (request.isReport()) {
            return false;
        }
        switch (request.headers().failureReport()) {
            case NO:
                return false;
            case PARTIAL:
                return !MsrpStatus.isSuccess(code);
            default:
                return true;
        }
    }

    /**
     * Whether the sender of {@code request} waits for a response and times the transaction out without one (408):
     * only when every outcome is answered, Failure-Report {@code yes}; {@code partial} answers only failures, so
     * silence is success.
     */
    public static boolean awaitsResponse(MsrpRequest request) {
        return !request.isReport() && request.headers().failureReport() == FailureReport.YES;
    }

    /** Whether the receiver of a SEND owes its sender a success REPORT once the message has arrived. */
    public static boolean wantsSuccessReport(MsrpRequest send) {
        return send.isSend() && send.headers().successReport() == SuccessReport.YES;
    }

    /**
     * Whether a failure found apart from the response (by a node further on, or after the transaction timed out)
     * goes back to the sender of a SEND as a REPORT: for failures, unless Failure-Report is {@code no}.
     */
    public static boolean wantsFailureReport(MsrpRequest send, int code) {
        return send.isSend() && !MsrpStatus.isSuccess(code) && send.headers().failureReport() != FailureReport.NO;
    }
}
