package org.opencpm.rest.group;

import java.util.function.Function;
import org.opencpm.group.Group;
import org.opencpm.group.GroupNotFoundException;
import org.opencpm.group.GroupService;

/**
 * Which groups a resource reads and changes. Administrators reach every group. A user reads the groups they are a
 * member of, and a group they are not reads as not found, so that the groups of others are not told; they change
 * only the groups they own, others are 403 (OMA CPM SD 5.2.3.4: the owner adds and deletes members).
 */
final class GroupAccess {

    private final Function<String, Group> toRead;
    private final Function<String, Group> toChange;

    private GroupAccess(Function<String, Group> toRead, Function<String, Group> toChange) {
        this.toRead = toRead;
        this.toChange = toChange;
    }

    static GroupAccess administrator(GroupService groups) {
        Function<String, Group> existing = address -> groups.find(address)
                .orElseThrow(() -> new GroupNotFoundException(address));
        return new GroupAccess(existing, existing);
    }

    /** The user {@code username}, a member at {@code memberAddress}. */
    static GroupAccess user(GroupService groups, String username, String memberAddress) {
        return new GroupAccess(address -> groups.find(address).filter(g -> g.hasMember(memberAddress))
                .orElseThrow(() -> new GroupNotFoundException(address)),
                address -> groups.ownedBy(address, username));
    }

    /** @throws GroupNotFoundException if there is no such group, or the caller may not read it */
    Group toRead(String address) {
        return toRead.apply(address);
    }

    /**
     * @throws GroupNotFoundException                 if there is no such group
     * @throws org.opencpm.group.NotGroupOwnerException if the caller may read it but not change it
     */
    Group toChange(String address) {
        return toChange.apply(address);
    }
}
