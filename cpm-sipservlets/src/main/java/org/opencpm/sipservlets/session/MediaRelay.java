package org.opencpm.sipservlets.session;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.msrp.sdp.SdpOrigin;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;

/**
 * One function's half of a session, between the neighbour that invited it and the one it invites (the PF of either
 * side, OMA CPM SD 5.2.3.1): an MSRP session of its own towards each, bridged, so that the function stays in the
 * media path and answers with its own path. Offers and answers pass through with this side's path and setup;
 * re-offers pass through as long as they keep the peers' MSRP endpoints (5.2.3.1.3); a BYE goes on once what the
 * ending side sent has left this hop, and a lost MSRP leg ends both dialogs.
 */
public final class MediaRelay implements CallerEvents {

    private static final Logger LOG = Logger.getLogger(MediaRelay.class.getName());

    private final MsrpConnector msrp;
    private final LinkEstablishment links;
    private final Caller caller;
    private final boolean calleeIsClient;
    private final String name;
    private final SessionTap tap;
    private Callee callee;
    private MsrpSession up;
    private MsrpSession down;
    private MsrpMedia callerMedia;
    private MsrpMedia calleeMedia;
    private Setup offeredDown;
    private Optional<Setup> answeredUp = Optional.empty();
    private SdpOrigin upOrigin;
    private SdpOrigin downOrigin;
    /** Which side's re-offer is being passed on, if any. */
    private Leg reofferFrom;
    private boolean answered;
    private boolean over;

    /**
     * @param calleeIsClient whether the invited neighbour is a client (the variant treats client-facing hops apart)
     * @param name           the function, for the logs ("PF A", "PF B", "CF")
     * @param tap            what keeps a copy of the session (its recording), or null: nothing is copied then
     */
    public MediaRelay(MsrpConnector msrp, LinkEstablishment links, Caller caller, boolean calleeIsClient,
                      String name, SessionTap tap) {
        this.msrp = msrp;
        this.links = links;
        this.caller = caller;
        this.calleeIsClient = calleeIsClient;
        this.name = name;
        this.tap = tap;
    }

    /** Takes the caller's invitation and passes it on to {@code next} with this side's path. */
    public void start(Callee next) {
        this.callee = next;
        caller.listen(this);
        Invitation invitation = caller.invitation();
        try {
            callerMedia = MediaOffers.msrpOf(invitation.offer());
        } catch (SdpNegotiationException e) {
            caller.refuse(488, "Not Acceptable Here (" + e.getMessage() + ")");
            over = true;
            return;
        }
        up = msrp.createSession(LegOptions.of(new Watch()));
        down = msrp.createSession(LegOptions.of(new Watch()));
        offeredDown = links.offerSetup(calleeIsClient);
        downOrigin = MediaOffers.origin(msrp.host());
        upOrigin = MediaOffers.origin(msrp.host());
        SessionDescription offer = MediaOffers.relayed(invitation.offer(), down.localPath(), offeredDown, downOrigin);
        LOG.fine(() -> name + ": " + invitation.kind() + " to " + invitation.target() + " relayed via " + up.localUri()
                + " / " + down.localUri());
        callee.invite(invitation.withOffer(offer), new CalleeSide());
    }

    // ---------------------------------------------------------------- the caller's side

    @Override
    public void acked() {
        if (!over) {
            up.connect(); // an active answerer opens now; a passive one starts waiting for the peer
        }
    }

    @Override
    public void cancelled() {
        if (!answered && !over) {
            callee.cancel();
            release();
        }
    }

    @Override
    public void ended() {
        endTowards(callee, down);
    }

    @Override
    public void reoffered(SessionDescription offer) {
        passReoffer(caller, offer, callee, down, offeredDown, downOrigin);
    }

    @Override
    public void reofferAnswered(SessionDescription answer) {
        passReanswer(caller, answer, callee, down); // the callee's re-offer, answered by the caller
    }

    @Override
    public void reofferRefused(int status, String reason) {
        if (reofferFrom == callee) {
            reofferFrom = null;
            callee.refuseReoffer(status, reason);
        }
    }

    // ---------------------------------------------------------------- the callee's side

    private final class CalleeSide implements CalleeEvents {

        @Override
        public void ringing() {
            if (!over) {
                caller.ringing();
            }
        }

        @Override
        public void answered(SessionDescription answer) {
            if (over) {
                callee.ack();
                callee.bye(); // the caller gave up meanwhile
                return;
            }
            try {
                calleeMedia = MediaOffers.msrpOf(answer);
                ConnectRole downRole = MediaOffers.role(Optional.of(offeredDown), calleeMedia.setup(), true);
                answeredUp = MediaOffers.answerSetup(callerMedia, links);
                ConnectRole upRole = MediaOffers.role(callerMedia.setup(), answeredUp, false);
                down.setRemote(calleeMedia.path(), downRole);
                up.setRemote(callerMedia.path(), upRole);
                msrp.bridge(up, down, tap == null ? null : (from, id, type, range, body, flag) ->
                        tap.passed(from == up, id, type, range, body, flag));
                SessionDescription toCaller = MediaOffers.relayed(answer, up.localPath(), answeredUp.orElse(null),
                        upOrigin);
                answered = true;
                callee.ack();
                down.connect(); // the offerer opens on the 200 (ZTE FIG. 1); a passive one waits for its peer
                caller.answer(toCaller);
                if (tap != null) {
                    // the SDP as negotiated, as the tapped user's own client has it (SD 5.2.1.2.3)
                    tap.established(calleeIsClient ? answer : toCaller);
                }
            } catch (SdpNegotiationException | IllegalArgumentException | IllegalStateException e) {
                LOG.info(() -> name + ": answer from " + caller.invitation().target() + " not usable: "
                        + e.getMessage());
                callee.ack();
                callee.bye();
                caller.refuse(488, "Not Acceptable Here (" + e.getMessage() + ")");
                release();
            }
        }

