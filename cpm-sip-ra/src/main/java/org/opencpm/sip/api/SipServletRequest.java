package org.opencpm.sip.api;

import javax.sip.address.URI;

public interface SipServletRequest extends SipServletMessage {

    URI getRequestURI();

    void setRequestURI(URI uri);

    /** True for a request that starts a new session (out of dialog); false for requests within a dialog. */
    boolean isInitial();

    SipServletResponse createResponse(int status);

    SipServletResponse createResponse(int status, String reasonPhrase);

    /** True once a final response was sent for this (incoming) request. */
    boolean isCommitted();

    B2buaHelper getB2buaHelper();

    /** Adds a Route header in front of the route set of this (outgoing) request. */
    void pushRoute(javax.sip.address.SipURI uri);

    /**
     * A CANCEL of this INVITE, which the application sent and which has no final response yet (RFC 3261 section 9.1,
     * SIP Servlet 1.1 section 11.1.7); send it once a provisional response has come. The response to the CANCEL is
     * not delivered to the application; the INVITE's 487 is.
     */
    SipServletRequest createCancel();
}
