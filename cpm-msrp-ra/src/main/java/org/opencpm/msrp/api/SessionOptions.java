package org.opencpm.msrp.api;

import java.util.Objects;

/**
 * How a new session behaves.
 *
 * @param listener the listener of the session's events, or null when {@code application} names one
 * @param application the name of an activated endpoint that gets the events (in WildFly a message-driven bean
 *     activated on the MSRP resource adapter with that {@code applicationName}), or null
 * @param reuseConnections whether an active session may share a connection this side opened to the same host and
 *     port (RFC 4975 sec 5.4); false after an SDP {@code a=connection:new}
 */
public record SessionOptions(MsrpSessionListener listener, String application, boolean reuseConnections) {

    public SessionOptions {
        if ((listener == null) == (application == null)) {
            throw new IllegalArgumentException("a session takes either a listener or an application name");
        }
    }

    /** Events to {@code listener}, connections shared. */
    public static SessionOptions of(MsrpSessionListener listener) {
        return new SessionOptions(Objects.requireNonNull(listener, "listener"), null, true);
    }

    /** Events to the endpoint activated as {@code application}, connections shared. */
    public static SessionOptions forApplication(String application) {
        return new SessionOptions(null, Objects.requireNonNull(application, "application"), true);
    }

    /** The same options with connection reuse on or off. */
    public SessionOptions withReuseConnections(boolean reuse) {
        return new SessionOptions(listener, application, reuse);
    }
}
