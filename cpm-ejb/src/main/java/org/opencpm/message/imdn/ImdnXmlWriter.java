package org.opencpm.message.imdn;

import java.nio.charset.StandardCharsets;
import org.opencpm.message.SafeXml;

/** Writes an {@link ImdnDocument} laid out as in the RFC 5438 examples, children in schema order. */
final class ImdnXmlWriter {

    private ImdnXmlWriter() {
    }

    static byte[] write(ImdnDocument d) {
        StringBuilder xml = new StringBuilder(384)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<imdn xmlns=\"").append(ImdnDocument.NAMESPACE).append("\">\n");
        element(xml, "message-id", d.messageId());
        element(xml, "datetime", d.dateTime());
        element(xml, "recipient-uri", d.recipientUri());
        element(xml, "original-recipient-uri", d.originalRecipientUri());
        element(xml, "subject", d.subject());
        String notification = d.type().xmlName();
        xml.append("  <").append(notification).append("><status><").append(d.status()).append("/></status></")
                .append(notification).append(">\n")
                .append("</imdn>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String name, String text) {
        if (text == null) {
            return;
        }
        xml.append("  <").append(name).append('>');
        SafeXml.appendText(xml, text);
        xml.append("</").append(name).append(">\n");
    }
}
