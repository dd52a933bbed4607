package org.opencpm.messagestore.objects;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The stand-alone media object (OMA CPM SD 5.5.1.2 item 3): media on its own (e.g. media of a recorded session,
 * SD 5.2.1.2), wrapped as MIME with its content type, base64, under the common headers; the file name, when known,
 * in {@code Content-Disposition}.
 */
public final class MediaObject {

    private MediaObject() {
    }

    /**
     * @param fileName the media's file name, or null
     * @throws IllegalArgumentException for unusable input (see {@link StoredObject})
     */
    public static StoredObject compose(String recordKey, ObjectHeaders headers, String contentType, String fileName,
                                       DataSource content) {
        try {
            MimeMessage m = MimeObjects.create(recordKey, headers);
            String mediaType = MimeObjects.contentType(contentType).toString();
            m.setDataHandler(new DataHandler(new TypedSource(content, mediaType)));
            m.setHeader("Content-Type", mediaType);
            m.setHeader("Content-Transfer-Encoding", "base64");
            m.setDisposition(Part.ATTACHMENT);
            if (fileName != null && !MimeObjects.clean(fileName).isEmpty()) {
                m.setFileName(MimeObjects.checked("file name", fileName, MimeObjects.MAX_IDENTIFIER_LENGTH));
            }
            return MimeObjects.finish(StoredObject.Kind.MEDIA, m);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("media object not composed: " + e.getMessage(), e);
        }
    }
}
