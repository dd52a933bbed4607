package org.opencpm.sip.api;

import javax.sip.address.Address;

/** One leg: a dialog, or the transaction of a request sent outside any dialog. */
public interface SipSession {

    enum State { INITIAL, EARLY, CONFIRMED, TERMINATED }

    String getId();

    String getCallId();

    Address getLocalParty();

    Address getRemoteParty();

    State getState();

    SipApplicationSession getApplicationSession();

    /** A new request within this session's dialog (BYE, re-INVITE, MESSAGE, INFO...). */
    SipServletRequest createRequest(String method);

    /** Name of the servlet that handles this session's requests and responses. */
    String getHandler();

    void setHandler(String servletName);

    Object getAttribute(String name);

    void setAttribute(String name, Object value);

    void removeAttribute(String name);

    boolean isValid();

    void invalidate();
}
