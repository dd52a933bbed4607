package org.opencpm.group;

/** A member of a group: a sip: or tel: address (canonical once stored), a role and an optional display name. */
public record GroupMember(String address, GroupRole role, String displayName) {
}
