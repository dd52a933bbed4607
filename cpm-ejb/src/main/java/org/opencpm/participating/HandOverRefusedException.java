package org.opencpm.participating;

/** The Interworking Selection Function or the Message Storage Server did not take a message; the reason is one line. */
public final class HandOverRefusedException extends RuntimeException {

    public HandOverRefusedException(String reason) {
        super(reason);
    }
}
