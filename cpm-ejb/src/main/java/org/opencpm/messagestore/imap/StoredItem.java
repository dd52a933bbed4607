package org.opencpm.messagestore.imap;

import java.time.Instant;
import java.util.List;

/**
 * An object in a CPM folder as its headers describe it (OMA CPM SD 5.5.1.2; the headers of
 * {@link org.opencpm.messagestore.objects.ObjectHeaders}). Header values are as stored, RFC 2047 words decoded,
 * unfolded, control characters made spaces and cut at {@value StoredConversations#MAX_VALUE_LENGTH} characters;
 * null when the object has no such header.
 *
 * @param uid                     its UID in the folder
 * @param messageId               {@code Message-ID}
 * @param contentType             {@code Content-Type}
 * @param from                    {@code From}
 * @param to                      {@code To}
 * @param date                    {@code Date}, or null when absent or not a date
 * @param subject                 {@code Subject}
 * @param conversationId          {@code Conversation-ID}
 * @param contributionId          {@code Contribution-ID}
 * @param inReplyToContributionId {@code InReplyTo-Contribution-ID}
 * @param imdnMessageId           {@code IMDN-Message-ID}
 * @param direction               {@code Message-Direction}: {@code sent} or {@code received} as the PF writes it
 * @param size                    its size in octets ({@code RFC822.SIZE})
 * @param flags                   system flags ({@code \Seen}, ...) and keywords ({@code $CpmTemporary}, ...)
 * @param excerpt                 the start of its text, for text bodies; null for other objects
 */
public record StoredItem(long uid, String messageId, String contentType, String from, String to, Instant date,
                         String subject, String conversationId, String contributionId,
                         String inReplyToContributionId, String imdnMessageId, String direction, int size,
                         List<String> flags, Excerpt excerpt) {

    public StoredItem {
        flags = List.copyOf(flags);
    }

    /**
     * The start of an object's text: a {@code text/*} body, or the {@code text/*} content of a {@code message/cpim}.
     *
     * @param text      at most 500 characters ({@code Excerpts}), line ends as {@code \n}, control characters
     *                  made spaces
     * @param truncated whether the text goes on
     */
    public record Excerpt(String text, boolean truncated) {
    }
}
