package org.opencpm.msrp.relay;

import java.util.concurrent.atomic.AtomicBoolean;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.ReportStatus;
import org.opencpm.msrp.report.Replies;
import org.opencpm.msrp.report.ReportRules;
import org.opencpm.msrp.session.SessionImpl;

/**
 * A message a relay is passing on. Once it has failed further on (a refusal, no answer, nobody left to take it),
 * its later chunks are refused and its sender hears of it in one failure REPORT (RFC 4975 sec 7.1.2), however many
 * chunks were in flight.
 */
final class RelayedMessage {

    /** A chunk as it came, and the bytes it covers. */
    private record Chunk(MsrpRequest request, ByteRange range) {
    }

    private final SessionImpl from;
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile Chunk latest;

    RelayedMessage(SessionImpl from) {
        this.from = from;
    }

    /** A chunk of it arrived: what a failure with no chunk of its own reports on. */
    void arrived(MsrpRequest chunk, ByteRange range) {
        latest = new Chunk(chunk, range);
    }

    boolean failed() {
        return failed.get();
    }

    /**
     * Refuses its later chunks without a REPORT: its sender learns it otherwise (a 413 answer).
     *
     * @return true the first time only
     */
    boolean refuse() {
        return failed.compareAndSet(false, true);
    }

    /** It failed on {@code range}, sent upstream as {@code chunk}: one failure REPORT, if Failure-Report asks. */
    void fail(MsrpRequest chunk, ByteRange range, int code, String comment) {
        if (refuse() && ReportRules.wantsFailureReport(chunk, code)) {
            from.sendControl(Replies.report(chunk, from.host().ids().transactionId(), range,
                    new ReportStatus(ReportStatus.RFC4975_NAMESPACE, code, comment)));
        }
    }

    /** It failed as a whole, e.g. nobody is left to take it: reported on its latest chunk. */
    void fail(int code, String comment) {
        Chunk chunk = latest;
        if (chunk != null) {
            fail(chunk.request(), chunk.range(), code, comment);
        }
    }
}