        @Override
        public void failed(int status, String reason) {
            if (!over) {
                caller.refuse(status, reason);
                release();
            }
        }

        @Override
        public void ended() {
            endTowards(caller, up);
        }

        @Override
        public void reoffered(SessionDescription offer) {
            passReoffer(callee, offer, caller, up, answeredUp.orElse(null), upOrigin);
        }

        @Override
        public void reofferAnswered(SessionDescription answer) {
            passReanswer(callee, answer, caller, up); // the caller's re-offer, answered by the callee
        }

        @Override
        public void reofferRefused(int status, String reason) {
            if (reofferFrom == caller) {
                reofferFrom = null;
                caller.refuseReoffer(status, reason);
            }
        }
    }

    // ---------------------------------------------------------------- re-offers (SD 5.2.3.1.3)

    private void passReoffer(Leg from, SessionDescription offer, Leg to, MsrpSession toSession, Setup setup,
                             SdpOrigin origin) {
        MsrpMedia before = from == caller ? callerMedia : calleeMedia;
        MsrpMedia media;
        try {
            media = MediaOffers.msrpOf(offer);
        } catch (SdpNegotiationException e) {
            from.refuseReoffer(488, "Not Acceptable Here (" + e.getMessage() + ")");
            return;
        }
        if (over || reofferFrom != null) {
            from.refuseReoffer(491, "Request Pending"); // RFC 3261 section 14.1: one offer at a time
            return;
        }
        if (!MediaOffers.samePeer(before, media)) {
            from.refuseReoffer(488, "Not Acceptable Here (the MSRP path may not change within the session)");
            return;
        }
        reofferFrom = from;
        SdpOrigin next = MediaOffers.next(origin);
        if (to == callee) {
            downOrigin = next;
        } else {
            upOrigin = next;
        }
        to.reoffer(MediaOffers.relayed(offer, toSession.localPath(), setup, next));
    }

    private void passReanswer(Leg answering, SessionDescription answer, Leg to, MsrpSession toSession) {
        if (reofferFrom != to) {
            return;
        }
        reofferFrom = null;
        try {
            MsrpMedia media = MediaOffers.msrpOf(answer);
            if (!MediaOffers.samePeer(answering == caller ? callerMedia : calleeMedia, media)) {
                throw new SdpNegotiationException("the MSRP path may not change within the session");
            }
            boolean toCaller = to == caller;
            SdpOrigin next = MediaOffers.next(toCaller ? upOrigin : downOrigin);
            if (toCaller) {
                upOrigin = next;
            } else {
                downOrigin = next;
            }
            Setup setup = toCaller ? answeredUp.orElse(null) : offeredDown;
            to.answerReoffer(MediaOffers.relayed(answer, toSession.localPath(), setup, next));
        } catch (SdpNegotiationException e) {
            to.refuseReoffer(488, "Not Acceptable Here (" + e.getMessage() + ")");
        }
    }

    // ---------------------------------------------------------------- ending

    /**
     * One side sent BYE: the other gets its BYE once the MSRP leg towards it has written and had answered all it
     * was given, so the last chunks of a large message or file are never cut off (SD 5.2.2.1.5: the originating
     * side closes after the last chunk).
     */
    private void endTowards(Leg other, MsrpSession towards) {
        if (over) {
            return;
        }
        over = true;
        caller.invitation().chain().whenDrained(towards, () -> {
            other.bye();
            release();
        });
    }

    /**
     * An MSRP leg closed under the session (peer gone, bridge closed): both dialogs end, the lost leg's side at
     * once, the other side behind what its leg still owes it: what the lost side sent before it went is delivered
     * (a function upstream that closed its hop right after its BYE, a client gone after its last chunk).
     */
    private void mediaLost(MsrpSession session, CloseReason reason) {
        if (over || !answered) {
            return;
        }
        LOG.info(() -> name + ": MSRP leg " + session.localUri() + " closed (" + reason + "); ending the session");
        boolean upLost = session == up;
        (upLost ? caller : callee).bye();
        endTowards(upLost ? callee : caller, upLost ? down : up);
    }

    private void release() {
        over = true;
        if (tap != null) {
            tap.ended();
        }
        if (up != null) {
            up.close();
        }
        if (down != null) {
            down.close();
        }
    }

    /** Session events of this relay's own MSRP legs; bridged legs hand their messages to each other, not here. */
    private final class Watch implements MsrpSessionListener {

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException {
            throw new MessageRefusedException(MsrpStatus.SESSION_DOES_NOT_EXIST, "not a local endpoint");
        }

        @Override
        public void onClosed(MsrpSession session, CloseReason reason) {
            if (reason == CloseReason.LOCAL) {
                return;
            }
            synchronized (caller.invitation().chain().lock()) {
                try {
                    mediaLost(session, reason);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, name + ": could not end the session after its MSRP leg closed", e);
                }
            }
        }
    }
}
