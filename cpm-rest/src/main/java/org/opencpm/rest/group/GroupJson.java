package org.opencpm.rest.group;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.group.Group;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupRules;
import org.opencpm.group.InvalidGroupException;

/**
 * A group as the API shows and takes it, member for member the service's {@link Group}, with {@code id} to ask for
 * the address of a new group. What a client read can be put back: {@code address} and {@code owner} are accepted
 * when they are the group's own.
 */
@Schema(name = "Group", requiredProperties = "displayName")
@JsonbPropertyOrder({"id", "address", "owner", "displayName", "policy", "members"})
public record GroupJson(
        @Schema(description = "On creation only: the user part of the group's address; generated if absent",
                pattern = GroupRules.ID_PATTERN, example = "friends")
        String id,
        @Schema(description = "The group's address, sip:id@home-domain; set by the server", readOnly = true,
                example = "sip:friends@opencpm.test")
        String address,
        @Schema(description = "The user name of the owner, a user of the home domain; on creation by an "
                + "administrator also user@domain or sip:user@domain", example = "alice")
        String owner,
        @Schema(description = "Human readable name", maxLength = 256, example = "Friends")
        String displayName,
        @Schema(description = "Absent for the defaults")
        PolicyJson policy,
        @Schema(description = "The members in order; the owner, if not listed, is added first with role OWNER")
        List<MemberJson> members) {

    static GroupJson of(Group group) {
        return new GroupJson(null, group.address(), group.owner(), group.displayName(), PolicyJson.of(group.policy()),
                group.members().stream().map(MemberJson::of).toList());
    }

    /** The draft of a new group; the address is the server's to set. */
    GroupDraft toNewDraft() {
        if (address != null) {
            throw new InvalidGroupException("address", "is set by the server; ask for one with id");
        }
        return draft(id);
    }

    /**
     * The draft that replaces {@code current}; {@code address} and {@code owner}, if given, must be the group's as
     * read.
     */
    GroupDraft toReplacement(Group current) {
        if (address != null && !address.equals(current.address())) {
            throw new InvalidGroupException("address", "cannot be changed: the group is " + current.address());
        }
        if (owner != null && !owner.equals(current.owner())) {
            throw new InvalidGroupException("owner", "cannot be changed: the group's owner is " + current.owner());
        }
        return draft(id);
    }

    private GroupDraft draft(String requestedId) {
        return new GroupDraft(requestedId, displayName, policy == null ? null : policy.toPolicy(),
                members == null ? null : members.stream().map(m -> m == null ? null : m.toMember()).toList());
    }
}
