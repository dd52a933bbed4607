package org.opencpm.rest.deferral;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.deferral.QueuedMessage;

/** A deferred message with everything it will be delivered with: the summary, its headers and its body. */
@Schema(name = "DeferredMessage")
@JsonbPropertyOrder({"id", "from", "sender", "subject", "contentType", "size", "notification", "imdnMessageId",
        "dispositionRequest", "deferredAt", "expiresAt", "attempts", "headers", "body", "base64"})
public record DeferredDetail(
        @Schema(description = "Queue identity of the message", format = "uuid")
        String id,
        @Schema(description = "The SIP From value it will be delivered with", example = "<sip:bob@opencpm.test>")
        String from,
        @Schema(description = "The sender's authenticated address, absent when the sender is anonymous")
        String sender,
        String subject,
        String contentType,
        @Schema(description = "Body size in bytes")
        int size,
        @Schema(description = "True for a deferred disposition notification (RFC 5438), false for a message")
        boolean notification,
        @Schema(description = "The CPIM imdn.Message-ID, when there is one")
        String imdnMessageId,
        @Schema(description = "The disposition notifications the sender asked for, when any")
        String dispositionRequest,
        Instant deferredAt,
        Instant expiresAt,
        @Schema(description = "How many deliveries have claimed it so far")
        int attempts,
        @Schema(description = "End-to-end SIP headers it will be delivered with, as \"Name: value\", in order")
        List<String> headers,
        @Schema(description = "The body: text for textual content types, else base64")
        String body,
        @Schema(description = "True when body is base64-encoded")
        boolean base64) {

    static DeferredDetail of(QueuedMessage queued) {
        DeferredMessage m = queued.message();
        BodyText body = BodyText.of(m.contentType(), m.body());
        return new DeferredDetail(m.id().toString(), m.fromHeader(), m.senderIdentity(), m.subject(),
                m.contentType(), m.body().length, m.notification(), m.imdnMessageId(), m.dispositionRequest(),
                m.deferredAt(), m.expiresAt(), queued.attempts(), m.headerLines(), body.text(), body.base64());
    }
}
