package org.opencpm.message.imdn;

import java.util.Objects;
import java.util.Optional;
import org.opencpm.message.SafeXml;

/**
 * A {@code message/imdn+xml} document (RFC 5438): which message it is about ({@code messageId}, {@code dateTime}
 * of that message), for which recipient, and one notification with its status, held as the status element's name
 * ({@code delivered}, {@code displayed}, ...). {@code recipientUri}, {@code originalRecipientUri} and
 * {@code subject} are optional and null when absent. The constructor checks that the status belongs to the type.
 */
public record ImdnDocument(String messageId, String dateTime, String recipientUri, String originalRecipientUri,
        String subject, NotificationType type, String status) {

    public static final String MEDIA_TYPE = "message/imdn+xml";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:imdn";
    /** Largest document accepted; real ones are a few hundred bytes. */
    public static final int MAX_SIZE = 64 * 1024;

    public ImdnDocument {
        if (messageId == null || messageId.isBlank()) {
            throw new ImdnFormatException("IMDN message-id missing");
        }
        if (dateTime == null || dateTime.isBlank()) {
            throw new ImdnFormatException("IMDN datetime missing");
        }
        Objects.requireNonNull(type, "type");
        type.checkStatus(status);
        for (String text : new String[] {messageId, dateTime, recipientUri, originalRecipientUri, subject}) {
            if (text != null && !SafeXml.canCarry(text)) {
                throw new ImdnFormatException("IMDN text has a character XML cannot carry");
            }
        }
    }

    public static ImdnDocument delivery(String messageId, String dateTime, String recipientUri,
            String originalRecipientUri, DeliveryStatus status) {
        return new ImdnDocument(messageId, dateTime, recipientUri, originalRecipientUri, null,
                NotificationType.DELIVERY, status.xmlName());
    }

    public static ImdnDocument display(String messageId, String dateTime, String recipientUri,
            String originalRecipientUri, DisplayStatus status) {
        return new ImdnDocument(messageId, dateTime, recipientUri, originalRecipientUri, null,
                NotificationType.DISPLAY, status.xmlName());
    }

    public static ImdnDocument processing(String messageId, String dateTime, String recipientUri,
            String originalRecipientUri, ProcessingStatus status) {
        return new ImdnDocument(messageId, dateTime, recipientUri, originalRecipientUri, null,
                NotificationType.PROCESSING, status.xmlName());
    }

    /**
     * Parses a document with DTDs, external entities and XInclude off.
     *
     * @throws ImdnFormatException saying in one line what is wrong; never the parser's own text
     */
    public static ImdnDocument parse(byte[] xml) {
        return ImdnXmlReader.read(Objects.requireNonNull(xml, "xml"));
    }

    /** The document as UTF-8 XML, children in the order of the RFC 5438 schema. */
    public byte[] toXml() {
        return ImdnXmlWriter.write(this);
    }

    /** The same document in as few bytes as the schema allows, for aggregates (RFC 5438 sec 8.3). */
    public byte[] toCompactXml() {
        return ImdnXmlWriter.writeCompact(this);
    }

    public Optional<DeliveryStatus> deliveryStatus() {
        return type == NotificationType.DELIVERY ? Optional.of(DeliveryStatus.fromXml(status)) : Optional.empty();
    }

    public Optional<DisplayStatus> displayStatus() {
        return type == NotificationType.DISPLAY ? Optional.of(DisplayStatus.fromXml(status)) : Optional.empty();
    }

    public Optional<ProcessingStatus> processingStatus() {
        return type == NotificationType.PROCESSING ? Optional.of(ProcessingStatus.fromXml(status)) : Optional.empty();
    }
}
