package org.opencpm.group;

import java.util.List;
import org.opencpm.storage.group.GroupDocument;
import org.opencpm.storage.group.StoredMember;

/** Between the service's {@link Group} and the stored {@link GroupDocument}: enums by name, members in order. */
final class StoredGroups {

    private StoredGroups() {
    }

    static Group read(GroupDocument document) {
        GroupPolicy policy = new GroupPolicy(document.isAllowStandaloneMessages(), document.isAllowSessions(),
                document.isAllowFileTransfer(), WhoMayInitiate.valueOf(document.getWhoMayInitiate()),
                document.getMaxMembers(), document.isAnonymityAllowed(), document.isClosed(),
                GroupKind.valueOf(document.getKind()));
        List<GroupMember> members = document.getMembers().stream()
                .map(m -> new GroupMember(m.getAddress(), GroupRole.valueOf(m.getRole()), m.getDisplayName()))
                .toList();
        return new Group(document.getAddress(), document.getOwner(), document.getDisplayName(), policy, members);
    }

    /** Writes everything of {@code group} but its address and owner, which a document keeps for life. */
    static void write(Group group, GroupDocument document) {
        document.setDisplayName(group.displayName());
        writePolicy(group.policy(), document);
        writeMembers(group.members(), document);
    }

    static void writePolicy(GroupPolicy policy, GroupDocument document) {
        document.setAllowStandaloneMessages(policy.allowStandaloneMessages());
        document.setAllowSessions(policy.allowSessions());
        document.setAllowFileTransfer(policy.allowFileTransfer());
        document.setWhoMayInitiate(policy.whoMayInitiate().name());
        document.setMaxMembers(policy.maxMembers());
        document.setAnonymityAllowed(policy.anonymityAllowed());
        document.setClosed(policy.closed());
        document.setKind(policy.kind().name());
    }

    static void writeMembers(List<GroupMember> members, GroupDocument document) {
        document.replaceMembers(members.stream()
                .map(m -> new StoredMember(m.address(), m.role().name(), m.displayName()))
                .toList());
    }
}
