package org.opencpm.messagestore.objects;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;

/**
 * The Session Info Object (OMA CPM SD 5.5.1.2 item 6), stored when a recorded session is established (SD 5.2.1.2,
 * 5.2.3): in the 1-1 conversation folder for a 1-1 session, in the session history folder for a group session.
 * The common headers say when ({@code Date}), who invited ({@code From}) and the session's Conversation-ID and
 * Contribution-ID; the body is, as in the OMA example, {@code multipart/related; type="Application/X-CPM-Session"}
 * whose root part holds
 * <pre>
 * &lt;session&gt;&lt;session-type&gt;1-1|Group&lt;/session-type&gt;&lt;sdp&gt;...&lt;/sdp&gt;
 * &lt;invited-participants&gt;sip:a;tel:+1...&lt;/invited-participants&gt;&lt;/session&gt;
 * </pre>
 * (element names of the OMA example; the {@code session} root and the type values as the RCS message store client
 * reads them, see docs/message-store.md).
 */
public final class SessionInfoObject {

    public static final String ROOT_TYPE = "Application/X-CPM-Session";

    public enum SessionType {
        ONE_TO_ONE("1-1"), GROUP("Group");

        private final String value;

        SessionType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private SessionInfoObject() {
    }

    /**
     * @param sdp                 the session's SDP (as negotiated), text
     * @param invitedParticipants the invited users' addresses
     * @throws IllegalArgumentException for unusable input (see {@link StoredObject})
     */
    public static StoredObject compose(String recordKey, ObjectHeaders headers, SessionType type, String sdp,
                                       List<String> invitedParticipants) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<session>");
        xml.append("<session-type>").append(type.value()).append("</session-type>");
        xml.append("<sdp>");
        MimeObjects.xmlText(xml, sdp(sdp)).append("</sdp>");
        xml.append("<invited-participants>");
        MimeObjects.xmlText(xml, String.join(";",
                MimeObjects.checkedAll("invited participant", invitedParticipants))).append("</invited-participants>");
        xml.append("</session>\r\n");
        try {
            MimeMessage m = MimeObjects.create(recordKey, headers);
            MimeBodyPart root = new MimeBodyPart();
            root.setContent(xml.toString(), ROOT_TYPE + "; charset=UTF-8");
            MimeMultipart related = MimeObjects.related(ROOT_TYPE);
            related.addBodyPart(root);
            m.setContent(related);
            return MimeObjects.finish(StoredObject.Kind.SESSION_INFO, m);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Session Info Object not composed: " + e.getMessage(), e);
        }
    }

    /** SDP keeps its line structure; it is bounded and must not be empty. */
    static String sdp(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new IllegalArgumentException("the session's SDP is required");
        }
        if (sdp.length() > MimeObjects.MAX_SDP_LENGTH) {
            throw new IllegalArgumentException("SDP longer than " + MimeObjects.MAX_SDP_LENGTH + " characters");
        }
        return sdp;
    }
}
