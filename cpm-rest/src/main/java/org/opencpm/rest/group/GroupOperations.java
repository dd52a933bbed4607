package org.opencpm.rest.group;

import java.util.List;
import org.opencpm.group.Group;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupService;
import org.opencpm.rest.RequestBodies;

/**
 * What the administrators' and the users' group resources do alike to one group, through the caller's
 * {@link GroupAccess}. A body is checked first, so that a request without one, or with one that cannot be read, is 400
 * whatever the group.
 */
final class GroupOperations {

    private final GroupService groups;
    private final GroupAccess access;

    GroupOperations(GroupService groups, GroupAccess access) {
        this.groups = groups;
        this.access = access;
    }

    GroupJson get(String address) {
        return GroupJson.of(access.toRead(address));
    }

    GroupJson replace(String address, GroupJson body) {
        GroupJson group = RequestBodies.required(body);
        Group current = access.toChange(address);
        return GroupJson.of(groups.replace(current.address(), group.toReplacement(current)));
    }

    void delete(String address) {
        groups.delete(access.toChange(address).address());
    }

    GroupJson addMember(String address, MemberJson body) {
        MemberJson member = RequestBodies.required(body);
        return GroupJson.of(groups.addMember(access.toChange(address).address(), member.toMember()));
    }

    GroupJson removeMember(String address, String member) {
        return GroupJson.of(groups.removeMember(access.toChange(address).address(), member));
    }

    GroupJson setPolicy(String address, PolicyJson body) {
        PolicyJson policy = RequestBodies.required(body);
        return GroupJson.of(groups.setPolicy(access.toChange(address).address(), policy.toPolicy()));
    }

    /** The group as an RFC 4826 document ({@link GroupResourceLists}). */
    byte[] resourceLists(String address) {
        return GroupResourceLists.of(access.toRead(address));
    }

    /**
     * Replaces the members with those {@code document} lists; those who stay keep their role, new ones are
     * PARTICIPANT, and the owner stays ({@link GroupService#replaceMembers}). Answers the document as stored.
     */
    byte[] replaceResourceLists(String address, byte[] document) {
        List<GroupMember> members = GroupResourceLists.members(document);
        return GroupResourceLists.of(groups.replaceMembers(access.toChange(address).address(), members));
    }
}
