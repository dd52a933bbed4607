package org.opencpm.msrp.sdp;

/**
 * A well-formed offer or answer that cannot be agreed with (no content type in common, contradictory
 * {@code a=setup}): the SIP layer answers 488. The message is a short one-line reason.
 */
public final class SdpNegotiationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SdpNegotiationException(String reason) {
        super(reason);
    }
}
