package org.opencpm.msrp.sdp;

/**
 * An SDP body (RFC 4566) or MSRP media description (RFC 4975 sec 8) that is malformed or breaks a bound. The message
 * is a short one-line ASCII reason, fit for a SIP reason phrase.
 */
public final class SdpFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SdpFormatException(String reason) {
        super(reason);
    }
}
