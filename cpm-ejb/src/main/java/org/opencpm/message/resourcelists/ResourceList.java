package org.opencpm.message.resourcelists;

import java.util.List;
import org.opencpm.message.SafeXml;

/**
 * One top-level {@code <list>}: its optional {@code name} attribute and {@code <display-name>} (RFC 4826 sec 3.2;
 * null when absent) and its entries, those of nested lists included in document order.
 */
public record ResourceList(String name, String displayName, List<ResourceEntry> entries) {

    public ResourceList {
        if (name != null && !SafeXml.canCarry(name)) {
            throw new ResourceListFormatException("resource list name has a character XML cannot carry");
        }
        if (displayName != null && !SafeXml.canCarry(displayName)) {
            throw new ResourceListFormatException("resource list display-name has a character XML cannot carry");
        }
        entries = List.copyOf(entries);
    }

    /** A list without a display name, as a recipient list usually is. */
    public ResourceList(String name, List<ResourceEntry> entries) {
        this(name, null, entries);
    }
}
