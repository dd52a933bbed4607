package org.opencpm.preference;

/** Multi-device delivery policy for standalone messages (OMA CPM SD 5.1.5 items 1 and 2). */
public enum MultiDevicePolicy {
    /** Every suitable registered client gets the message. */
    ALL,
    /** Clients are tried one after the other; the first that accepts is the only one to get it. */
    FIRST_ACCEPTING
}
