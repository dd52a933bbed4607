package org.opencpm.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencpm.message.SafeXml;
import org.opencpm.preference.CanonicalUri;
import org.opencpm.storage.group.StoredMember;

/**
 * What a group must be before it is stored, and its canonical form: member addresses as {@link CanonicalUri}, the
 * owner listed (first, if the draft did not list them) with role {@link GroupRole#OWNER}. The first rule broken is
 * reported, in document order, with its path in what was given.
 */
public final class GroupRules {

    public static final int MIN_MAX_MEMBERS = 2;
    public static final int MAX_MAX_MEMBERS = 10_000;
    public static final int MAX_DISPLAY_NAME_LENGTH = StoredMember.MAX_DISPLAY_NAME_LENGTH;
    public static final String ID_PATTERN = "[a-z0-9._-]{1,64}";

    private static final Pattern ID = Pattern.compile(ID_PATTERN);
    private static final String SIP = "sip:";

    private GroupRules() {
    }

    /**
     * The canonical form of {@code draft} as the group {@code address} owned by {@code ownerAddress}.
     *
     * @throws InvalidGroupException naming the first value that breaks a rule
     */
    static Group canonical(String address, String owner, String ownerAddress, GroupDraft draft) {
        String displayName = text("displayName", draft.displayName());
        GroupPolicy policy = policy("policy.", draft.policy());
        List<GroupMember> members = members(draft.members(), ownerAddress);
        checkFits(members, policy);
        return new Group(address, owner, displayName, policy, members);
    }

