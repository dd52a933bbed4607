package org.opencpm.rest.deferral;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.deferral.QueuedMessage;

/** A deferred message in a listing: what it is and where it stands, without its content. */
@Schema(name = "DeferredMessageSummary")
@JsonbPropertyOrder({"id", "from", "subject", "contentType", "size", "notification", "deferredAt", "expiresAt",
        "attempts"})
public record DeferredSummary(
        @Schema(description = "Queue identity of the message", format = "uuid")
        String id,
        @Schema(description = "The SIP From value it will be delivered with", example = "<sip:bob@opencpm.test>")
        String from,
        @Schema(description = "Subject, when the message has one")
        String subject,
        @Schema(description = "SIP Content-Type of the body", example = "message/cpim")
        String contentType,
        @Schema(description = "Body size in bytes")
        int size,
        @Schema(description = "True for a deferred disposition notification (RFC 5438), false for a message")
        boolean notification,
        Instant deferredAt,
        @Schema(description = "When it expires undelivered")
        Instant expiresAt,
        @Schema(description = "How many deliveries have claimed it so far")
        int attempts) {

    static DeferredSummary of(QueuedMessage queued) {
        DeferredMessage m = queued.message();
        return new DeferredSummary(m.id().toString(), m.fromHeader(), m.subject(), m.contentType(), m.body().length,
                m.notification(), m.deferredAt(), m.expiresAt(), queued.attempts());
    }
}
