package org.opencpm.sipservlets.session;

import java.util.logging.Logger;
import org.opencpm.msrp.sdp.SdpFormatException;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.sip.api.SipFactory;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;

/** A client device this server invites: a dialog of its own, in the chain's application session. */
public final class SipCallee extends SipLeg implements Callee {

    private static final Logger LOG = Logger.getLogger(SipCallee.class.getName());

    private final SipFactory factory;
    private final String contact;
    private CalleeEvents calleeEvents;
    private SipServletRequest invite;
    private SipServletResponse ok;
    private boolean provisional;
    private boolean cancelWanted;
    private boolean finished;

    /** @param contact the device's registered contact, the Request-URI */
    public SipCallee(SessionChain chain, SipFactory factory, String contact) {
        super(chain);
        this.factory = factory;
        this.contact = contact;
    }

    @Override
    public void invite(Invitation invitation, CalleeEvents listener) {
        this.calleeEvents = listener;
        this.events = listener;
        invite = factory.createRequest(chain.applicationSession(), "INVITE",
                factory.createAddress(invitation.fromHeader()), factory.createAddress("<" + invitation.target() + ">"));
        invite.setRequestURI(factory.createURI(contact));
        for (String line : invitation.headerLines()) {
            int colon = line.indexOf(':');
            invite.addHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        if (invitation.senderIdentity() != null) {
            invite.setHeader("P-Asserted-Identity", "<" + invitation.senderIdentity() + ">"); // RFC 3325
        }
        invite.setHeader("P-Asserted-Service", invitation.kind().icsi()); // RFC 6050
        invite.setContent(invitation.offer().toBytes(), SDP);
        attach(invite.getSession());
        invite.send();
    }

    @Override
    void onResponse(SipServletResponse response) {
        if (!"INVITE".equals(response.getMethod()) || response.getRequest() != invite) {
            super.onResponse(response);
            return;
        }
        int status = response.getStatus();
        if (status < 200) {
            provisional = true;
            if (cancelWanted) {
                invite.createCancel().send(); // RFC 3261 section 9.1: only after a provisional response
            } else if (status > 100) {
                calleeEvents.ringing();
            }
            return;
        }
        if (finished) {
            return;
        }
        finished = true;
        if (status >= 300) {
            ended = true;
            calleeEvents.failed(status, response.getReasonPhrase());
            return;
        }
        ok = response;
        if (cancelWanted) {
            ack();
            bye(); // the 200 crossed our CANCEL
            return;
        }
        SessionDescription answer;
        try {
            answer = SessionDescription.parse(response.getRawContent());
        } catch (SdpFormatException e) {
            LOG.info(() -> "answer of " + contact + " is not SDP: " + e.getMessage());
            ack();
            bye();
            calleeEvents.failed(488, "Not Acceptable Here (" + e.getMessage() + ")");
            return;
        }
        calleeEvents.answered(answer);
    }

    @Override
    public void ack() {
        if (ok != null) {
            ok.createAck().send();
        }
    }

    @Override
    public void cancel() {
        if (finished || cancelWanted) {
            return;
        }
        cancelWanted = true;
        if (provisional) {
            invite.createCancel().send();
        }
    }
}
