package org.opencpm.message.resourcelists;

import java.util.regex.Pattern;

/**
 * A resource list or recipient-list body that breaks RFC 4826, RFC 5365 or our bounds. The message is a short,
 * one-line ASCII reason, fit for a SIP reason phrase; it never carries parser output or unchecked input text.
 */
public final class ResourceListFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern SHOWABLE = Pattern.compile("[\\x21-\\x7e]{1,40}");

    public ResourceListFormatException(String reason) {
        super(reason);
    }

    /** {@code reason: value} when the value is short printable ASCII, else just {@code reason}. */
    static ResourceListFormatException showing(String reason, String value) {
        return new ResourceListFormatException(
                value != null && SHOWABLE.matcher(value).matches() ? reason + ": " + value : reason);
    }
}
