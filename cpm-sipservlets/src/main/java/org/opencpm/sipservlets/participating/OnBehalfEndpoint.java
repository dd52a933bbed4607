package org.opencpm.sipservlets.participating;

import java.util.logging.Logger;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.sdp.AnswerPolicy;
import org.opencpm.msrp.sdp.MsrpAnswerer;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpConnection;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.sipservlets.session.Callee;
import org.opencpm.sipservlets.session.CalleeEvents;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.LegOptions;
import org.opencpm.sipservlets.session.MediaOffers;

/**
 * The terminating PF answering for a user none of whose devices took the session: it receives what the sender
 * sends and hands it on to be kept for deferred delivery (OMA CPM SD 5.2.2.1.5 last paragraph for a large message,
 * 5.2.3.10 for the messages of a chat the user missed, 5.2.4.5 for a file). What is kept, and how, is the
 * {@link Keeping}'s business.
 */
final class OnBehalfEndpoint implements Callee {

    private static final Logger LOG = Logger.getLogger(OnBehalfEndpoint.class.getName());

    /** What the PF does with what arrives on the user's behalf. */
    interface Keeping {

        /** How the PF answers the offer. */
        AnswerPolicy answerPolicy(MsrpMedia offered);

        /** Where a message's bytes go; called on the MSRP reader thread. */
        ChunkSink open(IncomingMessage message) throws MessageRefusedException;

        /** The message arrived whole; called under the session chain's lock. */
        void received(IncomingMessage message, long size);

        /** The message will not arrive whole: cut off, or the session ended first. */
        void dropped(IncomingMessage message);
    }

    private final MsrpConnector msrp;
    private final Keeping keeping;
    private MsrpSession local;
    private CalleeEvents events;
    private Invitation invitation;
    private SessionDescription answer;
    private boolean ended;

    OnBehalfEndpoint(MsrpConnector msrp, Keeping keeping) {
        this.msrp = msrp;
        this.keeping = keeping;
    }

    @Override
    public void invite(Invitation inv, CalleeEvents listener) {
        this.invitation = inv;
        this.events = listener;
        try {
            MsrpMedia offered = MediaOffers.msrpOf(inv.offer());
            local = msrp.createSession(LegOptions.of(new Receiver()));
            answer = MsrpAnswerer.answer(inv.offer(), MediaOffers.origin(msrp.host()), SdpConnection.of(msrp.host()),
                    local.localUri(), keeping.answerPolicy(offered));
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

    /** Messages arriving on the PF's own leg, passed to the keeping. */
    private final class Receiver implements MsrpSessionListener {

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException {
            return keeping.open(message);
        }

        @Override
        public void onMessageReceived(MsrpSession session, IncomingMessage message, long size) {
            synchronized (invitation.chain().lock()) {
                keeping.received(message, size);
            }
        }

        @Override
        public void onMessageAborted(MsrpSession session, IncomingMessage message, long contiguousBytes) {
            keeping.dropped(message);
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
