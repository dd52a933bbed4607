package org.opencpm.sip.container;

import gov.nist.javax.sip.header.SIPHeader;
import java.text.ParseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.opencpm.sip.api.B2buaHelper;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;

/** A request: incoming (with its server transaction) or outgoing (created by the application, sent once). */
final class RequestImpl extends MessageImpl implements SipServletRequest {

    private static final Logger LOG = Logger.getLogger(RequestImpl.class.getName());

    private final ServerTransaction serverTransaction;
    private final boolean initial;
    private volatile boolean committed;
    private volatile boolean sent;
    /** For B2BUA relaying: the request on the other leg this one was created from or for. */
    volatile RequestImpl linkedRequest;
    /** The client transaction this outgoing request went on, once sent: a CANCEL is built from it. */
    volatile javax.sip.ClientTransaction clientTransaction;

    RequestImpl(SipContainer container, Request request, SessionImpl session, ServerTransaction serverTransaction,
                boolean initial) {
        super(container, request, session);
        this.serverTransaction = serverTransaction;
        this.initial = initial;
    }

    Request request() {
        return (Request) message;
    }

    boolean isIncoming() {
        return serverTransaction != null;
    }

    ServerTransaction serverTransaction() {
        return serverTransaction;
    }

    @Override
    public String getMethod() {
        return request().getMethod();
    }

    @Override
    public URI getRequestURI() {
        return request().getRequestURI();
    }

    @Override
    public void setRequestURI(URI uri) {
        request().setRequestURI(uri);
    }

    @Override
    public boolean isInitial() {
        return initial;
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public SipServletResponse createResponse(int status) {
        return createResponse(status, null);
    }

    @Override
    public SipServletResponse createResponse(int status, String reasonPhrase) {
        if (!isIncoming()) {
            throw new IllegalStateException("responses are created for incoming requests only");
        }
        if ("ACK".equals(getMethod())) {
            throw new IllegalStateException("ACK is never answered");
        }
        try {
            Response response = container.messageFactory().createResponse(status, request());
            if (reasonPhrase != null) {
                response.setReasonPhrase(reasonPhrase);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to.getTag() == null) {
                to.setTag(session.localTag());
            }
            if (SessionImpl.createsDialog(getMethod()) && status > 100 && status < 300) {
                response.setHeader(container.contactHeader(getTransport()));
            }
            ResponseImpl r = new ResponseImpl(container, response, session, this);
            r.setPeer(getTransport(), getRemoteAddr(), getRemotePort());
            return r;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    void sendResponse(ResponseImpl response) {
        if (committed) {
            throw new IllegalStateException("a final response was already sent for " + getMethod());
        }
        int status = response.getStatus();
        try {
            serverTransaction.sendResponse(response.response());
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            throw new IllegalStateException("could not send " + status + " for " + getMethod() + ": " + e.getMessage(), e);
        }
        if (session.dialog() != null && status > 100) {
            // A UAS dialog gets its id with the first To-tagged response: only now can requests find it.
            container.registerDialog(session.dialog(), session);
        }
        if (status >= 200) {
            committed = true;
            session.onFinalResponseSent(this, status);
        }
    }

    @Override
    public B2buaHelper getB2buaHelper() {
        return container.b2buaHelper();
    }

    @Override
    public void pushRoute(SipURI uri) {
        SipURI route = (SipURI) uri.clone();
        route.setLrParam();
        RouteHeader header = container.headerFactory().createRouteHeader(container.addressFactory().createAddress(route));
        try {
            request().addFirst(header);
        } catch (SipException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void send() {
        if (isIncoming()) {
            throw new IllegalStateException("an incoming request is answered, not sent");
        }
        if (sent) {
            throw new IllegalStateException("request already sent");
        }
        sent = true;
        container.send(this);
    }

    @Override
    public SipServletRequest createCancel() {
        if (isIncoming() || !Request.INVITE.equals(getMethod())) {
            throw new IllegalStateException("only an INVITE the application sent can be cancelled");
        }
        javax.sip.ClientTransaction ct = clientTransaction;
        if (ct == null) {
            throw new IllegalStateException("the INVITE was not sent");
        }
        javax.sip.TransactionState state = ct.getState();
        if (state != javax.sip.TransactionState.CALLING && state != javax.sip.TransactionState.PROCEEDING) {
            throw new IllegalStateException("the INVITE has its final response (transaction " + state + ")");
        }
        try {
            return new RequestImpl(container, ct.createCancel(), session, null, false);
        } catch (SipException e) {
            throw new IllegalStateException("cannot cancel: " + e.getMessage(), e);
        }
    }

    /** For the container: a client transaction carrying this request failed before any response arrived. */
    void failLocally(int status, String reason, Throwable cause) {
        LOG.log(Level.FINE, "request " + getMethod() + " to " + getRequestURI() + " failed: " + reason, cause);
        container.deliverSyntheticResponse(this, status, reason);
    }

    static String describe(Request request) {
        return request.getMethod() + " " + request.getRequestURI() + " Call-ID "
                + ((SIPHeader) request.getHeader("Call-ID")).getHeaderValue();
    }
}
