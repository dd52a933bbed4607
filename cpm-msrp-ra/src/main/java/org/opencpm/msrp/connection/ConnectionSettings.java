package org.opencpm.msrp.connection;

/**
 * How connections are opened and read.
 *
 * @param connectTimeoutMillis how long opening a connection may take
 * @param socketBufferBytes the socket send and receive buffer sizes, 0 for the system's (which on loopback grow to
 *     megabytes: tests set a small one to see back-pressure reach the sender)
 * @param readBufferBytes the buffer the reader fills from the socket; body pieces are at most this long
 * @param maxControlBacklog responses and REPORTs one connection may hold unwritten before its peer counts as not
 *     reading and the connection is closed
 */
public record ConnectionSettings(int connectTimeoutMillis, int socketBufferBytes, int readBufferBytes,
        int maxControlBacklog) {

    public ConnectionSettings {
        if (connectTimeoutMillis < 1 || socketBufferBytes < 0 || readBufferBytes < 512 || maxControlBacklog < 1) {
            throw new IllegalArgumentException("connection settings out of range");
        }
    }
}
