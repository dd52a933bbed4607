package org.opencpm.sipservlets.controlling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpFanOut;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.sdp.AnswerPolicy;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.MsrpAnswerer;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpConnection;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.msrp.sdp.SdpOrigin;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.sipservlets.session.CalleeEvents;
import org.opencpm.sipservlets.session.Caller;
import org.opencpm.sipservlets.session.CallerEvents;
import org.opencpm.sipservlets.session.InternalHop;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.LegOptions;
import org.opencpm.sipservlets.session.MediaOffers;
import org.opencpm.sipservlets.session.SessionChain;
import org.opencpm.sipservlets.session.SessionPolicy;

/**
 * The CF's half of a one-way session to a group (the middle of the ZTE chain client A - PF A - CF - PF B - client
 * B): one MSRP leg towards the sender's PF, one towards each member's PF, and the connector copying every chunk to
 * each member ({@link MsrpConnector#fanOut}). The CF answers the sender at once with an answer of its own, or
 * relays the first member's answer ({@link SessionPolicy#cfAnswersAtOnce()}); chunks that arrive before a member
 * answered wait in that member's queue. A member that fails or leaves is dropped and the others go on; the sender
 * hears of a failure only when no member is left. The sender's BYE reaches each member once its leg has emptied.
 */
final class GroupFanOut implements CallerEvents {

    private static final Logger LOG = Logger.getLogger(GroupFanOut.class.getName());
    /** Attributes of a file transfer the CF's own answer repeats (RFC 5547 sec 8). */
    private static final List<String> ECHOED = List.of("file-selector", "file-transfer-id", "file-disposition",
            "file-date", "file-icon", "file-range");

    private final MsrpConnector msrp;
    private final SessionPolicy policy;
    private final Caller caller;
    private final String groupFrom;
    private final List<String> memberAddresses;
    private final Consumer<Caller> memberPf;
    private final List<Member> members = new ArrayList<>();
    private MsrpSession up;
    private MsrpFanOut fanOut;
    private MsrpMedia callerMedia;
    private SdpOrigin upOrigin;
    private boolean answered;
    private boolean over;

    GroupFanOut(MsrpConnector msrp, SessionPolicy policy, Caller caller, String groupFrom,
                List<String> memberAddresses, Consumer<Caller> memberPf) {
        this.msrp = msrp;
        this.policy = policy;
        this.caller = caller;
        this.groupFrom = groupFrom;
        this.memberAddresses = memberAddresses;
        this.memberPf = memberPf;
    }

    private SessionChain chain() {
        return caller.invitation().chain();
    }

    void start() {
        caller.listen(this);
        Invitation invitation = caller.invitation();
        try {
            callerMedia = MediaOffers.msrpOf(invitation.offer());
        } catch (SdpNegotiationException e) {
            caller.refuse(488, "Not Acceptable Here (" + e.getMessage() + ")");
            return;
        }
        if (callerMedia.direction().orElse(Direction.SENDRECV) != Direction.SENDONLY
                && invitation.offer().direction().orElse(Direction.SENDRECV) != Direction.SENDONLY) {
            caller.refuse(488, "Not Acceptable Here (a large message or file to a group is sent one way)");
            return;
        }
        up = msrp.createSession(LegOptions.of(new Watch(null)));
        upOrigin = MediaOffers.origin(msrp.host());
        Setup offerSetup = policy.links().offerSetup(false);
        List<MsrpSession> targets = new ArrayList<>();
        for (String address : memberAddresses) {
            Member m = new Member(address, offerSetup);
            members.add(m);
            targets.add(m.down);
        }
        fanOut = msrp.fanOut(up, targets);
        if (policy.cfAnswersAtOnce()) {
            answerCaller(null); // ZTE: the CF answers before any member did
        }
        for (Member m : new ArrayList<>(members)) {
            m.invite(invitation);
        }
    }

    /** Answers the sender with the first member's answer passed on, or (null) with the CF's own. */
    private void answerCaller(SessionDescription memberAnswer) {
        if (answered || over) {
            return;
        }
        try {
            SessionDescription answer;
            Optional<Setup> setup;
            if (memberAnswer == null) {
                answer = MsrpAnswerer.answer(caller.invitation().offer(), upOrigin, SdpConnection.of(msrp.host()),
                        up.localUri(), new AnswerPolicy(callerMedia.acceptTypes(), List.of("*"), -1,
                                policy.links().whenActpass(), Direction.RECVONLY, ECHOED));
                setup = MediaOffers.msrpOf(answer).setup();
            } else {
                setup = MediaOffers.answerSetup(callerMedia, policy.links());
                answer = MediaOffers.relayed(memberAnswer, up.localPath(), setup.orElse(null), upOrigin);
            }
            ConnectRole role = MediaOffers.role(callerMedia.setup(), setup, false);
            up.setRemote(callerMedia.path(), role);
            answered = true;
            caller.answer(answer);
        } catch (SdpNegotiationException | IllegalArgumentException e) {
            caller.refuse(488, "Not Acceptable Here (" + e.getMessage() + ")");
            endAll();
        }
    }

