package org.opencpm.msrp.relay;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.codec.ReportStatus;
import org.opencpm.msrp.report.Replies;
import org.opencpm.msrp.report.ReportRules;
import org.opencpm.msrp.session.BodyTarget;
import org.opencpm.msrp.session.Frames;
import org.opencpm.msrp.session.InboundHandler;
import org.opencpm.msrp.session.ResponseHandler;
import org.opencpm.msrp.session.SessionImpl;
import org.opencpm.msrp.session.SessionLimits;

/**
 * One direction of a bridge: what arrives on leg {@code from} goes out on leg {@code to}. A chunk keeps its
 * Message-ID, Byte-Range and report headers; its To-Path and From-Path become those of the outgoing leg. Each leg
 * answers its own transactions (RFC 4975 sec 7.1.1, hop by hop, as an RFC 4976 relay does): the incoming chunk
 * gets its 200 once it is queued on the other leg, and a failure further on (a refusal, or no response within the
 * transaction timeout) goes back to the sender as a failure REPORT (sec 7.1.2) when its Failure-Report asks for one.
 *
 * <p>Memory: a chunk is gathered into a buffer of {@link SessionLimits#relaySliceBytes()} and passed on whole when
 * it fits; a longer one is passed on in slices of that size, each a chunk with its own Byte-Range (RFC 4975 sec
 * 7.1 lets a sender interrupt a chunk and continue the message in the next). Queuing on the outgoing leg waits for
 * room in its budget, and while it waits this leg's connection is not read: the sender is held back by TCP.
 */
public final class RelayInbound implements InboundHandler {

    private static final Logger LOG = Logger.getLogger(RelayInbound.class.getName());

    private final SessionImpl from;
    private final SessionImpl to;
    private final SessionLimits limits;
    private final Map<String, RelayedMessage> messages = new HashMap<>();
    private byte[] slice;

    public RelayInbound(SessionImpl from, SessionImpl to) {
        this.from = from;
        this.to = to;
        this.limits = from.host().limits();
    }

    @Override
    public BodyTarget send(MsrpRequest request) {
        to.connectIfNegotiated();
        MsrpHeaders h = request.headers();
        String id = h.messageId().orElseThrow();
        ByteRange range = h.byteRange().orElse(ByteRange.OPEN);
        if (beyondLimit(range)) {
            from.respond(request, MsrpStatus.MESSAGE_TOO_LARGE.code(),
                    "message larger than " + limits.maxMessageSize() + " bytes");
            return BodyTarget.DISCARD;
        }
        RelayedMessage message;
        synchronized (this) {
            message = messages.get(id);
            if (message == null) {
                if (messages.size() >= limits.maxMessagesInProgress()) {
                    from.respond(request, MsrpStatus.MESSAGE_TOO_LARGE.code(), "too many messages at once");
                    return BodyTarget.DISCARD;
                }
                message = new RelayedMessage();
                messages.put(id, message);
            }
        }
        if (!message.failed() && to.outstanding() >= limits.maxOutstanding()) {
            LOG.fine(() -> from + ": more than " + limits.maxOutstanding() + " chunks in flight, message " + id
                    + " refused");
            message.fail();
        }
        return new Forwarder(request, range, message);
    }

    /** RFC 4975 sec 7.3.1: a message the receiver will not take, whatever its chunks, is refused with 413. */
    private boolean beyondLimit(ByteRange range) {
        long max = limits.maxMessageSize();
        return range.start() - 1 > max || range.hasEnd() && range.end() > max
                || range.hasTotal() && range.total() > max;
    }

    /** A REPORT on a message that went the other way: it goes on to the other leg's peer. */
    @Override
    public void report(MsrpRequest request) {
        to.remotePath().ifPresent(path -> to.sendControl(new MsrpRequest(from.host().ids().transactionId(),
                MsrpRequest.REPORT, rewritten(request.headers(), path).build())));
    }

    private MsrpHeaders.Builder rewritten(MsrpHeaders headers, List<MsrpUri> toPath) {
        return MsrpHeaders.builder(headers).toPath(toPath).fromPath(to.localPath());
    }

