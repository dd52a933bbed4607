package org.opencpm.msrp.api;

/** Why a session closed. */
public enum CloseReason {
    /** The application closed it. */
    LOCAL,
    /** The TCP connection it was bound to dropped or broke. */
    CONNECTION_LOST,
    /** It could not be connected: the connection could not be opened, the binding SEND failed, or no peer bound. */
    CONNECT_FAILED,
    /** The other leg of its bridge closed, the source of its fan-out closed, or every target of its fan-out left. */
    BRIDGE_CLOSED,
    /**
     * As a fan-out target, it failed a message: a chunk refused or left unanswered, or a failure REPORT from its
     * peer. The fan-out goes on without it.
     */
    DELIVERY_FAILED,
    /** The connector stopped. */
    STOPPED
}
