package org.opencpm.msrp.api;

import java.util.Objects;
import org.opencpm.msrp.codec.MsrpStatus;

/** A listener's refusal of an incoming message, with the status its sender gets. */
public final class MessageRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final MsrpStatus status;

    public MessageRefusedException(MsrpStatus status, String reason) {
        super(reason);
        this.status = Objects.requireNonNull(status, "status");
        if (status == MsrpStatus.OK || status == MsrpStatus.REQUEST_TIMEOUT) {
            throw new IllegalArgumentException(status + " is no refusal");
        }
    }

    public MsrpStatus status() {
        return status;
    }
}
