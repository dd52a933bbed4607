package org.opencpm.msrp.api;

/** Why a session closed. */
public enum CloseReason {
    /** The application closed it. */
    LOCAL,
    /** The TCP connection it was bound to dropped or broke. */
    CONNECTION_LOST,
    /** It could not be connected: the connection could not be opened, the binding SEND failed, or no peer bound. */
    CONNECT_FAILED,
    /** The other leg of its bridge closed. */
    BRIDGE_CLOSED,
    /** The connector stopped. */
    STOPPED
}
