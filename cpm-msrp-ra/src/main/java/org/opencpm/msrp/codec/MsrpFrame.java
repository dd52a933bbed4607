package org.opencpm.msrp.codec;

/**
 * The start line and headers of an MSRP request or response (RFC 4975 sec 9). A request's body is not part of it:
 * it streams through {@link FrameParser} and {@link FrameWriter} so that no chunk is ever held whole in memory.
 */
public sealed interface MsrpFrame permits MsrpRequest, MsrpResponse {

    /** The transaction id of the start line, which the end-line repeats. */
    String transactionId();

    MsrpHeaders headers();

    /** The start line as written on the wire, without its line end. */
    String startLine();
}
