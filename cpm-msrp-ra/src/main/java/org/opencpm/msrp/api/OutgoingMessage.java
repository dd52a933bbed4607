package org.opencpm.msrp.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencpm.msrp.chunk.ChunkSplitter;
import org.opencpm.msrp.codec.FailureReport;
import org.opencpm.msrp.codec.MsrpHeader;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.SuccessReport;

/**
 * A message to send on a session: its content type, a source read once chunk by chunk, its size when known, and
 * the report headers. Report headers left unset are not written and take their RFC 4975 defaults
 * (Success-Report {@code no}, Failure-Report {@code yes}).
 */
public final class OutgoingMessage {

    private final String contentType;
    private final InputStream source;
    private final long size;
    private final long alreadySent;
    private final String messageId;
    private final SuccessReport successReport;
    private final FailureReport failureReport;
    private final List<MsrpHeader> headers;

    private OutgoingMessage(Builder b) {
        this.contentType = b.contentType;
        this.source = b.source;
        this.size = b.size;
        this.alreadySent = b.alreadySent;
        this.messageId = b.messageId;
        this.successReport = b.successReport;
        this.failureReport = b.failureReport;
        this.headers = List.copyOf(b.headers);
    }

    /** A short message held in memory. */
    public static OutgoingMessage of(String contentType, byte[] body) {
        return builder(contentType, new ByteArrayInputStream(body), body.length).build();
    }

    /**
     * A message read from {@code source}.
     *
     * @param size its length, or {@link ChunkSplitter#UNKNOWN_SIZE} ({@code Byte-Range} totals then read {@code *}
     *     until the last chunk)
     */
    public static Builder builder(String contentType, InputStream source, long size) {
        return new Builder(contentType, source, size);
    }

    public String contentType() {
        return contentType;
    }

    public InputStream source() {
        return source;
    }

    public long size() {
        return size;
    }

    /** Bytes delivered before, in an earlier session: the source starts after them and so do the ranges. */
    public long alreadySent() {
        return alreadySent;
    }

    /** The Message-ID to use, for a resumed transfer; a fresh one otherwise. */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    public Optional<SuccessReport> successReport() {
        return Optional.ofNullable(successReport);
    }

    public Optional<FailureReport> failureReport() {
        return Optional.ofNullable(failureReport);
    }

    /** MIME headers of the content (Content-Disposition, ...) and extension headers, in order. */
    public List<MsrpHeader> headers() {
        return headers;
    }

    /** Builds an {@link OutgoingMessage}. */
    public static final class Builder {

        private final String contentType;
        private final InputStream source;
        private final long size;
        private long alreadySent;
        private String messageId;
        private SuccessReport successReport;
        private FailureReport failureReport;
        private final List<MsrpHeader> headers = new ArrayList<>();

        private Builder(String contentType, InputStream source, long size) {
            // Checked as the frame will be: a malformed type fails here, not half-way through a transfer.
            MsrpHeaders.builder().contentType(Objects.requireNonNull(contentType, "contentType"));
            if (size < ChunkSplitter.UNKNOWN_SIZE) {
                throw new IllegalArgumentException("size < 0");
            }
            this.contentType = contentType;
            this.source = Objects.requireNonNull(source, "source");
            this.size = size;
        }

        public Builder successReport(SuccessReport value) {
            this.successReport = value;
            return this;
        }

        public Builder failureReport(FailureReport value) {
            this.failureReport = value;
            return this;
        }

        /** Continues a message of which {@code sent} bytes arrived before, under its old Message-ID. */
        public Builder resume(String id, long sent) {
            MsrpHeaders.builder().messageId(Objects.requireNonNull(id, "id"));
            if (sent < 0 || size != ChunkSplitter.UNKNOWN_SIZE && sent > size) {
                throw new IllegalArgumentException("bytes sent outside the message");
            }
            this.messageId = id;
            this.alreadySent = sent;
            return this;
        }

        /**
         * Adds a MIME or extension header.
         *
         * @throws IllegalArgumentException for a header with a setter of its own, or a malformed one
         */
        public Builder header(String name, String value) {
            MsrpHeaders.builder().header(name, value);
            headers.add(new MsrpHeader(name, value));
            return this;
        }

        public OutgoingMessage build() {
            return new OutgoingMessage(this);
        }
    }
}
