package org.opencpm.message.resourcelists;

import java.nio.charset.StandardCharsets;
import org.opencpm.message.SafeXml;

/** Writes {@link ResourceLists} laid out as in the RFC 5364 sec 6 examples. */
final class ResourceListsWriter {

    private ResourceListsWriter() {
    }

    static byte[] write(ResourceLists lists) {
        StringBuilder xml = new StringBuilder(256)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<resource-lists xmlns=\"").append(ResourceLists.NAMESPACE)
                .append("\" xmlns:cp=\"").append(ResourceLists.COPY_CONTROL_NAMESPACE).append("\">\n");
        for (ResourceList list : lists.lists()) {
            xml.append("  <list");
            if (list.name() != null) {
                SafeXml.appendAttribute(xml.append(" name=\""), list.name()).append('"');
            }
            xml.append(">\n");
            if (list.displayName() != null) {
                SafeXml.appendText(xml.append("    <display-name>"), list.displayName()).append("</display-name>\n");
            }
            for (ResourceEntry entry : list.entries()) {
                SafeXml.appendAttribute(xml.append("    <entry uri=\""), entry.uri())
                        .append("\" cp:copyControl=\"").append(entry.copyControl().xmlValue()).append('"');
                if (entry.displayName() == null) {
                    xml.append("/>\n");
                } else {
                    SafeXml.appendText(xml.append("><display-name>"), entry.displayName())
                            .append("</display-name></entry>\n");
                }
            }
            xml.append("  </list>\n");
        }
        return xml.append("</resource-lists>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
