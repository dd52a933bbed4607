package org.opencpm.preference;

/** What the terminating PF does with an incoming standalone message (OMA CPM SD 5.4 B.2, 5.2.2.1.3). */
public enum MessageHandling {
    /** Deliver to each suitable registered client (the default). */
    DELIVER,
    /** Keep it in the deferred queue (5.2.5). */
    DEFER,
    /** Deliver it to the Message Storage Server. */
    STORE,
    /** Forward it to the forward-to address. */
    FORWARD,
    /** Hand it to the Interworking Selection Function. */
    INTERWORK
}
