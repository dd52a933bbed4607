package org.opencpm.messagestore.objects;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Group State Object (OMA CPM SD 5.5.1.2 item 5): the participants and type of a group session, stored in
 * its session history folder at the session's end (SD 5.2.3: the client reads it to restart a long-lived group
 * whose focus is gone). {@code application/group-state-object+xml} (protocol-facts.md section 9):
 * <pre>
 * &lt;groupstate timestamp="2025-06-03T10:00:00Z" lastfocussessionid="sip:..." group-type="closed"&gt;
 *   &lt;participant name="..." comm-addr="tel:+1..."/&gt;
 * &lt;/groupstate&gt;
 * </pre>
 */
public final class GroupStateObject {

    public static final String CONTENT_TYPE = "application/group-state-object+xml";

    public enum GroupType {
        OPEN("open"), CLOSED("closed");

        private final String value;

        GroupType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** A participant: a display name (may be empty) and the communication address. */
    public record Participant(String name, String address) {
    }

    private GroupStateObject() {
    }

    /**
     * @param timestamp          when this state held (the session's end)
     * @param lastFocusSessionId the conference (focus) URI last used, to re-join the group
     * @throws IllegalArgumentException for unusable input (see {@link StoredObject})
     */
    public static StoredObject compose(String recordKey, ObjectHeaders headers, Instant timestamp,
                                       String lastFocusSessionId, GroupType type, List<Participant> participants) {
        if (participants.size() > MimeObjects.MAX_ADDRESSES) {
            throw new IllegalArgumentException("more than " + MimeObjects.MAX_ADDRESSES + " participants");
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<groupstate timestamp=\"");
        xml.append(DateTimeFormatter.ISO_INSTANT.format(timestamp.atOffset(ZoneOffset.UTC))).append("\" lastfocussessionid=\"");
        MimeObjects.xmlAttribute(xml, MimeObjects.checked("lastfocussessionid", lastFocusSessionId,
                MimeObjects.MAX_ADDRESS_LENGTH)).append("\" group-type=\"").append(type.value()).append("\">\r\n");
        for (Participant p : participants) {
            xml.append("<participant name=\"");
            MimeObjects.xmlAttribute(xml, p.name() == null ? "" : MimeObjects.clean(p.name()))
                    .append("\" comm-addr=\"");
            MimeObjects.xmlAttribute(xml, MimeObjects.checked("participant address", p.address(),
                    MimeObjects.MAX_ADDRESS_LENGTH)).append("\"/>\r\n");
        }
        xml.append("</groupstate>\r\n");
        try {
            MimeMessage m = MimeObjects.create(recordKey, headers);
            m.setContent(xml.toString(), CONTENT_TYPE + "; charset=UTF-8");
            return MimeObjects.finish(StoredObject.Kind.GROUP_STATE, m);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Group State Object not composed: " + e.getMessage(), e);
        }
    }
}
