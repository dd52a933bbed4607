package org.opencpm.messagestore.objects;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * The message object (OMA CPM SD 5.5.1.2 items 1 and 4): one CPM Standalone Message (after reassembly, when it
 * came in chunks, SD 5.2.1.2.1), one CPM Chat Message, or one disposition notification (CPM 2.0 stores each IMDN as
 * an object of its own, SD 4.2). Its body is the message as received, normally the whole CPIM
 * ({@code message/cpim}, imdn headers included), under the common headers plus {@code IMDN-Message-ID} and, for
 * messages recorded from SMS/MMS interworking (SD 5.2.1.2.4), {@code Message-Context}.
 */
public final class MessageObject {

    /** RFC 3458 {@code Message-Context} of a recorded legacy message (protocol-facts.md section 9). */
    public enum Context {
        PAGER_MESSAGE("pager-message"), MULTIMEDIA_MESSAGE("multimedia-message");

        private final String value;

        Context(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private MessageObject() {
    }

    /**
     * @param recordKey     the caller's stable key of this recording (gives the Message-ID)
     * @param contentType   the content's media type, e.g. {@code message/cpim}
     * @param content       the message as received
     * @param imdnMessageId the CPIM {@code imdn.Message-ID}, or null
     * @param context       the legacy message context, or null for CPM messages
     * @throws IllegalArgumentException for unusable input (see {@link StoredObject})
     */
    public static StoredObject compose(String recordKey, ObjectHeaders headers, String contentType, byte[] content,
                                       String imdnMessageId, Context context) {
        try {
            MimeMessage m = MimeObjects.create(recordKey, headers);
            if (imdnMessageId != null) {
                m.setHeader("IMDN-Message-ID",
                        MimeObjects.header("IMDN-Message-ID", imdnMessageId, MimeObjects.MAX_IDENTIFIER_LENGTH));
            }
            if (context != null) {
                m.setHeader("Message-Context", context.value());
            }
            ContentType type = MimeObjects.contentType(contentType);
            m.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type.toString())));
            m.setHeader("Content-Type", type.toString());
            m.setHeader("Content-Transfer-Encoding", MimeObjects.transferEncoding(content, type));
            return MimeObjects.finish(StoredObject.Kind.MESSAGE, m);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("message object not composed: " + e.getMessage(), e);
        }
    }
}