    // ---------------------------------------------------------------- the sender's side

    @Override
    public void acked() {
        if (!over) {
            up.connect();
        }
    }

    @Override
    public void cancelled() {
        if (!over) {
            over = true;
            members.forEach(m -> m.hop.cancel());
            release();
        }
    }

    @Override
    public void ended() {
        if (over) {
            return;
        }
        over = true;
        // The sender closes after its last chunk (SD 5.2.2.1.5): each member's BYE waits for its leg to empty.
        for (Member m : new ArrayList<>(members)) {
            chain().whenDrained(m.down, m::end);
        }
        if (members.isEmpty()) {
            release();
        }
    }

    @Override
    public void reoffered(SessionDescription offer) {
        caller.refuseReoffer(488, "Not Acceptable Here (a session to a group is not modified here)");
    }

    @Override
    public void reofferAnswered(SessionDescription answer) {
    }

    @Override
    public void reofferRefused(int status, String reason) {
    }

    private void endAll() {
        over = true;
        members.forEach(m -> m.hop.bye());
        release();
    }

    private void release() {
        over = true;
        if (up != null) {
            up.close(); // the fan-out closes the members' legs in turn
        }
        for (Member m : members) {
            m.down.close();
        }
    }

    /** A member left (failed, refused, hung up): the others go on; with none left the sender is told. */
    private void gone(Member m, int status, String reason) {
        if (!members.remove(m)) {
            return;
        }
        fanOut.remove(m.down);
        if (!members.isEmpty()) {
            return;
        }
        if (!answered) {
            over = true;
            caller.refuse(status, reason);
            release();
        } else if (!over) {
            over = true;
            caller.bye();
            release();
        } else {
            release();
        }
    }

    /** One member: the CF's leg towards the member's terminating PF. */
    private final class Member implements CalleeEvents {

        final String address;
        final MsrpSession down;
        final InternalHop hop;
        final Setup offered;
        final SdpOrigin origin = MediaOffers.origin(msrp.host());

        Member(String address, Setup offered) {
            this.address = address;
            this.offered = offered;
            this.down = msrp.createSession(LegOptions.of(new Watch(this)));
            this.hop = new InternalHop(memberPf);
        }

        void invite(Invitation invitation) {
            SessionDescription offer = MediaOffers.relayed(invitation.offer(), down.localPath(), offered, origin);
            hop.invite(invitation.retargeted(address, groupFrom).withOffer(offer), this);
        }

        @Override
        public void answered(SessionDescription answer) {
            if (!members.contains(this)) {
                hop.ack();
                hop.bye();
                return;
            }
            try {
                MsrpMedia media = MediaOffers.msrpOf(answer);
                ConnectRole role = MediaOffers.role(Optional.of(offered), media.setup(), true);
                down.setRemote(media.path(), role);
                hop.ack();
                down.connect();
                answerCaller(answer);
            } catch (SdpNegotiationException | IllegalArgumentException | IllegalStateException e) {
                LOG.info(() -> "CF: answer for " + address + " not usable: " + e.getMessage());
                hop.ack();
                hop.bye();
                gone(this, 488, "Not Acceptable Here");
            }
        }

        @Override
        public void failed(int status, String reason) {
            LOG.fine(() -> "CF: " + address + " did not take it: " + status + " " + reason);
            gone(this, status, reason);
        }

        @Override
        public void ended() {
            gone(this, 480, "Temporarily Unavailable");
        }

        /** The sender's BYE reaches this member once its leg has emptied. */
        void end() {
            hop.bye();
            members.remove(this);
            if (members.isEmpty()) {
                release();
            }
        }

        @Override
        public void reoffered(SessionDescription offer) {
            hop.refuseReoffer(488, "Not Acceptable Here (a session from a group is not modified here)");
        }

        @Override
        public void reofferAnswered(SessionDescription answer) {
        }

        @Override
        public void reofferRefused(int status, String reason) {
        }
    }

    /** Closes of the CF's own legs: the sender's leg lost ends everything, a member's leg lost drops that member. */
    private final class Watch implements MsrpSessionListener {

        private final Member member;

        Watch(Member member) {
            this.member = member;
        }

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException {
            throw new MessageRefusedException(MsrpStatus.SESSION_DOES_NOT_EXIST, "not a local endpoint");
        }

        @Override
        public void onClosed(MsrpSession session, CloseReason reason) {
            if (reason == CloseReason.LOCAL) {
                return;
            }
            synchronized (chain().lock()) {
                if (member != null) {
                    if (!over) {
                        member.hop.bye();
                        gone(member, 480, "Temporarily Unavailable");
                    }
                } else if (!over && answered) {
                    LOG.info(() -> "CF: the sender's MSRP leg closed (" + reason + "); ending the session");
                    caller.bye();
                    endAll();
                }
            }
        }
    }
}
