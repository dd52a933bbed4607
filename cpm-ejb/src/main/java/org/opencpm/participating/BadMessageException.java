package org.opencpm.participating;

import java.util.Objects;

/** A standalone message the PF refuses as malformed or unsupported: the SIP status and a one-line reason. */
public final class BadMessageException extends RuntimeException {

    private final int status;

    public BadMessageException(int status, String reason) {
        super(Objects.requireNonNull(reason));
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The reason phrase: the standard phrase with the detail in brackets, e.g. "Bad Request (no From)". */
    public String reasonPhrase() {
        String standard = switch (status) {
            case 400 -> "Bad Request";
            case 415 -> "Unsupported Media Type";
            default -> "Rejected";
        };
        return standard + " (" + getMessage() + ")";
    }
}
