package org.opencpm.message.cpim;

/**
 * A {@code message/cpim} body that breaks RFC 3862 or the bounds of {@link CpimMessage}. The message is a short,
 * one-line ASCII reason, fit for a SIP reason phrase.
 */
public final class CpimFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CpimFormatException(String reason) {
        super(reason);
    }
}
