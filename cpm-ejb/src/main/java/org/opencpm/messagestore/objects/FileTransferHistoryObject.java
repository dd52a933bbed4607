package org.opencpm.messagestore.objects;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;

/**
 * The file transfer history object (OMA CPM SD 5.5.1.2 item 2), stored when a recorded file transfer completes
 * (SD 5.2.1.2.2): when it was established ({@code Date}), who invited ({@code From}), the invited users, and the
 * file(s). As in the OMA example, {@code multipart/related; type="Application/X-CPM-File-Transfer"}: a root part
 * <pre>
 * &lt;file-transfer&gt;&lt;file-transfer-type&gt;1-1|Group&lt;/file-transfer-type&gt;
 * &lt;invited-participants&gt;sip:a;tel:+1...&lt;/invited-participants&gt;
 * &lt;file-object&gt;&lt;cid&gt;cid:...&lt;/cid&gt;&lt;sdp&gt;a=file-selector:... a=file-disposition:...&lt;/sdp&gt;&lt;/file-object&gt;
 * &lt;/file-transfer&gt;
 * </pre>
 * then one part per file, base64, with the {@code Content-ID} its {@code file-object} names. The OMA example's
 * elements have no common root; {@code file-transfer} is ours, so that the part is a well-formed XML document.
 */
public final class FileTransferHistoryObject {

    public static final String ROOT_TYPE = "Application/X-CPM-File-Transfer";
    static final int MAX_FILES = 100;

    public enum TransferType {
        ONE_TO_ONE("1-1"), GROUP("Group");

        private final String value;

        TransferType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * One transferred file.
     *
     * @param sdp         its media description lines (RFC 5547 {@code a=file-selector}, {@code a=file-disposition},
     *                    ...)
     * @param contentType its media type (the file-selector's {@code type})
     * @param content     the reassembled file
     */
    public record TransferredFile(String sdp, String contentType, DataSource content) {
    }

    private FileTransferHistoryObject() {
    }

    /**
     * @throws IllegalArgumentException for unusable input (see {@link StoredObject})
     */
    public static StoredObject compose(String recordKey, ObjectHeaders headers, TransferType type,
                                       List<String> invitedParticipants, List<TransferredFile> files) {
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw new IllegalArgumentException("a file transfer has 1 to " + MAX_FILES + " files");
        }
        String objectId = MimeObjects.messageId(recordKey);
        String idRight = objectId.substring(1, objectId.length() - 1);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<file-transfer>");
        xml.append("<file-transfer-type>").append(type.value()).append("</file-transfer-type>");
        xml.append("<invited-participants>");
        MimeObjects.xmlText(xml, String.join(";",
                MimeObjects.checkedAll("invited participant", invitedParticipants))).append("</invited-participants>");
        try {
            MimeMultipart related = MimeObjects.related(ROOT_TYPE);
            MimeBodyPart root = new MimeBodyPart();
            related.addBodyPart(root);
            for (int i = 0; i < files.size(); i++) {
                TransferredFile file = files.get(i);
                String contentId = "file" + (i + 1) + "." + idRight;
                xml.append("<file-object><cid>cid:").append(contentId).append("</cid><sdp>");
                MimeObjects.xmlText(xml, SessionInfoObject.sdp(file.sdp())).append("</sdp></file-object>");
                MimeBodyPart part = new MimeBodyPart();
                String mediaType = MimeObjects.contentType(file.contentType()).toString();
                part.setDataHandler(new DataHandler(new TypedSource(file.content(), mediaType)));
                part.setHeader("Content-Type", mediaType);
                part.setHeader("Content-Transfer-Encoding", "base64");
                part.setContentID("<" + contentId + ">");
                related.addBodyPart(part);
            }
            xml.append("</file-transfer>\r\n");
            root.setContent(xml.toString(), ROOT_TYPE + "; charset=UTF-8");
            MimeMessage m = MimeObjects.create(recordKey, headers);
            m.setContent(related);
            return MimeObjects.finish(StoredObject.Kind.FILE_TRANSFER_HISTORY, m);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("file transfer history object not composed: " + e.getMessage(), e);
        }
    }
}
