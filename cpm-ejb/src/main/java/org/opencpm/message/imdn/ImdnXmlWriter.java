package org.opencpm.message.imdn;

import java.nio.charset.StandardCharsets;

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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                // a raw CR would come back as LF (XML 1.0 sec 2.11)
                case '\r' -> xml.append("&#13;");
                default -> xml.append(c);
            }
        }
        xml.append("</").append(name).append(">\n");
    }

    /** Whether every character is an XML 1.0 Char (sec 2.2); others cannot be written even escaped. */
    static boolean canCarry(String text) {
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }
}
