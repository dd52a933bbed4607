package org.opencpm.sip.api;

import java.util.Collection;

/**
 * Groups the sessions (and timers) of one piece of application work, e.g. the legs of a B2BUA call or the
 * fan-out of one MESSAGE. Invalidated explicitly or when it expires.
 */
public interface SipApplicationSession {

    String getId();

    Collection<SipSession> getSessions();

    Object getAttribute(String name);

    void setAttribute(String name, Object value);

    void removeAttribute(String name);

    /** Minutes from now until the session expires; returns the granted value. */
    int setExpires(int minutes);

    boolean isValid();

    void invalidate();
}
