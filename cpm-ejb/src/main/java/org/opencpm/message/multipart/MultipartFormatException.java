package org.opencpm.message.multipart;

/** A {@code multipart/mixed} body or Content-Type that cannot be read; the message says what is wrong in one line. */
public final class MultipartFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MultipartFormatException(String reason) {
        super(reason);
    }
}
