package org.opencpm.messagestore.objects;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An object of the CPM message store composed as an IMAP message (OMA CPM SD 5.5.1.2), ready to be stored.
 * <p>
 * Its {@code Message-ID} is derived from the caller's record key alone, so composing the same recording again
 * (a retry) gives the same identifier, and the writer can tell that the object is already stored.
 * <p>
 * All composers treat their input as untrusted: header values lose control characters (a CR or LF cannot start a
 * header of its own), non-ASCII is written as RFC 2047 encoded words, over-long identifiers and lists are refused
 * ({@link IllegalArgumentException}), XML text is escaped and characters XML cannot carry are replaced.
 *
 * @param kind      which object of the model
 * @param messageId the stable {@code Message-ID}, with its angle brackets
 * @param message   the composed message, saved; not to be changed
 */
public record StoredObject(Kind kind, String messageId, MimeMessage message) {

    /** The stored objects of SD 5.5.1.2. */
    public enum Kind {
        /** A standalone message, a chat message or a disposition notification. */
        MESSAGE,
        /** The SIP session information of a recorded session. */
        SESSION_INFO,
        /** The participants and type of a group session at its end. */
        GROUP_STATE,
        /** A file transfer with its file(s). */
        FILE_TRANSFER_HISTORY,
        /** Media on its own, wrapped as MIME. */
        MEDIA
    }

    /** The object as the bytes an IMAP APPEND carries. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            message.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("a composed object cannot be written: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
