package org.opencpm.sip.api;

public interface SipServletResponse extends SipServletMessage {

    int getStatus();

    String getReasonPhrase();

    /** The request this response answers. */
    SipServletRequest getRequest();

    /** For a 2xx to an INVITE this servlet sent: builds the ACK. */
    SipServletRequest createAck();
}
