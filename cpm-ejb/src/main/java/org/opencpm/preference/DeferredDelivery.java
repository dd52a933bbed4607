package org.opencpm.preference;

/** How deferred messages reach the user (OMA CPM SD 5.2.5). */
public enum DeferredDelivery {
    /** Push them when a suitable client registers (5.2.5.2). */
    PUSH,
    /** Send an in-band notification and wait for the client to retrieve them (5.2.5.1). */
    NOTIFY,
    /** Hand them over to the Message Storage Server (5.2.5.3). */
    STORE
}
