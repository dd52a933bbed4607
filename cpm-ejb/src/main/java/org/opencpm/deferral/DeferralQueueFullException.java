package org.opencpm.deferral;

/** The recipient's deferred queue holds as many messages as the service provider allows per user. */
public class DeferralQueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String recipient;

    public DeferralQueueFullException(String recipient, int limit) {
        super("The deferred queue of " + recipient + " is full (" + limit + " messages)");
        this.recipient = recipient;
    }

    public String recipient() {
        return recipient;
    }
}
