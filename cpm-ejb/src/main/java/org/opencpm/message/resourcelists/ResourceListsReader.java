package org.opencpm.message.resourcelists;

import java.util.ArrayList;
import java.util.List;
import org.opencpm.message.SafeXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads {@link ResourceLists} from untrusted bytes, parsed by {@link SafeXml}. */
final class ResourceListsReader {

    /** Nesting accepted below a top-level list; the walk recurses, so it must stay shallow. */
    private static final int MAX_DEPTH = 8;
    // At least one commercial client writes the RFC 5364 namespace with a capital C.
    private static final String COPY_CONTROL_NAMESPACE_MISCASED = "urn:ietf:params:xml:ns:copyControl";
    private static final String COPY_CONTROL = "copyControl";

    private final int maxEntries;
    private int entryCount;

    private ResourceListsReader(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    static ResourceLists read(byte[] xml, int maxEntries) {
        if (xml.length > ResourceLists.MAX_SIZE) {
            throw ResourceListFormatException.overLimit("resource list document too large");
        }
        Element root = SafeXml.parse(xml, "resource list", ResourceListFormatException::new).getDocumentElement();
        if (!isOurs(root, "resource-lists")) {
            throw new ResourceListFormatException(
                    "resource list root element must be resource-lists in " + ResourceLists.NAMESPACE);
        }
        ResourceListsReader reader = new ResourceListsReader(maxEntries);
        List<ResourceList> lists = new ArrayList<>();
        // Elements of other namespaces are extensions the schema allows (RFC 4826 sec 3.2); they are skipped.
        for (Element child : children(root)) {
            if (isOurs(child, "list")) {
                List<ResourceEntry> entries = new ArrayList<>();
                reader.collect(child, entries, 0);
                lists.add(new ResourceList(attribute(child, "name"),
                        displayName(child, "resource list has more than one display-name"), entries));
            }
        }
        if (lists.isEmpty()) {
            throw new ResourceListFormatException("resource list has no list element");
        }
        return new ResourceLists(lists);
    }

    private void collect(Element list, List<ResourceEntry> entries, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ResourceListFormatException("resource list nested more than " + MAX_DEPTH + " deep");
        }
        for (Element child : children(list)) {
            if (!ResourceLists.NAMESPACE.equals(child.getNamespaceURI())) {
                continue;
            }
            switch (child.getLocalName()) {
                case "entry" -> {
                    if (++entryCount > maxEntries) {
                        throw ResourceListFormatException.overLimit("resource list has more than " + maxEntries
                                + " entries");
                    }
                    entries.add(entry(child));
                }
                case "list" -> collect(child, entries, depth + 1);
                case "entry-ref", "external" -> throw new ResourceListFormatException(
                        "resource list " + child.getLocalName() + " not supported");
                default -> {
                    // display-names of lists and unknown elements carry no recipients
                }
            }
        }
    }

    private static ResourceEntry entry(Element entry) {
        String uri = attribute(entry, "uri");
        // xs:anyURI collapses whitespace, so spaces around the URI are layout.
        return new ResourceEntry(uri == null ? null : uri.strip(),
                displayName(entry, "resource list entry has more than one display-name"), copyControl(entry));
    }

    /** The one {@code <display-name>} of a list or an entry (RFC 4826 sec 3.2), stripped; null if absent or empty. */
    private static String displayName(Element parent, String repeated) {
        String displayName = null;
        for (Element child : children(parent)) {
            if (isOurs(child, "display-name")) {
                if (displayName != null) {
                    throw new ResourceListFormatException(repeated);
                }
                displayName = child.getTextContent().strip();
            }
        }
        return displayName == null || displayName.isEmpty() ? null : displayName;
    }

    private static CopyControl copyControl(Element entry) {
        Attr attr = entry.getAttributeNodeNS(ResourceLists.COPY_CONTROL_NAMESPACE, COPY_CONTROL);
        if (attr == null) {
            attr = entry.getAttributeNodeNS(COPY_CONTROL_NAMESPACE_MISCASED, COPY_CONTROL);
        }
        return attr == null ? CopyControl.TO : CopyControl.fromXml(attr.getValue().strip());
    }

    /** An unqualified attribute's value, null when absent. */
    private static String attribute(Element element, String name) {
        Attr attr = element.getAttributeNodeNS(null, name);
        return attr == null ? null : attr.getValue();
    }

    private static boolean isOurs(Element element, String localName) {
        return ResourceLists.NAMESPACE.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}
