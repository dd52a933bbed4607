package org.opencpm.sip.api;

import java.util.List;
import java.util.Map;

/** Links two legs of a back-to-back user agent and relays between them (SIP Servlet 1.1 section 12). */
public interface B2buaHelper {

    /**
     * A new request on a new leg, copied from {@code origRequest} (method, From, To without tag, body and the
     * headers that are not system headers), with the given headers set. When {@code linked}, the new session and
     * request are linked to the original ones.
     */
    SipServletRequest createRequest(SipServletRequest origRequest, boolean linked, Map<String, List<String>> headers);

    /** A request on {@code session} copied from {@code origRequest} of the other leg (e.g. BYE relayed). */
    SipServletRequest createRequest(SipSession session, SipServletRequest origRequest, Map<String, List<String>> headers);

    SipSession getLinkedSession(SipSession session);

    SipServletRequest getLinkedSipServletRequest(SipServletRequest request);

    /** A response on the original (incoming) request of {@code session}'s leg. */
    SipServletResponse createResponseToOriginalRequest(SipSession session, int status, String reasonPhrase);

    void linkSipSessions(SipSession first, SipSession second);

    void unlinkSipSessions(SipSession session);
}
