package org.opencpm.recording;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencpm.messagestore.objects.MessageObject;
import org.opencpm.messagestore.objects.ObjectHeaders;
import org.opencpm.messagestore.objects.StoredObject;
import org.opencpm.participating.StandaloneMessage;

/**
 * A standalone message (or disposition notification) as the message object a PF records (OMA CPM SD 5.2.1.2.1):
 * the message as received under the CPM headers the SIP request carried (Conversation-ID, Contribution-ID,
 * InReplyTo-Contribution-ID, SD 5.2.1.2: the received values), From, To, Date (the CPIM DateTime, else the time of
 * recording) and the direction as seen by the store's owner. Pure.
 * <p>
 * Its record key, from which the object's {@code Message-ID} comes, is the same whenever the same message is
 * recorded for the same side: the sender's identity and the {@code imdn.Message-ID} when there is one (a CPM client
 * gives each message its own), else a hash of the message as received. The deferred-message hand-over uses the same
 * key as the recording of the received message, so a message both recorded and handed over is stored once.
 */
public final class StandaloneRecords {

    /** Who a message from an undisclosed sender is from, in the recipient's store (RFC 3323). */
    public static final String ANONYMOUS = "sip:anonymous@anonymous.invalid";

    private StandaloneRecords() {
    }

    /** The message object of {@code message} for the side {@code direction}. */
    public static StoredObject object(StandaloneMessage message, ObjectHeaders.Direction direction, Instant now) {
        String from = direction == ObjectHeaders.Direction.SENT || !message.anonymous()
                ? Optional.ofNullable(message.blacklistKey()).orElse(ANONYMOUS) : ANONYMOUS;
        ObjectHeaders headers = new ObjectHeaders(from, List.of(message.recipientAddress()),
                RecordedFields.date(message.payload().dateTime(), now), header(message, "Conversation-ID"),
                header(message, "Contribution-ID"), header(message, "InReplyTo-Contribution-ID"),
                message.payload().subject(), direction);
        return MessageObject.compose(recordKey(message, direction), headers, message.contentType(), message.body(),
                message.payload().imdnMessageId(), null);
    }

    /** The folder of the received copy: the 1-1 conversation with the sender, or with nobody when anonymous. */
    public static Conversation receivedOneToOne(StandaloneMessage message) {
        return Conversation.oneToOne(message.anonymous() || message.senderIdentity() == null ? ANONYMOUS
                : message.senderIdentity());
    }

    /** The group conversation a copy of a group or ad-hoc message belongs to. */
    public static Conversation group(StandaloneMessage message, String groupAddress) {
        String conversationId = header(message, "Conversation-ID");
        return Conversation.group(conversationId != null ? conversationId : groupAddress);
    }

    /** The value of the end-to-end SIP header {@code name}, or null. */
    static String header(StandaloneMessage message, String name) {
        return RecordedFields.header(message.headerLines(), name);
    }

    static String recordKey(StandaloneMessage message, ObjectHeaders.Direction direction) {
        String id = message.payload().imdnMessageId();
        String sender = Optional.ofNullable(message.blacklistKey()).orElse("");
        return "standalone " + direction.value() + " " + (id != null ? sender + " " + id : hash(message));
    }

    private static String hash(StandaloneMessage message) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(message.fromHeader().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(message.contentType().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            for (String line : message.headerLines()) {
                sha.update((byte) 0);
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) 0);
            sha.update(message.body());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
