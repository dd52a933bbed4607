package org.opencpm.message.imdn;

import java.nio.charset.StandardCharsets;
import org.opencpm.message.SafeXml;

/** Writes an {@link ImdnDocument} laid out as in the RFC 5438 examples, children in schema order. */
final class ImdnXmlWriter {

    private ImdnXmlWriter() {
    }

    static byte[] write(ImdnDocument d) {
        return write(d, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "  ", "\n", d.originalRecipientUri());
    }

    /**
     * Without XML declaration (optional, UTF-8 is the default), indentation, or an original-recipient-uri that
     * only repeats the recipient-uri (both optional, RFC 5438 sec 7.2.1.1): the form for aggregates, where every
     * byte of a pager-mode body counts.
     */
    static byte[] writeCompact(ImdnDocument d) {
        String original = d.originalRecipientUri();
        return write(d, "", "", "", original != null && original.equals(d.recipientUri()) ? null : original);
    }

    private static byte[] write(ImdnDocument d, String declaration, String indent, String lineEnd,
                                String originalRecipientUri) {
        StringBuilder xml = new StringBuilder(384)
                .append(declaration)
                .append("<imdn xmlns=\"").append(ImdnDocument.NAMESPACE).append("\">").append(lineEnd);
        element(xml, indent, lineEnd, "message-id", d.messageId());
        element(xml, indent, lineEnd, "datetime", d.dateTime());
        element(xml, indent, lineEnd, "recipient-uri", d.recipientUri());
        element(xml, indent, lineEnd, "original-recipient-uri", originalRecipientUri);
        element(xml, indent, lineEnd, "subject", d.subject());
        String notification = d.type().xmlName();
        xml.append(indent).append('<').append(notification).append("><status><").append(d.status())
                .append("/></status></").append(notification).append('>').append(lineEnd)
                .append("</imdn>").append(lineEnd);
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String indent, String lineEnd, String name, String text) {
        if (text == null) {
            return;
        }
        xml.append(indent).append('<').append(name).append('>');
        SafeXml.appendText(xml, text);
        xml.append("</").append(name).append('>').append(lineEnd);
    }
}
