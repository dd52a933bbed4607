package org.opencpm.message.imdn;

/**
 * An IMDN request header or document that breaks RFC 5438 or our bounds. The message is a short, one-line ASCII
 * reason, fit for a SIP reason phrase; it never carries parser output or input text that is not checked to be so.
 */
public final class ImdnFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImdnFormatException(String reason) {
        super(reason);
    }
}