    @Override
    public synchronized void closed() {
        messages.clear();
        slice = null;
    }

    private synchronized void forget(String id) {
        messages.remove(id);
    }

    private synchronized byte[] sliceBuffer() {
        if (slice == null) {
            slice = new byte[limits.relaySliceBytes()];
        }
        return slice;
    }

    /**
     * The next leg failed a chunk of {@code message}, sent upstream as {@code request}: later chunks are refused,
     * and the sender gets one failure REPORT on the bytes concerned.
     */
    private void failed(RelayedMessage message, MsrpRequest request, ByteRange range, int code, String comment) {
        if (message.fail() && ReportRules.wantsFailureReport(request, code)) {
            from.sendControl(Replies.report(request, from.host().ids().transactionId(), range,
                    new ReportStatus(ReportStatus.RFC4975_NAMESPACE, code, comment)));
        }
    }

    /** One incoming chunk on its way to the other leg. Used by the connection's reader thread only. */
    private final class Forwarder implements BodyTarget {
        private final MsrpRequest request;
        private final ByteRange range;
        private final RelayedMessage message;
        private byte[] buffer;
        private int length;
        private long offset;
        private boolean sliced;
        private boolean stopped;

        Forwarder(MsrpRequest request, ByteRange range, RelayedMessage message) {
            this.request = request;
            this.range = range;
            this.message = message;
            this.offset = range.start() - 1;
            this.stopped = message.failed();
        }

        @Override
        public void body(ByteBuffer piece) {
            while (piece.hasRemaining() && !stopped) {
                if (buffer == null) {
                    buffer = sliceBuffer();
                }
                if (length == buffer.length) {
                    forward(EndFlag.MORE);
                    sliced = true;
                }
                int n = Math.min(piece.remaining(), buffer.length - length);
                piece.get(buffer, length, n);
                length += n;
            }
        }

        @Override
        public void end(EndFlag flag) {
            if (!stopped) {
                forward(flag);
            }
            if (message.failed()) {
                // RFC 4975 sec 10: 413 asks the sender to stop sending this message.
                from.respond(request, MsrpStatus.MESSAGE_TOO_LARGE.code(), "message failed on the next hop");
            } else {
                from.respond(request, MsrpStatus.OK);
            }
            if (flag != EndFlag.MORE) {
                forget(request.headers().messageId().orElseThrow());
            }
        }

        @Override
        public void abort() {
            if (!stopped && (sliced || length > 0)) {
                forward(EndFlag.ABORTED);
            }
            stopped = true;
        }

        private void forward(EndFlag flag) {
            ByteBuffer body = ByteBuffer.wrap(buffer == null ? new byte[0] : buffer, 0, length);
            // A chunk passed on whole keeps its Byte-Range as written; slices get their own.
            ByteRange out = !sliced && flag != EndFlag.MORE ? range
                    : new ByteRange(offset + 1, offset + length, range.total());
            try {
                List<MsrpUri> path = to.awaitRemotePath();
                if (path == null) {
                    stop(out, "next hop has no peer");
                    return;
                }
                MsrpRequest next = new MsrpRequest(from.host().ids().transactionIdFor(body), MsrpRequest.SEND,
                        rewritten(request.headers(), path).byteRange(out).build());
                ResponseHandler handler = ReportRules.awaitsResponse(next)
                        ? (code, comment) -> answered(out, code, comment) : null;
                if (!to.transmit(next.transactionId(), Frames.encode(next, body, flag), handler)) {
                    stop(out, "next hop does not take the message");
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(out, "relay stopped");
                return;
            }
            offset += length;
            length = 0;
        }

        private void answered(ByteRange out, int code, String comment) {
            if (!MsrpStatus.isSuccess(code)) {
                failed(message, request, out, code, comment);
            }
        }

        private void stop(ByteRange out, String reason) {
            stopped = true;
            failed(message, request, out, MsrpStatus.REQUEST_TIMEOUT.code(), reason);
        }
    }
}
