package org.opencpm.msrp.stack;

import java.util.Objects;
import org.opencpm.msrp.connection.ConnectionSettings;
import org.opencpm.msrp.session.SessionLimits;

/**
 * Everything an {@link MsrpStack} is configured with.
 *
 * @param host the address the listener binds to, also the host of every local session URI: it must be one the
 *     peers can reach
 * @param port the listener's port; 0 takes any free one (tests)
 * @param connections how connections are opened and read
 * @param sessions the bounds and timers of sessions
 */
public record StackConfig(String host, int port, ConnectionSettings connections, SessionLimits sessions) {

    public StackConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(sessions, "sessions");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a config from the defaults below, each changeable. */
    public static final class Builder {

        private String host = "127.0.0.1";
        /** The port IANA registered for MSRP. */
        private int port = 2855;
        private int connectTimeoutMillis = 10_000;
        private int socketBufferBytes;
        private int readBufferBytes = 16 * 1024;
        private int maxControlBacklog = 4096;
        /** The chunk size of the GSMA RCS reference stack: 10 KiB. */
        private int chunkSize = 10 * 1024;
        private long queueBytes = 256 * 1024;
        /** RFC 4975 sec 7.1.1: 30 seconds without a response is a 408. */
        private long transactionTimeoutMillis = 30_000;
        private long bindTimeoutMillis = 30_000;
        private long maxMessageSize = 1L << 30;
        private int maxMessagesInProgress = 16;
        private int relaySliceBytes = 64 * 1024;
        private int maxOutstanding = 1024;

        private Builder() {
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder connectTimeoutMillis(int value) {
            this.connectTimeoutMillis = value;
            return this;
        }

        public Builder socketBufferBytes(int value) {
            this.socketBufferBytes = value;
            return this;
        }

        public Builder readBufferBytes(int value) {
            this.readBufferBytes = value;
            return this;
        }

        public Builder maxControlBacklog(int value) {
            this.maxControlBacklog = value;
            return this;
        }

        public Builder chunkSize(int value) {
            this.chunkSize = value;
            return this;
        }

        public Builder queueBytes(long value) {
            this.queueBytes = value;
            return this;
        }

        public Builder transactionTimeoutMillis(long value) {
            this.transactionTimeoutMillis = value;
            return this;
        }

        public Builder bindTimeoutMillis(long value) {
            this.bindTimeoutMillis = value;
            return this;
        }

        public Builder maxMessageSize(long value) {
            this.maxMessageSize = value;
            return this;
        }

        public Builder maxMessagesInProgress(int value) {
            this.maxMessagesInProgress = value;
            return this;
        }

        public Builder relaySliceBytes(int value) {
            this.relaySliceBytes = value;
            return this;
        }

        public Builder maxOutstanding(int value) {
            this.maxOutstanding = value;
            return this;
        }

        /** @throws IllegalArgumentException for a value out of range */
        public StackConfig build() {
            return new StackConfig(host, port,
                    new ConnectionSettings(connectTimeoutMillis, socketBufferBytes, readBufferBytes,
                            maxControlBacklog),
                    new SessionLimits(chunkSize, queueBytes, transactionTimeoutMillis, bindTimeoutMillis,
                            maxMessageSize, maxMessagesInProgress, relaySliceBytes, maxOutstanding));
        }
    }
}
