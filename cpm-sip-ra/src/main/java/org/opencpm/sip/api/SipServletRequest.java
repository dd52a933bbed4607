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
}
