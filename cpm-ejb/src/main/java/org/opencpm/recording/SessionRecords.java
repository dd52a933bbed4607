package org.opencpm.recording;

import jakarta.activation.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.objects.FileTransferHistoryObject;
import org.opencpm.messagestore.objects.MessageObject;
import org.opencpm.messagestore.objects.ObjectHeaders;
import org.opencpm.messagestore.objects.SessionInfoObject;
import org.opencpm.messagestore.objects.StoredObject;
import org.opencpm.participating.BadMessageException;
import org.opencpm.participating.Payload;
import org.opencpm.participating.PayloadInspector;

/**
 * What a PF records of a session for one of its two users, the owner (OMA CPM SD 5.2.1.2.2-3): the Session Info
 * Object when a chat is established, each chat message and disposition notification exchanged in it, and the file
 * of a file transfer once it arrived whole. Pure.
 * <p>
 * Record keys, from which the objects' {@code Message-ID}s come, are stable: the session's Contribution-ID for its
 * Session Info Object, and the MSRP Message-ID with the side for a message or file, so that a message or a file
 * seen twice (a chunk resent, a transfer resumed) is stored once.
 *
 * @param owner          the owner's address
 * @param otherParty     the other party's authenticated identity ({@link StandaloneRecords#ANONYMOUS} when
 *                       undisclosed); for a session to a group, its sender
 * @param ownerInvited   whether the owner is the inviting user (From of the session) or the invited one
 * @param group          the group's address (or the ad-hoc list's) for a session to a group, null for 1-1
 * @param headerLines    the INVITE's end-to-end headers (Conversation-ID, Contribution-ID, ...)
 * @param sessionId      what identifies the session when the INVITE carried no Contribution-ID
 */
public record SessionRecords(String owner, String otherParty, boolean ownerInvited, String group,
                             List<String> headerLines, String sessionId) {

    public SessionRecords {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(otherParty, "otherParty");
        headerLines = List.copyOf(headerLines);
        Objects.requireNonNull(sessionId, "sessionId");
    }

    /** The inviting user, who is the From of what the session records. */
    private String inviter() {
        return ownerInvited ? owner : otherParty;
    }

    /** The invited users: the other party of a 1-1 session, the group of a session to one. */
    private List<String> invited() {
        return List.of(group != null ? group : ownerInvited ? otherParty : owner);
    }

    /**
     * The session's Contribution-ID, or, when the INVITE carried none (a client that is not a CPM client), the
     * session's own identity on this server: the same for both sides and for every item of the session.
     */
    public String contributionId() {
        String value = header("Contribution-ID");
        return value != null ? value : sessionId;
    }

    /** The session history folder of a 1-1 chat (SD 5.2.1.2.3): in the conversation with the other party. */
    public CpmFolder sessionFolder() {
        return CpmFolder.oneToOne(otherParty).session(contributionId());
    }

    /** Where a file transfer's history goes (SD 5.2.1.2.2): the 1-1 conversation, or the group's. */
    public CpmFolder conversationFolder() {
        if (group == null) {
            return CpmFolder.oneToOne(otherParty);
        }
        String conversationId = header("Conversation-ID");
        return CpmFolder.group(conversationId != null ? conversationId : group);
    }

    /** The Session Info Object of a 1-1 chat established at {@code established}, with the SDP as negotiated. */
    public StoredObject sessionInfo(String sdp, Instant established) {
        return SessionInfoObject.compose("session " + contributionId(), headers(inviter(), invited(), established,
                null), SessionInfoObject.SessionType.ONE_TO_ONE, sdp, invited());
    }

    /**
     * A chat message or disposition notification exchanged in the session, as received; null for what is no
     * conversation item (isComposing, RFC 3994).
     *
     * @param sent whether the owner sent it
     */
    public StoredObject message(boolean sent, String msrpMessageId, String contentType, byte[] body, Instant now) {
        Payload payload;
        try {
            payload = PayloadInspector.inspect(contentType, body);
        } catch (BadMessageException e) {
            // not one the PF reads (another media type, CPIM it cannot parse): recorded as received all the same
            payload = Payload.bare(contentType, false);
        }
        if (payload.transientIndication()) {
            return null;
        }
        ObjectHeaders.Direction direction = direction(sent);
        ObjectHeaders headers = headers(sent ? owner : otherParty, List.of(sent ? otherParty : owner),
                RecordedFields.date(payload.dateTime(), now), direction).withSubject(payload.subject());
        return MessageObject.compose(key("session-message", direction, msrpMessageId), headers, contentType, body,
                payload.imdnMessageId(), null);
    }

    /**
     * The history of a file transfer that completed.
     *
     * @param sent      whether the owner sent the file
     * @param sdpLines  the file's media description lines (RFC 5547 file-selector, file-disposition, ...)
     * @param file      the file as it arrived
     */
    public StoredObject fileTransfer(boolean sent, String msrpMessageId, String sdpLines, String contentType,
                                     DataSource file, Instant established) {
        ObjectHeaders.Direction direction = direction(sent);
        return FileTransferHistoryObject.compose(key("file-transfer", direction, msrpMessageId),
                headers(inviter(), invited(), established, direction),
                group != null ? FileTransferHistoryObject.TransferType.GROUP
                        : FileTransferHistoryObject.TransferType.ONE_TO_ONE,
                invited(), List.of(new FileTransferHistoryObject.TransferredFile(sdpLines, contentType, file)));
    }

    private ObjectHeaders headers(String from, List<String> to, Instant date, ObjectHeaders.Direction direction) {
        return new ObjectHeaders(from, to, date, header("Conversation-ID"), contributionId(),
                header("InReplyTo-Contribution-ID"), null, direction);
    }

    private String key(String kind, ObjectHeaders.Direction direction, String msrpMessageId) {
        return kind + " " + direction.value() + " " + contributionId() + " " + msrpMessageId;
    }

    private static ObjectHeaders.Direction direction(boolean sent) {
        return sent ? ObjectHeaders.Direction.SENT : ObjectHeaders.Direction.RECEIVED;
    }

    private String header(String name) {
        return RecordedFields.header(headerLines, name);
    }
}
