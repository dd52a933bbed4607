package org.opencpm.sipservlets.session;

import java.util.Optional;
import java.util.logging.Logger;
import org.opencpm.msrp.sdp.SdpFormatException;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sip.api.SipSession;

/**
 * A neighbour reached over a SIP dialog: what both directions of a dialog share once it exists (BYE, re-INVITE
 * either way, RFC 3261 sections 14 and 15). The servlet finds the leg by its SIP session.
 */
abstract class SipLeg implements Leg {

    static final String ATTRIBUTE = "opencpm.session.leg";
    static final String SDP = "application/sdp";
    private static final Logger LOG = Logger.getLogger(SipLeg.class.getName());

    protected final SessionChain chain;
    protected SipSession session;
    protected LegEvents events;
    /** The neighbour's re-INVITE awaiting this side's answer. */
    private SipServletRequest theirReoffer;
    /** This side's re-INVITE awaiting the neighbour's answer. */
    private SipServletRequest ourReoffer;
    protected boolean ended;

    SipLeg(SessionChain chain) {
        this.chain = chain;
    }

    SessionChain chain() {
        return chain;
    }

    static Optional<SipLeg> of(SipSession session) {
        return Optional.ofNullable((SipLeg) session.getAttribute(ATTRIBUTE));
    }

    void attach(SipSession sipSession) {
        this.session = sipSession;
        sipSession.setHandler(SessionServlet.NAME);
        sipSession.setAttribute(ATTRIBUTE, this);
    }

    /** A request within the dialog. */
    void onRequest(SipServletRequest request) {
        switch (request.getMethod()) {
            case "BYE":
                request.createResponse(200).send();
                if (!ended) {
                    ended = true;
                    events.ended();
                }
                break;
            case "INVITE":
                onReoffer(request);
                break;
            case "ACK":
                onAck(request);
                break;
            case "CANCEL":
                onCancel();
                break;
            default:
                // RFC 3261 section 8.2.1: a method this dialog does not take.
                SipServletResponse notAllowed = request.createResponse(405, "Method Not Allowed");
                notAllowed.setHeader("Allow", "INVITE, ACK, CANCEL, BYE");
                notAllowed.send();
        }
    }

    void onAck(SipServletRequest ack) {
    }

    void onCancel() {
    }

    /** A response to a request this leg sent within the dialog; the initial INVITE's go to subclasses. */
    void onResponse(SipServletResponse response) {
        if (!"INVITE".equals(response.getMethod()) || response.getRequest() != ourReoffer
                || response.getStatus() < 200) {
            return;
        }
        ourReoffer = null;
        if (response.getStatus() >= 300) {
            events.reofferRefused(response.getStatus(), response.getReasonPhrase());
            return;
        }
        response.createAck().send();
        try {
            events.reofferAnswered(SessionDescription.parse(response.getRawContent()));
        } catch (SdpFormatException e) {
            LOG.info(() -> "re-INVITE answer from " + session.getRemoteParty() + " not SDP: " + e.getMessage());
            events.reofferRefused(488, "Not Acceptable Here (" + e.getMessage() + ")");
        }
    }

    private void onReoffer(SipServletRequest request) {
        if (theirReoffer != null || ourReoffer != null) {
            request.createResponse(491, "Request Pending").send(); // RFC 3261 section 14.2
            return;
        }
        if (!MediaOffers.isSdp(request.getContentType())) {
            SipServletResponse bad = request.createResponse(415, "Unsupported Media Type");
            bad.setHeader("Accept", SDP);
            bad.send();
            return;
        }
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(request.getRawContent());
        } catch (SdpFormatException e) {
            request.createResponse(400, "Bad Request (" + e.getMessage() + ")").send();
            return;
        }
        theirReoffer = request;
        events.reoffered(offer);
    }

    @Override
    public void bye() {
        if (ended || session == null || session.getState() != SipSession.State.CONFIRMED) {
            ended = true;
            return;
        }
        ended = true;
        session.createRequest("BYE").send();
    }

    @Override
    public void reoffer(SessionDescription offer) {
        if (ended) {
            events.reofferRefused(481, "Call/Transaction Does Not Exist");
            return;
        }
        ourReoffer = session.createRequest("INVITE");
        ourReoffer.setContent(offer.toBytes(), SDP);
        ourReoffer.send();
    }

    @Override
    public void answerReoffer(SessionDescription answer) {
        SipServletRequest pending = theirReoffer;
        theirReoffer = null;
        if (pending != null && !pending.isCommitted()) {
            SipServletResponse ok = pending.createResponse(200);
            ok.setContent(answer.toBytes(), SDP);
            ok.send();
        }
    }

    @Override
    public void refuseReoffer(int status, String reason) {
        SipServletRequest pending = theirReoffer;
        theirReoffer = null;
        if (pending != null && !pending.isCommitted()) {
            pending.createResponse(status, reason).send();
        }
    }
}
