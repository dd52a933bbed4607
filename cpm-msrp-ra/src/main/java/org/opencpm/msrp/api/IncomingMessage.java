package org.opencpm.msrp.api;

import java.util.Objects;
import java.util.OptionalLong;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.MsrpHeaders;

/**
 * A message arriving on a session, as its first chunk to arrive describes it.
 *
 * @param messageId its Message-ID
 * @param contentType its Content-Type, parameters included
 * @param headers the headers of that first chunk, MIME headers such as Content-Disposition included
 */
public record IncomingMessage(String messageId, String contentType, MsrpHeaders headers) {

    public IncomingMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(headers, "headers");
    }

    /** The size the sender announced in the Byte-Range total, if it did. */
    public OptionalLong declaredSize() {
        return headers.byteRange().filter(ByteRange::hasTotal).map(r -> OptionalLong.of(r.total()))
                .orElse(OptionalLong.empty());
    }
}
