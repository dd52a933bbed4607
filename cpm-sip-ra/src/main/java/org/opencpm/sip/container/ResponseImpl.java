package org.opencpm.sip.container;

import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;

/** A response: created for an incoming request and sent, or received for a request the application sent. */
final class ResponseImpl extends MessageImpl implements SipServletResponse {

    private final RequestImpl request;

    ResponseImpl(SipContainer container, Response response, SessionImpl session, RequestImpl request) {
        super(container, response, session);
        this.request = request;
    }

    Response response() {
        return (Response) message;
    }

    @Override
    public String getMethod() {
        return ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getMethod();
    }

    @Override
    public int getStatus() {
        return response().getStatusCode();
    }

    @Override
    public String getReasonPhrase() {
        return response().getReasonPhrase();
    }

    @Override
    public SipServletRequest getRequest() {
        return request;
    }

    @Override
    public SipServletRequest createAck() {
        if (!Request.INVITE.equals(getMethod()) || getStatus() < 200 || getStatus() >= 300) {
            throw new IllegalStateException("only a 2xx to INVITE is acknowledged by the application");
        }
        if (session.dialog() == null) {
            throw new IllegalStateException("no dialog for this response");
        }
        try {
            long cseq = ((CSeqHeader) message.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = session.dialog().createAck(cseq);
            RequestImpl r = new RequestImpl(container, ack, session, null, false);
            r.setPeer(getTransport(), getRemoteAddr(), getRemotePort());
            return r;
        } catch (InvalidArgumentException | SipException e) {
            throw new IllegalStateException("cannot create ACK: " + e.getMessage(), e);
        }
    }

    @Override
    public void send() {
        if (request == null || !request.isIncoming()) {
            throw new IllegalStateException("only responses to incoming requests are sent");
        }
        request.sendResponse(this);
    }
}
