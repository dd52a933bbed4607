package org.opencpm.registrar;

/** A REGISTER that cannot be honoured, with the SIP status to answer (400, 423, 500...). */
public class RegistrationException extends RuntimeException {

    private final int status;
    private final transient Integer minExpires;

    public RegistrationException(int status, String reason) {
        this(status, reason, null);
    }

    public RegistrationException(int status, String reason, Integer minExpires) {
        super(reason);
        this.status = status;
        this.minExpires = minExpires;
    }

    public int status() {
        return status;
    }

    /** For 423: the Min-Expires value to send. */
    public Integer minExpires() {
        return minExpires;
    }
}
