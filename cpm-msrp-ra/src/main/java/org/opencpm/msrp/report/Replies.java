package org.opencpm.msrp.report;

import java.util.ArrayList;
import java.util.List;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpResponse;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.codec.ReportStatus;

/** Builds what a request calls for: its response, a REPORT on its message, or its next hop's copy. */
public final class Replies {

    private Replies() {
    }

    /** The response with a known status; see {@link #response(MsrpRequest, int, String)}. */
    public static MsrpResponse response(MsrpRequest request, MsrpStatus status) {
        return response(request, status.code(), status.reason());
    }

    /**
     * The response to {@code request}. Responses go back one hop only (RFC 4975 sec 7.2): To-Path is the first URI
     * of the request's From-Path, the hop it came from; From-Path the first of its To-Path, the responder.
     */
    public static MsrpResponse response(MsrpRequest request, int code, String comment) {
        MsrpHeaders h = request.headers();
        return new MsrpResponse(request.transactionId(), code, comment, MsrpHeaders.builder()
                .toPath(List.of(h.fromPath().get(0)))
                .fromPath(List.of(h.toPath().get(0)))
                .build());
    }

    /**
     * A REPORT on the message of {@code send} (RFC 4975 sec 7.1.2), from its destination back to its sender:
     * To-Path the whole From-Path of the SEND, From-Path the last URI of its To-Path, the same Message-ID, the bytes
     * reported on, and the status. A REPORT never carries Success-Report or Failure-Report.
     */
    public static MsrpRequest report(MsrpRequest send, String transactionId, ByteRange range, ReportStatus status) {
        MsrpHeaders h = send.headers();
        List<MsrpUri> to = h.toPath();
        return new MsrpRequest(transactionId, MsrpRequest.REPORT, MsrpHeaders.builder()
                .toPath(h.fromPath())
                .fromPath(List.of(to.get(to.size() - 1)))
                .messageId(h.messageId().orElseThrow(() -> new IllegalArgumentException("SEND without Message-ID")))
                .byteRange(range)
                .status(status)
                .build());
    }

    /**
     * The headers of a request passed on by a relay (RFC 4976) whose URI heads the To-Path: it leaves the To-Path
     * and goes to the front of the From-Path, so the next hop sees where to answer.
     *
     * @throws IllegalArgumentException if the To-Path names no hop after the relay
     */
    public static MsrpHeaders forwarded(MsrpHeaders headers, MsrpUri relay) {
        List<MsrpUri> to = headers.toPath();
        if (to.size() < 2) {
            throw new IllegalArgumentException("To-Path has no hop after the relay");
        }
        List<MsrpUri> from = new ArrayList<>(headers.fromPath().size() + 1);
        from.add(relay);
        from.addAll(headers.fromPath());
        return MsrpHeaders.builder(headers).toPath(to.subList(1, to.size())).fromPath(from).build();
    }
}
