package org.opencpm.msrp.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.chunk.Reassembler;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpProtocolException;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.ReportStatus;
import org.opencpm.msrp.report.Replies;
import org.opencpm.msrp.report.ReportRules;

/**
 * A session's requests delivered to its listener: the chunks of each message written at their Byte-Range offsets
 * into the sink the listener chose, each chunk answered (RFC 4975 sec 7.3.1) and a success REPORT sent when the
 * whole message is in and its sender asked for one (sec 7.1.3). Messages in progress are bounded in number, each
 * one in size, pieces and resends by its {@link Reassembler}; breaking a bound, or the sink failing, answers the
 * chunk 413 and gives the message up.
 *
 * <p>Sinks are written by the connection's reader thread outside any lock: a sink that blocks holds that
 * connection back, as a slow receiver should, but never the session's closing.
 */
final class EndpointInbound implements InboundHandler {

    private static final Logger LOG = Logger.getLogger(EndpointInbound.class.getName());

    /** A message being received; {@code refusal} set when the listener refused it. */
    private static final class Incoming {
        final IncomingMessage message;
        final Reassembler reassembler;
        final MessageRefusedException refusal;
        /** What {@link Reassembler#contiguousBytes()} said after the last chunk, for other threads to read. */
        volatile long contiguous;

        Incoming(IncomingMessage message, Reassembler reassembler, MessageRefusedException refusal) {
            this.message = message;
            this.reassembler = reassembler;
            this.refusal = refusal;
        }
    }

    private final SessionImpl session;
    private final MsrpSessionListener listener;
    // Guarded by this.
    private final Map<String, Incoming> messages = new HashMap<>();
    private boolean closed;

    EndpointInbound(SessionImpl session, MsrpSessionListener listener) {
        this.session = session;
        this.listener = listener;
    }

    @Override
    public BodyTarget send(MsrpRequest request) {
        MsrpHeaders h = request.headers();
        String id = h.messageId().orElseThrow();
        Incoming in;
        synchronized (this) {
            if (closed) {
                return BodyTarget.DISCARD;
            }
            in = messages.get(id);
            if (in == null) {
                if (messages.size() >= session.host().limits().maxMessagesInProgress()) {
                    session.respond(request, MsrpStatus.MESSAGE_TOO_LARGE.code(), "too many messages at once");
                    return BodyTarget.DISCARD;
                }
                in = start(new IncomingMessage(id, h.contentType().orElseThrow(), h));
                messages.put(id, in);
            }
        }
        if (in.refusal != null) {
            session.respond(request, in.refusal.status().code(), in.refusal.getMessage());
            return new Refused(in);
        }
        try {
            in.reassembler.begin(h.byteRange().orElse(ByteRange.OPEN));
        } catch (MsrpProtocolException e) {
            giveUp(in);
            session.respond(request, e.status().code(), e.getMessage());
            return BodyTarget.DISCARD;
        }
        return new IncomingChunk(request, in);
    }

    private Incoming start(IncomingMessage message) {
        try {
            ChunkSink sink = listener.onMessage(session, message);
            if (sink == null) {
                throw new IllegalStateException("listener gave no sink");
            }
            return new Incoming(message, new Reassembler(sink, session.host().limits().maxMessageSize()), null);
        } catch (MessageRefusedException e) {
            return new Incoming(message, null, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, session + ": listener failed on message " + message.messageId(), e);
            return new Incoming(message, null,
                    new MessageRefusedException(MsrpStatus.MESSAGE_TOO_LARGE, "receiver failed"));
        }
    }

    @Override
    public void report(MsrpRequest request) {
        MsrpHeaders h = request.headers();
        session.reported(new MsrpReport(h.messageId().orElseThrow(), h.byteRange().orElse(null),
                h.status().orElseThrow()));
    }

    @Override
    public void closed() {
        List<Incoming> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(messages.values());
            messages.clear();
        }
        for (Incoming in : open) {
            if (in.refusal == null) {
                aborted(in);
            }
        }
    }

    /** Whether {@code in} is still being received: not finished, given up, or dropped by closing. */
    private synchronized boolean current(Incoming in) {
        return messages.get(in.message.messageId()) == in;
    }

    /** Ends {@code in} here; true if it was still current, so that exactly one ending is reported. */
    private synchronized boolean finish(Incoming in) {
        return messages.remove(in.message.messageId(), in);
    }

    private void giveUp(Incoming in) {
        if (finish(in)) {
            aborted(in);
        }
    }

    private void aborted(Incoming in) {
        session.notifyListener(l -> l.onMessageAborted(session, in.message, in.contiguous));
    }

    /** The chunks of a refused message are answered at once and dropped; its last one forgets it. */
    private final class Refused implements BodyTarget {
        private final Incoming in;

        Refused(Incoming in) {
            this.in = in;
        }

        @Override
        public void body(ByteBuffer piece) {
        }

        @Override
        public void end(EndFlag flag) {
            if (flag != EndFlag.MORE) {
                finish(in);
            }
        }

        @Override
        public void abort() {
        }
    }

    /** One chunk going into its message's sink; used by the connection's reader thread only. */
    private final class IncomingChunk implements BodyTarget {
        private final MsrpRequest request;
        private final Incoming in;
        private MsrpStatus failure;
        private String failureReason;

        IncomingChunk(MsrpRequest request, Incoming in) {
            this.request = request;
            this.in = in;
        }

        @Override
        public void body(ByteBuffer piece) {
            if (failure != null || !current(in)) {
                return;
            }
            try {
                in.reassembler.write(piece);
            } catch (MsrpProtocolException e) {
                fail(e.status(), e.getMessage());
            } catch (IOException e) {
                // The receiver cannot take the message; 413 asks its sender to stop (RFC 4975 sec 10).
                LOG.log(Level.FINE, session + ": sink failed", e);
                fail(MsrpStatus.MESSAGE_TOO_LARGE, "receiver cannot store the message");
            }
        }

        private void fail(MsrpStatus status, String reason) {
            failure = status;
            failureReason = reason;
        }

        @Override
        public void end(EndFlag flag) {
            if (!current(in)) {
                // The session closed meanwhile and aborted the message.
                return;
            }
            if (failure == null) {
                try {
                    in.reassembler.end(flag);
                } catch (MsrpProtocolException e) {
                    fail(e.status(), e.getMessage());
                }
            }
            in.contiguous = in.reassembler.contiguousBytes();
            if (failure != null) {
                giveUp(in);
                session.respond(request, failure.code(), failureReason);
                return;
            }
            boolean complete = in.reassembler.isComplete() && finish(in);
            long size = complete ? in.reassembler.size().orElseThrow() : -1;
            if (complete) {
                // The application has the message before its sender hears the last 200: a sender (or a relay)
                // that closes once everything is answered never closes under a message not yet taken.
                session.notifyListener(l -> l.onMessageReceived(session, in.message, size));
            }
            session.respond(request, MsrpStatus.OK);
            if (complete && ReportRules.wantsSuccessReport(request)) {
                session.sendControl(Replies.report(request, session.host().ids().transactionId(),
                        ByteRange.whole(size), ReportStatus.of(MsrpStatus.OK)));
            } else if (!complete && !in.reassembler.isComplete() && flag == EndFlag.ABORTED) {
                giveUp(in);
            }
        }

        @Override
        public void abort() {
            in.reassembler.discard();
        }
    }
}
