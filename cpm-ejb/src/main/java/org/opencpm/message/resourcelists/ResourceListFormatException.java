package org.opencpm.message.resourcelists;

import java.util.regex.Pattern;

/**
 * A resource list or recipient-list body that breaks RFC 4826, RFC 5365 or our bounds. The message is a short,
 * one-line ASCII reason, fit for a SIP reason phrase; it never carries parser output or unchecked input text.
 */
public final class ResourceListFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern SHOWABLE = Pattern.compile("[\\x21-\\x7e]{1,40}");

    private final boolean overLimit;

    public ResourceListFormatException(String reason) {
        this(reason, false);
    }

    private ResourceListFormatException(String reason, boolean overLimit) {
        super(reason);
        this.overLimit = overLimit;
    }

    /** For a list that is well-formed but bigger than allowed (a 413 rather than a 400 in SIP or HTTP). */
    static ResourceListFormatException overLimit(String reason) {
        return new ResourceListFormatException(reason, true);
    }

    /** Whether the list broke a size or entry-count bound rather than a rule of form. */
    public boolean overLimit() {
        return overLimit;
    }

    /** {@code reason: value} when the value is short printable ASCII, else just {@code reason}. */
    static ResourceListFormatException showing(String reason, String value) {
        return new ResourceListFormatException(
                value != null && SHOWABLE.matcher(value).matches() ? reason + ": " + value : reason);
    }
}
