package org.opencpm.message.resourcelists;

import java.util.List;
import org.opencpm.message.SafeXml;

/**
 * One top-level {@code <list>}, its optional {@code name} attribute (null when absent) and its entries, those of
 * nested lists included in document order.
 */
public record ResourceList(String name, List<ResourceEntry> entries) {

    public ResourceList {
        if (name != null && !SafeXml.canCarry(name)) {
            throw new ResourceListFormatException("resource list name has a character XML cannot carry");
        }
        entries = List.copyOf(entries);
    }
}
