package org.opencpm.sip.container;

import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipFactory;
import org.opencpm.sip.api.SipServletRequest;

final class SipFactoryImpl implements SipFactory {

    private final SipContainer container;

    SipFactoryImpl(SipContainer container) {
        this.container = container;
    }

    @Override
    public Address createAddress(String address) {
        try {
            return container.addressFactory().createAddress(address);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP address: " + address, e);
        }
    }

    @Override
    public URI createURI(String uri) {
        try {
            return container.addressFactory().createURI(uri);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a URI: " + uri, e);
        }
    }

    @Override
    public SipApplicationSession createApplicationSession() {
        return container.newApplicationSession();
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession appSession, String method, Address from, Address to) {
        AppSessionImpl app = (AppSessionImpl) appSession;
        String callId = container.provider().getNewCallId().getCallId();
        String tag = container.newTag();
        SipContainer.Route current = SipContainer.current();
        SessionImpl session = new SessionImpl(container, app, callId, from, to, tag,
                current == null ? null : current.servlet(), container.applicationOf(app));
        Request request = newRequest(method, (URI) to.getURI().clone(), callId, 1L, (Address) from.clone(), tag,
                (Address) to.clone(), null, 70);
        return new RequestImpl(container, request, session, null, true);
    }

    /** A further out-of-dialog request in a session that has no dialog: same Call-ID and tags, next CSeq. */
    SipServletRequest createRequestInSession(SessionImpl session, String method) {
        Address remote = session.getRemoteParty();
        Request request = newRequest(method, (URI) remote.getURI().clone(), session.getCallId(), session.nextCSeq(),
                (Address) session.getLocalParty().clone(), session.localTag(), (Address) remote.clone(), null, 70);
        return new RequestImpl(container, request, session, null, false);
    }

    Request newRequest(String method, URI requestUri, String callId, long cseq, Address from, String fromTag,
                       Address to, String toTag, int maxForwards) {
        try {
            var hf = container.headerFactory();
            CallIdHeader callIdHeader = hf.createCallIdHeader(callId);
            CSeqHeader cseqHeader = hf.createCSeqHeader(cseq, method);
            FromHeader fromHeader = hf.createFromHeader(from, fromTag);
            ToHeader toHeader = hf.createToHeader(to, toTag);
            ViaHeader via = container.viaHeader(transportFor(requestUri, null));
            Request request = container.messageFactory().createRequest(requestUri, method, callIdHeader, cseqHeader,
                    fromHeader, toHeader, List.of(via), hf.createMaxForwardsHeader(maxForwards));
            if (SessionImpl.createsDialog(method)) {
                request.setHeader(container.contactHeader(transportFor(requestUri, null)));
            }
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + ": " + e.getMessage(), e);
        }
    }

    /** The transport of the next hop: the transport parameter of the first Route, else of the Request-URI. */
    static String transportFor(URI requestUri, RouteHeader firstRoute) {
        URI target = firstRoute != null ? firstRoute.getAddress().getURI() : requestUri;
        if (target instanceof SipURI sip && sip.getTransportParam() != null) {
            return sip.getTransportParam().toUpperCase();
        }
        return "UDP";
    }
}