    /**
     * The members that replace {@code group}'s (owned by {@code ownerAddress}), in canonical form. A member given
     * without a role keeps the one they have, or is PARTICIPANT if new, so that a list that has no roles (an RFC
     * 4826 document) can be put back. The owner, listed or not, stays a member; not listed, first and as stored.
     *
     * @throws InvalidGroupException naming the first member that breaks a rule, or {@code members} if too many
     */
    static List<GroupMember> replacingMembers(Group group, String ownerAddress, List<GroupMember> given) {
        Map<String, GroupRole> roles = new HashMap<>();
        group.members().forEach(m -> roles.put(m.address(), m.role()));
        List<GroupMember> withRoles = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            GroupMember member = given.get(i);
            if (member == null || member.role() != null) {
                withRoles.add(member);
            } else {
                String address = address("members[" + i + "].address", member.address());
                withRoles.add(new GroupMember(address, roles.getOrDefault(address, GroupRole.PARTICIPANT),
                        member.displayName()));
            }
        }
        List<GroupMember> members = members(withRoles, ownerAddress);
        if (members.size() > given.size()) {
            // members() added the unlisted owner without a display name; they stay as they were.
            group.members().stream().filter(m -> m.address().equals(ownerAddress)).findFirst()
                    .ifPresent(stored -> members.set(0, stored));
        }
        checkFits(members, group.policy());
        return members;
    }

    /** {@code id}, if it can be the user part of a group address: lower-case, so that it never reads as two groups. */
    static String id(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidGroupException("id", "must be 1 to 64 of a-z, 0-9, '.', '_' and '-'");
        }
        return id;
    }

    /** {@code policy}, its members' paths prefixed with {@code prefix}. */
    static GroupPolicy policy(String prefix, GroupPolicy policy) {
        if (policy == null) {
            throw new InvalidGroupException(prefix.isEmpty() ? "policy" : prefix.substring(0, prefix.length() - 1),
                    "is required");
        }
        if (policy.whoMayInitiate() == null) {
            throw new InvalidGroupException(prefix + "whoMayInitiate", "is required");
        }
        if (policy.kind() == null) {
            throw new InvalidGroupException(prefix + "kind", "is required");
        }
        if (policy.maxMembers() < MIN_MAX_MEMBERS || policy.maxMembers() > MAX_MAX_MEMBERS) {
            throw new InvalidGroupException(prefix + "maxMembers",
                    "must be between " + MIN_MAX_MEMBERS + " and " + MAX_MAX_MEMBERS);
        }
        return policy;
    }

    /** One member in canonical form, its paths prefixed with {@code prefix}; any role, OWNER included. */
    static GroupMember member(String prefix, GroupMember member) {
        if (member == null) {
            throw new InvalidGroupException(prefix.isEmpty() ? "member" : prefix.substring(0, prefix.length() - 1),
                    "must not be null");
        }
        String address = address(prefix + "address", member.address());
        if (member.role() == null) {
            throw new InvalidGroupException(prefix + "role", "is required");
        }
        String displayName = member.displayName() == null ? null
                : text(prefix + "displayName", member.displayName());
        return new GroupMember(address, member.role(), displayName);
    }

    /** The member {@code added} to {@code group}, in canonical form; reported on the member's own paths. */
    static GroupMember added(Group group, GroupMember added) {
        GroupMember member = member("", added);
        if (group.hasMember(member.address())) {
            throw new InvalidGroupException("address", "is already a member of the group");
        }
        if (member.role() == GroupRole.OWNER) {
            throw new InvalidGroupException("role", "must not be OWNER: the group has its owner");
        }
        if (group.members().size() >= group.policy().maxMembers()) {
            throw new InvalidGroupException("address", "cannot be added: the group has its maximum of "
                    + group.policy().maxMembers() + " members");
        }
        return member;
    }

    /** {@code policy} for {@code group}, which must already fit in it. */
    static GroupPolicy policyFor(Group group, GroupPolicy policy) {
        GroupPolicy checked = policy("", policy);
        if (group.members().size() > checked.maxMembers()) {
            throw new InvalidGroupException("maxMembers", "must be at least the group's "
                    + group.members().size() + " members");
        }
        return checked;
    }

    /** The canonical form of a sip:, sips: or tel: address given as {@code field}. */
    static String address(String field, String address) {
        try {
            return CanonicalUri.of(address);
        } catch (IllegalArgumentException e) {
            throw new InvalidGroupException(field, e.getMessage());
        }
    }

    /**
     * The canonical address of the group that {@code reference} names ({@code sip:id@domain}, {@code sips:},
     * parameters and all, or the scheme-less {@code id@domain}); empty when it cannot name a group.
     */
    static Optional<String> groupAddress(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        int colon = reference.indexOf(':');
        int at = reference.indexOf('@');
        String uri = colon >= 0 && (at < 0 || colon < at) ? reference : SIP + reference;
        try {
            String canonical = CanonicalUri.of(uri);
            return canonical.startsWith(SIP) ? Optional.of(canonical) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The canonical address of {@code sender}, or null for one that names no one (it is then no member). */
    static String senderAddress(String sender) {
        try {
            return CanonicalUri.of(sender);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<GroupMember> members(List<GroupMember> members, String ownerAddress) {
        Map<String, Integer> seen = new HashMap<>();
        List<GroupMember> canonical = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String path = "members[" + i + "]";
            GroupMember member = member(path + ".", members.get(i));
            Integer earlier = seen.putIfAbsent(member.address(), i);
            if (earlier != null) {
                throw new InvalidGroupException(path + ".address", "repeats the address of members[" + earlier + "]");
            }
            boolean isOwner = member.address().equals(ownerAddress);
            if (isOwner != (member.role() == GroupRole.OWNER)) {
                throw new InvalidGroupException(path + ".role", isOwner ? "must be OWNER for the group's owner"
                        : "must not be OWNER: only the group's owner has that role");
            }
            canonical.add(member);
        }
        // The owner is always a member, so that the owner receives what is sent to the group.
        if (!seen.containsKey(ownerAddress)) {
            canonical.add(0, new GroupMember(ownerAddress, GroupRole.OWNER, null));
        }
        return canonical;
    }

    private static void checkFits(List<GroupMember> members, GroupPolicy policy) {
        if (members.size() > policy.maxMembers()) {
            throw new InvalidGroupException("members", "must have at most policy.maxMembers ("
                    + policy.maxMembers() + ") members, the owner included");
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidGroupException(field, "is required and must not be blank");
        }
        if (value.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new InvalidGroupException(field, "must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters");
        }
        // A group is also an RFC 4826 document (its resource-lists view), which must be able to carry its names.
        if (!SafeXml.canCarry(value)) {
            throw new InvalidGroupException(field, "must have only characters XML can carry: no controls "
                    + "but tab, CR and LF");
        }
        return value;
    }

    /** A new group id: random, so that it says nothing about the group or its owner. */
    static String generatedId() {
        return UUID.randomUUID().toString();
    }
}
