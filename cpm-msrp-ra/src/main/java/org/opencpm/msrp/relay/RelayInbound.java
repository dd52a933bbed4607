package org.opencpm.msrp.relay;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.msrp.api.RelayTap;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.session.BodyTarget;
import org.opencpm.msrp.session.InboundHandler;
import org.opencpm.msrp.session.SessionImpl;
import org.opencpm.msrp.session.SessionLimits;

/**
 * What arrives on one leg of a relay, passed on to an {@link Outlet}: the other leg of a bridge, or the targets of
 * a fan-out. A chunk keeps its Message-ID, Byte-Range, report and content headers; its To-Path and From-Path
 * become those of the outgoing leg. Each leg answers its own transactions (RFC 4975 sec 7.1.1, hop by hop, as an
 * RFC 4976 relay does): the incoming chunk gets its 200 once it is queued on the way out, and a failure further on
 * (a refusal, or no response within the transaction timeout) goes back to the sender as a failure REPORT (sec
 * 7.1.2) when its Failure-Report asks for one; the message's later chunks are answered 413.
 *
 * <p>Memory: a chunk is gathered into a buffer of {@link SessionLimits#relaySliceBytes()} and passed on whole when
 * it fits; a longer one is passed on in slices of that size, each a chunk with its own Byte-Range (RFC 4975 sec
 * 7.1 lets a sender interrupt a chunk and continue the message in the next). Queuing on the way out waits for room,
 * and while it waits this leg's connection is not read: the sender is held back by TCP.
 */
final class RelayInbound implements InboundHandler {

    private static final Logger LOG = Logger.getLogger(RelayInbound.class.getName());

    private final SessionImpl from;
    private final Outlet outlet;
    private final SessionLimits limits;
    private final RelayTap tap;
    private final Map<String, RelayedMessage> messages = new HashMap<>();
    private byte[] slice;

    /** @param tap what sees each piece passed on, or null */
    RelayInbound(SessionImpl from, Outlet outlet, RelayTap tap) {
        this.from = from;
        this.outlet = outlet;
        this.tap = tap;
        this.limits = from.host().limits();
    }

    @Override
    public BodyTarget send(MsrpRequest request) {
        outlet.connectLegs();
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
                message = new RelayedMessage(from);
                messages.put(id, message);
            }
        }
        message.arrived(request, range);
        if (!message.failed() && !outlet.admits()) {
            LOG.fine(() -> from + ": more than " + limits.maxOutstanding() + " chunks in flight, message " + id
                    + " refused");
            message.refuse();
        }
        return new Forwarder(request, range, message);
    }

    /** RFC 4975 sec 7.3.1: a message the receiver will not take, whatever its chunks, is refused with 413. */
    private boolean beyondLimit(ByteRange range) {
        long max = limits.maxMessageSize();
        return range.start() - 1 > max || range.hasEnd() && range.end() > max
                || range.hasTotal() && range.total() > max;
    }

    @Override
    public void report(MsrpRequest request) {
        outlet.report(request);
    }

    @Override
    public synchronized void closed() {
        messages.clear();
        slice = null;
    }

    /** Every message in progress fails, nobody being left to take it: each sender told once, as it asked. */
    void failAll(int code, String comment) {
        List<RelayedMessage> open;
        synchronized (this) {
            open = new ArrayList<>(messages.values());
        }
        open.forEach(m -> m.fail(code, comment));
    }

    /** The message's sender has been told of its failure otherwise (a REPORT passed on): later chunks refused. */
    synchronized void refuse(String messageId) {
        RelayedMessage m = messages.get(messageId);
        if (m != null) {
            m.refuse();
        }
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

    /** One incoming chunk on its way out. Used by the connection's reader thread only. */
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
            // A chunk passed on whole keeps its Byte-Range as written; slices get their own.
            ByteRange out = !sliced && flag != EndFlag.MORE ? range
                    : new ByteRange(offset + 1, offset + length, range.total());
            Slice s = new Slice(request, out, buffer == null ? new byte[0] : buffer, length, flag, message);
            try {
                if (!outlet.pass(s)) {
                    stopped = true;
                    return;
                }
                if (tap != null) {
                    tapped(out, flag);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
                s.fail(MsrpStatus.REQUEST_TIMEOUT.code(), "relay stopped");
                return;
            }
            offset += length;
            length = 0;
        }

        /** A tap that fails must not fail the relay: what it sees is a copy, the message goes on regardless. */
        private void tapped(ByteRange out, EndFlag flag) {
            try {
                tap.passed(from, request.headers().messageId().orElseThrow(),
                        request.headers().contentType().orElse(null), out,
                        ByteBuffer.wrap(buffer == null ? new byte[0] : buffer, 0, length).asReadOnlyBuffer(), flag);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, from + ": relay tap failed", e);
            }
        }
    }
}
