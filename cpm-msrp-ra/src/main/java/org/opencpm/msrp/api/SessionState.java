package org.opencpm.msrp.api;

/** Where a session stands. */
public enum SessionState {
    /** Created: its URI can go into SDP; no connection yet. */
    NEW,
    /** Connecting (active) or waiting for the peer (passive). */
    CONNECTING,
    /** Bound to a connection. */
    CONNECTED,
    /** Closed; see the listener's {@link MsrpSessionListener#onClosed} for why. */
    CLOSED
}
