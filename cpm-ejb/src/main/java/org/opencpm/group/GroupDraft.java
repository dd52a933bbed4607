package org.opencpm.group;

import java.util.List;

/**
 * A group as a client gives it to be created or to replace one: the id requested for its address (null to have one
 * generated; on replace, null or the group's own), display name, policy (null for {@link GroupPolicy#defaults()}) and
 * members (null for none besides the owner, who is added if not listed).
 */
public record GroupDraft(String id, String displayName, GroupPolicy policy, List<GroupMember> members) {

    public GroupDraft {
        policy = policy == null ? GroupPolicy.defaults() : policy;
        members = members == null ? List.of() : members;
    }
}
