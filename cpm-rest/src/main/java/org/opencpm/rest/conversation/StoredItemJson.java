package org.opencpm.rest.conversation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.messagestore.imap.StoredItem;

/**
 * An object of a folder (OMA CPM SD 5.5.1.2: message, Session Info, Group State, file transfer history, media) as
 * its headers describe it. Header values are as stored, decoded, control characters made spaces, at most 1000
 * characters; absent when the object has no such header.
 */
@Schema(name = "StoredItem")
@JsonbPropertyOrder({"uid", "messageId", "contentType", "from", "to", "date", "subject", "conversationId",
        "contributionId", "inReplyToContributionId", "imdnMessageId", "direction", "size", "flags", "excerpt"})
public record StoredItemJson(
        @Schema(description = "Its IMAP UID in the folder")
        long uid,
        @Schema(description = "Message-ID", example = "<0f2d9b110b7c6f7e3c1a4a559a4c6f1e@opencpm>")
        String messageId,
        @Schema(description = "Content-Type", example = "message/cpim")
        String contentType,
        @Schema(description = "From", example = "sip:alice@opencpm.test")
        String from,
        @Schema(description = "To, as stored (addresses separated by commas)", example = "sip:bob@opencpm.test")
        String to,
        @Schema(description = "Date; absent when missing or not a date")
        Instant date,
        @Schema(description = "Subject")
        String subject,
        @Schema(description = "Conversation-ID")
        String conversationId,
        @Schema(description = "Contribution-ID")
        String contributionId,
        @Schema(description = "InReplyTo-Contribution-ID")
        String inReplyToContributionId,
        @Schema(description = "IMDN-Message-ID: the message's imdn.Message-ID")
        String imdnMessageId,
        @Schema(description = "Message-Direction, as the user saw it", example = "sent")
        String direction,
        @Schema(description = "Size of the whole object in octets")
        int size,
        @Schema(description = "IMAP system flags and keywords", example = "[\"\\\\Seen\", \"$CpmTemporary\"]")
        List<String> flags,
        @Schema(description = "The start of its text, for text/* bodies and message/cpim with text inside; absent "
                + "otherwise")
        ExcerptJson excerpt) {

    static StoredItemJson of(StoredItem item) {
        return new StoredItemJson(item.uid(), item.messageId(), item.contentType(), item.from(), item.to(),
                item.date(), item.subject(), item.conversationId(), item.contributionId(),
                item.inReplyToContributionId(), item.imdnMessageId(), item.direction(), item.size(), item.flags(),
                item.excerpt() == null ? null : new ExcerptJson(item.excerpt().text(), item.excerpt().truncated()));
    }

    /** The start of an object's text. */
    @Schema(name = "StoredItemExcerpt")
    @JsonbPropertyOrder({"text", "truncated"})
    public record ExcerptJson(
            @Schema(description = "At most 500 characters; line ends as \\n, control characters as spaces")
            String text,
            @Schema(description = "Whether the text goes on")
            boolean truncated) {
    }
}
