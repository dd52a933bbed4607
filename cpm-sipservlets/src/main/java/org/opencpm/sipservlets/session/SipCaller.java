package org.opencpm.sipservlets.session;

import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;

/** A client that invited this server: the dialog of its INVITE. */
public final class SipCaller extends SipLeg implements Caller {

    private final SipServletRequest invite;
    private final Invitation invitation;
    private CallerEvents callerEvents;
    private boolean acked;

    public SipCaller(SipServletRequest invite, Invitation invitation) {
        super(invitation.chain());
        this.invite = invite;
        this.invitation = invitation;
        attach(invite.getSession());
    }

    @Override
    public Invitation invitation() {
        return invitation;
    }

    @Override
    public void listen(CallerEvents listener) {
        this.callerEvents = listener;
        this.events = listener;
    }

    @Override
    public void ringing() {
        if (!invite.isCommitted()) {
            invite.createResponse(180, "Ringing").send();
        }
    }

    @Override
    public void answer(SessionDescription answer) {
        if (invite.isCommitted()) {
            return; // cancelled meanwhile: the container answered 487
        }
        SipServletResponse ok = invite.createResponse(200);
        ok.setContent(answer.toBytes(), SDP);
        ok.send();
    }

    @Override
    public void refuse(int status, String reason) {
        ended = true;
        if (!invite.isCommitted()) {
            invite.createResponse(status, reason).send();
        }
    }

    @Override
    void onAck(SipServletRequest ack) {
        if (!acked) {
            acked = true;
            callerEvents.acked();
        }
    }

    @Override
    void onCancel() {
        ended = true;
        callerEvents.cancelled();
    }
}
