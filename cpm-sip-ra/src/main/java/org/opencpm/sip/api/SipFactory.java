package org.opencpm.sip.api;

import javax.sip.address.Address;
import javax.sip.address.URI;

/** Creates addresses, application sessions and initial requests. */
public interface SipFactory {

    /** Parses a name-addr or addr-spec. Throws {@link IllegalArgumentException} when it does not parse. */
    Address createAddress(String address);

    URI createURI(String uri);

    SipApplicationSession createApplicationSession();

    /**
     * A new initial request in a new session of the application session: fresh Call-ID, a From tag, CSeq 1,
     * Max-Forwards 70 and the Request-URI set to the To URI.
     */
    SipServletRequest createRequest(SipApplicationSession appSession, String method, Address from, Address to);
}
