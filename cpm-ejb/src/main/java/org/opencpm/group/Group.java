package org.opencpm.group;

import java.util.List;

/**
 * A stored CPM Pre-defined Group: its canonical address {@code sip:id@home-domain}, its owner (the user name of a
 * user of the home domain, always also a member with role {@link GroupRole#OWNER}), display name, policy, and
 * members in order.
 */
public record Group(String address, String owner, String displayName, GroupPolicy policy, List<GroupMember> members) {

    public Group {
        members = List.copyOf(members);
    }

    /** The user part of the address, as requested or generated at creation. */
    public String id() {
        return address.substring("sip:".length(), address.indexOf('@'));
    }

    /** Whether {@code canonicalAddress} is a member's address. */
    public boolean hasMember(String canonicalAddress) {
        return members.stream().anyMatch(m -> m.address().equals(canonicalAddress));
    }

    /** Whether {@code canonicalAddress} is the owner's address. */
    public boolean isOwner(String canonicalAddress) {
        return members.stream().anyMatch(m -> m.role() == GroupRole.OWNER && m.address().equals(canonicalAddress));
    }
}
