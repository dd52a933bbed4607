package org.opencpm.messagestore.objects;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The headers every stored object carries (OMA CPM SD 5.2.1.2: the PF includes the received Conversation-ID,
 * Contribution-ID and InReplyTo-Contribution-ID in what it records; the header names and the RCS
 * {@code Message-Direction} as in {@code ../shared/design/protocol-facts.md} section 9). Values are the received
 * ones; the composers make them safe for a MIME header (see {@link StoredObject}).
 *
 * @param from                     {@code From}: the sender, or the inviting user of a session or file transfer
 * @param to                       {@code To}: the recipients (may be empty)
 * @param date                     {@code Date}: when the message was sent, the session or transfer established
 * @param conversationId           {@code Conversation-ID}, or null when the message carried none (a client that is
 *                                 not a CPM client)
 * @param contributionId           {@code Contribution-ID}, or null likewise
 * @param inReplyToContributionId  {@code InReplyTo-Contribution-ID}, or null
 * @param subject                  {@code Subject}, or null
 * @param direction                {@code Message-Direction} as seen by the store's owner, or null
 */
public record ObjectHeaders(String from, List<String> to, Instant date, String conversationId, String contributionId,
                            String inReplyToContributionId, String subject, Direction direction) {

    /** RCS {@code Message-Direction}: whether the store's owner sent or received the item. */
    public enum Direction {
        SENT("sent"), RECEIVED("received");

        private final String value;

        Direction(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public ObjectHeaders {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(date, "date");
    }

    /** The required headers; the optional ones are added with the {@code with...} methods. */
    public static ObjectHeaders of(String from, List<String> to, Instant date, String conversationId,
                                   String contributionId) {
        return new ObjectHeaders(from, to, date, conversationId, contributionId, null, null, null);
    }

    public ObjectHeaders withInReplyTo(String inReplyToContributionId) {
        return new ObjectHeaders(from, to, date, conversationId, contributionId, inReplyToContributionId, subject,
                direction);
    }

    public ObjectHeaders withSubject(String subject) {
        return new ObjectHeaders(from, to, date, conversationId, contributionId, inReplyToContributionId, subject,
                direction);
    }

    public ObjectHeaders withDirection(Direction direction) {
        return new ObjectHeaders(from, to, date, conversationId, contributionId, inReplyToContributionId, subject,
                direction);
    }
}
