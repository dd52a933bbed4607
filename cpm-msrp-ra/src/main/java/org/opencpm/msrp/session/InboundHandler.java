package org.opencpm.msrp.session;

import org.opencpm.msrp.codec.MsrpRequest;

/**
 * What a session does with the requests that reach it: deliver them to its listener ({@link EndpointInbound}), or
 * forward them on the other leg of a bridge (in {@code org.opencpm.msrp.relay}). Called on the connection's reader
 * thread, one request at a time.
 */
public interface InboundHandler {

    /** A SEND with a body: where the body goes. Responses are the handler's to send. */
    BodyTarget send(MsrpRequest request);

    /** A REPORT (RFC 4975 sec 7.1.2); never answered. */
    void report(MsrpRequest request);

    /** The session closed: release what is held. */
    void closed();
}
