package org.opencpm.msrp.relay;

import java.util.List;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.report.ReportRules;
import org.opencpm.msrp.session.ResponseHandler;
import org.opencpm.msrp.session.SessionImpl;

/**
 * A session as a leg that a relay passes requests out on: each request keeps its headers but takes this leg's
 * paths, To-Path the peer's and From-Path this session's own (a back-to-back user agent, not an RFC 4976 relay).
 */
final class Leg {

    private final SessionImpl session;

    Leg(SessionImpl session) {
        this.session = session;
    }

    SessionImpl session() {
        return session;
    }

    /** RFC 6135 lets the first SEND open the next hop: a leg negotiated but not connected connects now. */
    void connectIfNegotiated() {
        session.connectIfNegotiated();
    }

    /** Whether the leg has as many chunks awaiting a response as it may: a next hop that does not answer. */
    boolean full() {
        return session.outstanding() >= session.host().limits().maxOutstanding();
    }

    /**
     * Queues a slice as a SEND of this leg, waiting for room in its queue; before the peer's path is known the
     * SEND waits in the session.
     *
     * @param handler hears the response, when the chunk's Failure-Report has one awaited
     * @return false if the queue stayed full for the transaction timeout or the session closed
     */
    boolean send(Slice slice, ResponseHandler handler) throws InterruptedException {
        // Transaction ids are the stack's keys for responses: each leg draws its own.
        String transactionId = session.host().ids().transactionIdFor(slice.body());
        return session.transmit(to -> new MsrpRequest(transactionId, MsrpRequest.SEND,
                        rewritten(slice.request().headers(), to).byteRange(slice.range()).build()),
                slice.body(), slice.flag(), ReportRules.awaitsResponse(slice.request()) ? handler : null);
    }

    /** Passes a REPORT on to this leg's peer; dropped when the peer's path is not known (nobody to tell). */
    void report(MsrpRequest report) {
        session.remotePath().ifPresent(to -> session.sendControl(new MsrpRequest(
                session.host().ids().transactionId(), MsrpRequest.REPORT, rewritten(report.headers(), to).build())));
    }

    private MsrpHeaders.Builder rewritten(MsrpHeaders headers, List<MsrpUri> to) {
        return MsrpHeaders.builder(headers).toPath(to).fromPath(session.localPath());
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
