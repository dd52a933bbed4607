package org.opencpm.rest.group;

import java.util.List;
import org.opencpm.group.Group;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupRules;
import org.opencpm.message.resourcelists.CopyControl;
import org.opencpm.message.resourcelists.ResourceEntry;
import org.opencpm.message.resourcelists.ResourceList;
import org.opencpm.message.resourcelists.ResourceListFormatException;
import org.opencpm.message.resourcelists.ResourceLists;
import org.opencpm.rest.problem.MalformedBodyException;

/**
 * A group as an RFC 4826 resource-lists document, for clients that know groups as XDM documents: one {@code <list>}
 * named by the group's id, with the group's display name, whose entries are the members in order, each with their
 * display name. RFC 4826 has no roles, so the members read back from a document have none.
 */
final class GroupResourceLists {

    private GroupResourceLists() {
    }

    static byte[] of(Group group) {
        List<ResourceEntry> entries = group.members().stream()
                .map(m -> new ResourceEntry(m.address(), m.displayName(), CopyControl.TO)).toList();
        return new ResourceLists(List.of(new ResourceList(group.id(), group.displayName(), entries))).toXml();
    }

    /**
     * The members {@code document} lists, without roles: the entries of all its lists in document order, nested
     * lists flattened and a URI given twice taken once. Names and display names of lists are not members.
     *
     * @throws MalformedBodyException (400) saying what is wrong with the document
     */
    static List<GroupMember> members(byte[] document) {
        try {
            // Bounded by the largest group there can be; the group's own maxMembers is the service's to apply.
            return ResourceLists.parse(document, GroupRules.MAX_MAX_MEMBERS).entries().stream()
                    .map(e -> new GroupMember(e.uri(), null, e.displayName())).toList();
        } catch (ResourceListFormatException e) {
            // The codec's reasons are short and never quote the input: safe to show.
            throw new MalformedBodyException("The request body is not a resource-lists document this resource "
                    + "accepts: " + e.getMessage() + '.', e);
        }
    }
}
