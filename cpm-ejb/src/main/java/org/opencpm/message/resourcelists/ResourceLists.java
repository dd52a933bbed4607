package org.opencpm.message.resourcelists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An {@code application/resource-lists+xml} document (RFC 4826 sec 3) as a MESSAGE URI-list service uses it
 * (RFC 5365 sec 4): its top-level lists, nested lists flattened into them, and each URI once. A URI that comes
 * again (the same text) is dropped wherever it is, the first one kept, so a recipient gets one copy (RFC 5365
 * sec 7). Lists may end up empty; the document as a whole has at least one entry.
 */
public record ResourceLists(List<ResourceList> lists) {

    public static final String MEDIA_TYPE = "application/resource-lists+xml";
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:resource-lists";
    /** The RFC 5364 namespace as registered, lower case; the only spelling we write. */
    public static final String COPY_CONTROL_NAMESPACE = "urn:ietf:params:xml:ns:copycontrol";
    /** Largest document accepted. */
    public static final int MAX_SIZE = 256 * 1024;

    public ResourceLists {
        Set<String> seen = new HashSet<>();
        List<ResourceList> unique = new ArrayList<>(lists.size());
        for (ResourceList list : lists) {
            List<ResourceEntry> entries = new ArrayList<>(list.entries().size());
            for (ResourceEntry entry : list.entries()) {
                if (seen.add(entry.uri())) {
                    entries.add(entry);
                }
            }
            unique.add(new ResourceList(list.name(), list.displayName(), entries));
        }
        if (seen.isEmpty()) {
            throw new ResourceListFormatException("resource list has no entries");
        }
        lists = List.copyOf(unique);
    }

    /** One list, {@code listName} null for none. */
    public static ResourceLists of(String listName, List<ResourceEntry> entries) {
        return new ResourceLists(List.of(new ResourceList(listName, entries)));
    }

    /**
     * Parses a document with DTDs, external entities and XInclude off. {@code entry-ref} and {@code external}
     * are refused rather than dereferenced: resolving them would make us fetch on a sender's behalf. White space
     * around a URI or a display name is layout and dropped; an empty display name is none. A top-level list keeps its
     * own display name; those of nested lists go with the nesting.
     *
     * @param maxEntries most {@code <entry>} elements accepted, counted before duplicates are dropped
     * @throws ResourceListFormatException saying in one line what is wrong; never the parser's own text
     */
    public static ResourceLists parse(byte[] xml, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        return ResourceListsReader.read(Objects.requireNonNull(xml, "xml"), maxEntries);
    }

    /** Every entry of every list, in document order. */
    public List<ResourceEntry> entries() {
        return lists.stream().flatMap(l -> l.entries().stream()).toList();
    }

    /** The document as UTF-8 XML; {@code cp:copyControl} is written on every entry, {@code to} included. */
    public byte[] toXml() {
        return ResourceListsWriter.write(this);
    }
}
