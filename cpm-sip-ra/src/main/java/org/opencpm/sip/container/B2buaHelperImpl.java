package org.opencpm.sip.container;

import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.opencpm.sip.api.B2buaHelper;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sip.api.SipSession;

final class B2buaHelperImpl implements B2buaHelper {

    /** Headers the container owns on each leg (SIP Servlet 1.1 section 4.1.2 "system headers") and never copies. */
    private static final Set<String> SYSTEM_HEADERS = Set.of("via", "v", "route", "record-route", "call-id", "i",
            "cseq", "from", "f", "to", "t", "max-forwards", "contact", "m", "content-length", "l", "content-type", "c",
            "authorization", "proxy-authorization", "rack", "rseq");

    private final SipContainer container;

    B2buaHelperImpl(SipContainer container) {
        this.container = container;
    }

    @Override
    public SipServletRequest createRequest(SipServletRequest origRequest, boolean linked,
                                           Map<String, List<String>> headers) {
        RequestImpl orig = (RequestImpl) origRequest;
        Request in = orig.request();
        MaxForwardsHeader mf = (MaxForwardsHeader) in.getHeader(MaxForwardsHeader.NAME);
        int maxForwards = mf == null ? 70 : mf.getMaxForwards() - 1;
        if (maxForwards < 0) {
            throw new IllegalStateException("Max-Forwards exhausted");
        }
        AppSessionImpl app = orig.session.appSession();
        String callId = container.provider().getNewCallId().getCallId();
        String tag = container.newTag();
        Address from = (Address) ((FromHeader) in.getHeader(FromHeader.NAME)).getAddress().clone();
        Address to = (Address) ((ToHeader) in.getHeader(ToHeader.NAME)).getAddress().clone();
        SessionImpl session = new SessionImpl(container, app, callId, from, to, tag, orig.session.getHandler(),
                orig.session.application);
        Request out = container.sipFactoryImpl().newRequest(in.getMethod(), (URI) in.getRequestURI().clone(), callId,
                1L, from, tag, to, null, maxForwards);
        copyContentAndHeaders(in, out);
        RequestImpl req = new RequestImpl(container, out, session, null, true);
        applyHeaders(req, headers);
        if (linked) {
            linkSipSessions(orig.session, session);
            req.linkedRequest = orig;
            orig.linkedRequest = req;
        }
        return req;
    }

    @Override
    public SipServletRequest createRequest(SipSession session, SipServletRequest origRequest,
                                           Map<String, List<String>> headers) {
        RequestImpl orig = (RequestImpl) origRequest;
        RequestImpl req = (RequestImpl) session.createRequest(orig.getMethod());
        copyContentAndHeaders(orig.request(), req.request());
        applyHeaders(req, headers);
        req.linkedRequest = orig;
        orig.linkedRequest = req;
        return req;
    }

    @Override
    public SipSession getLinkedSession(SipSession session) {
        return ((SessionImpl) session).linked;
    }

    @Override
    public SipServletRequest getLinkedSipServletRequest(SipServletRequest request) {
        return ((RequestImpl) request).linkedRequest;
    }

    @Override
    public SipServletResponse createResponseToOriginalRequest(SipSession session, int status, String reasonPhrase) {
        RequestImpl original = ((SessionImpl) session).originalRequest;
        if (original == null) {
            throw new IllegalStateException("session " + session.getId() + " has no original incoming request");
        }
        return original.createResponse(status, reasonPhrase);
    }

    @Override
    public void linkSipSessions(SipSession first, SipSession second) {
        SessionImpl a = (SessionImpl) first;
        SessionImpl b = (SessionImpl) second;
        a.linked = b;
        b.linked = a;
    }

    @Override
    public void unlinkSipSessions(SipSession session) {
        SessionImpl a = (SessionImpl) session;
        SessionImpl b = a.linked;
        a.linked = null;
        if (b != null) {
            b.linked = null;
        }
    }

    private static void copyContentAndHeaders(Request in, Request out) {
        ListIterator<String> names = in.getHeaderNames();
        while (names.hasNext()) {
            String name = names.next();
            if (SYSTEM_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            ListIterator<?> values = in.getHeaders(name);
            while (values.hasNext()) {
                out.addHeader((Header) ((Header) values.next()).clone());
            }
        }
        byte[] body = in.getRawContent();
        if (body != null && body.length > 0) {
            try {
                out.setContent(body, (ContentTypeHeader) in.getHeader(ContentTypeHeader.NAME).clone());
            } catch (ParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    private static void applyHeaders(RequestImpl req, Map<String, List<String>> headers) {
        if (headers == null) {
            return;
        }
        headers.forEach((name, values) -> {
            req.removeHeader(name);
            values.forEach(v -> req.addHeader(name, v));
        });
    }
}
