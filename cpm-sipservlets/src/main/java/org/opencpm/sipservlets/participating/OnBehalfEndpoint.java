package org.opencpm.sipservlets.participating;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.chunk.MemorySink;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.sdp.AnswerPolicy;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.MsrpAnswerer;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpConnection;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.sipservlets.session.Callee;
import org.opencpm.sipservlets.session.CalleeEvents;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.LegOptions;
import org.opencpm.sipservlets.session.MediaOffers;

/**
 * The terminating PF answering for a user none of whose devices took the session: it receives what the sender
 * sends, each message whole, and hands it on to be kept for deferred delivery (OMA CPM SD 5.2.2.1.5 last paragraph
 * for a large message, 5.2.3.10 for the messages of a chat the user missed). Each message is held in memory up to
 * the size the provider takes for one (the announced {@code a=max-size}).
 */
final class OnBehalfEndpoint implements Callee {

    private static final Logger LOG = Logger.getLogger(OnBehalfEndpoint.class.getName());
    /** What a chat or large message may be wrapped in (RFC 3862) or be; isComposing is dropped (RFC 3994). */
    private static final List<String> ACCEPTED = List.of("message/cpim", "text/plain", "message/imdn+xml",
            "application/im-iscomposing+xml");

    private final MsrpConnector msrp;
    private final int maxMessageBytes;
    private final BiConsumer<String, byte[]> keep;
    private MsrpSession local;
    private CalleeEvents events;
    private Invitation invitation;
    private MsrpMedia offered;
    private SessionDescription answer;
    private boolean ended;

    /** @param keep takes each message received whole: its content type and bytes */
    OnBehalfEndpoint(MsrpConnector msrp, int maxMessageBytes, BiConsumer<String, byte[]> keep) {
        this.msrp = msrp;
        this.maxMessageBytes = maxMessageBytes;
        this.keep = keep;
    }

    @Override
    public void invite(Invitation inv, CalleeEvents listener) {
        this.invitation = inv;
        this.events = listener;
        try {
            offered = MediaOffers.msrpOf(inv.offer());
            local = msrp.createSession(LegOptions.of(new Receiver()));
            answer = MsrpAnswerer.answer(inv.offer(), MediaOffers.origin(msrp.host()), SdpConnection.of(msrp.host()),
                    local.localUri(), new AnswerPolicy(ACCEPTED, List.of("*"), maxMessageBytes, Setup.PASSIVE,
                            Direction.RECVONLY, List.of()));
            MsrpMedia mine = MediaOffers.msrpOf(answer);
            ConnectRole role = MediaOffers.role(offered.setup(), mine.setup(), false);
            local.setRemote(offered.path(), role);
        } catch (SdpNegotiationException | IllegalArgumentException e) {
            if (local != null) {
                local.close();
            }
            listener.failed(488, "Not Acceptable Here (" + e.getMessage() + ")");
            return;
        }
        LOG.info(() -> "no device of " + inv.target() + " took the " + inv.kind() + "; the PF receives it for "
                + "deferred delivery");
        listener.answered(answer);
    }

    @Override
    public void ack() {
        if (local != null && !ended) {
            local.connect();
        }
    }

    @Override
    public void cancel() {
        bye();
    }

    @Override
    public void bye() {
        ended = true;
        if (local != null) {
            local.close();
        }
    }

    @Override
    public void reoffer(SessionDescription offer) {
        // The PF takes the session as it was offered; a change of what the sender sends is agreed as it is.
        events.reofferAnswered(answer);
    }

    @Override
    public void answerReoffer(SessionDescription reanswer) {
    }

    @Override
    public void refuseReoffer(int status, String reason) {
    }

    /** Messages arriving on the PF's own leg: each whole one is kept. */
    private final class Receiver implements MsrpSessionListener {

        private final java.util.Map<String, MemorySink> inProgress = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException {
            String type = message.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!ACCEPTED.contains(type)) {
                throw new MessageRefusedException(MsrpStatus.UNSUPPORTED_MEDIA_TYPE, type + " is not kept");
            }
            long size = message.declaredSize().orElse(maxMessageBytes);
            if (size > maxMessageBytes) {
                throw new MessageRefusedException(MsrpStatus.MESSAGE_TOO_LARGE, "over " + maxMessageBytes + " bytes");
            }
            MemorySink sink = new MemorySink((int) size);
            inProgress.put(message.messageId(), sink);
            return sink;
        }

        @Override
        public void onMessageReceived(MsrpSession session, IncomingMessage message, long size) {
            MemorySink sink = inProgress.remove(message.messageId());
            if (sink == null || message.contentType().startsWith("application/im-iscomposing")) {
                return; // an isComposing is worthless later (RFC 3994)
            }
            synchronized (invitation.chain().lock()) {
                keep.accept(message.contentType(), sink.toByteArray(size));
            }
        }

        @Override
        public void onMessageAborted(MsrpSession session, IncomingMessage message, long contiguousBytes) {
            inProgress.remove(message.messageId());
        }

        @Override
        public void onClosed(MsrpSession session, CloseReason reason) {
            if (reason == CloseReason.LOCAL) {
                return;
            }
            synchronized (invitation.chain().lock()) {
                if (!ended) {
                    ended = true;
                    events.ended();
                }
            }
        }
    }
}
