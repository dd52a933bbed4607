package org.opencpm.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.storage.group.DuplicateGroupException;
import org.opencpm.storage.group.GroupDocument;
import org.opencpm.storage.group.GroupDocumentRepository;
import org.opencpm.storage.user.UserAccountRepository;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAddress;
import org.opencpm.user.UserNotFoundException;

/**
 * The CPM Pre-defined Groups of the home domain (OMA CPM SD 5.2.3.4), each at its own address
 * {@code sip:id@home-domain}. Owners and administrators create, replace (whole documents, the XDM model) and change
 * them; the Controlling Function reads them on every request to a group address (5.2.2.1.2) through
 * {@link #authorize} and {@link #recipientsExcept}. Methods that name a group accept its {@code sip:} URI, in any
 * spelling {@link org.opencpm.preference.CanonicalUri} reduces to it, or the scheme-less {@code id@domain}.
 */
@ApplicationScoped
@Transactional
public class GroupService {

    public static final int MAX_PAGE_SIZE = 200;

    /** The services a group's policy allows or not (5.2.3.4), each with the reason a refusal gives. */
    public enum Service {
        STANDALONE_MESSAGE("standalone messages"),
        SESSION("sessions"),
        FILE_TRANSFER("file transfers");

        private final String plural;

        Service(String plural) {
            this.plural = plural;
        }

        String notAllowed() {
            return plural + " are not allowed in this group";
        }
    }

    @Inject
    GroupDocumentRepository documents;

    @Inject
    UserAccountRepository accounts;

    @Inject
    HomeDomain homeDomain;

    @Inject
    ControllingPolicy controlling;

    public GroupService() {
        // for the container
    }

    /** A service on the given storage, outside the container (tests and tools). */
    public GroupService(GroupDocumentRepository documents, UserAccountRepository accounts, HomeDomain homeDomain) {
        this.documents = documents;
        this.accounts = accounts;
        this.homeDomain = homeDomain;
        this.controlling = ControllingPolicy.defaults();
    }

    /**
     * Creates a group owned by {@code owner} (a user name, {@code user@domain} or {@code sip:user@domain} of the home
     * domain), at {@code sip:<draft id>@home-domain} or at a generated id.
     *
     * @return the group as stored, canonical
     * @throws InvalidGroupException        naming the first value that breaks a rule
     * @throws UserNotFoundException        if the owner has no account
     * @throws GroupAlreadyExistsException if a group or a user has the address
     */
    public Group create(String owner, GroupDraft draft) {
        Objects.requireNonNull(draft, "draft");
        UserAddress ownerAddress = owner(owner);
        String id = draft.id() == null ? GroupRules.generatedId() : GroupRules.id(draft.id());
        if (id.equals(controlling.adHocUser())) {
            throw new InvalidGroupException("id", "is the Controlling Function's ad-hoc address");
        }
        String address = "sip:" + id + '@' + homeDomain.name();
        Group group = GroupRules.canonical(address, ownerAddress.user(), ownerAddress.uri(), draft);
        // Locked as the account's deletion locks it, so no group is created for an owner being deleted.
        accounts.lockByAddress(ownerAddress.uri()).orElseThrow(() -> new UserNotFoundException(ownerAddress.uri()));
        // One address routes to one thing: a group must not take a user's address of record.
        if (documents.find(address).isPresent() || accounts.findByAddress(address).isPresent()) {
            throw new GroupAlreadyExistsException(address);
        }
        GroupDocument document = new GroupDocument(address, group.owner());
        StoredGroups.write(group, document);
        try {
            documents.persist(document);
        } catch (DuplicateGroupException e) {
            throw new GroupAlreadyExistsException(address);
        }
        return group;
    }

    public Optional<Group> find(String address) {
        return GroupRules.groupAddress(address).flatMap(documents::find).map(StoredGroups::read);
    }

    /**
     * The group at {@code address} if {@code username} owns it.
     *
     * @throws GroupNotFoundException  if there is no such group
     * @throws NotGroupOwnerException if someone else owns it
     */
    public Group ownedBy(String address, String username) {
        Group group = find(address).orElseThrow(() -> new GroupNotFoundException(address));
        if (!group.owner().equals(username)) {
            throw new NotGroupOwnerException(group.address());
        }
        return group;
    }

    /**
     * Replaces the group's display name, policy and members with the draft's; address and owner stay.
     *
     * @throws InvalidGroupException  naming the first value that breaks a rule, or an id that is not the group's
     * @throws GroupNotFoundException if there is no such group
     */
    public Group replace(String address, GroupDraft draft) {
        Objects.requireNonNull(draft, "draft");
        GroupDocument document = existing(address);
        Group current = StoredGroups.read(document);
        if (draft.id() != null && !draft.id().equals(current.id())) {
            throw new InvalidGroupException("id", "cannot be changed: the group's id is " + current.id());
        }
        Group group = GroupRules.canonical(current.address(), current.owner(), ownerAddress(current), draft);
        StoredGroups.write(group, document);
        return group;
    }

    /** @throws GroupNotFoundException if there is no such group */
    public void delete(String address) {
        documents.remove(existing(address));
    }

    /**
     * Adds {@code member} at the end of the member list.
     *
     * @throws InvalidGroupException  if the member is invalid, already listed, an OWNER, or the group is full
     * @throws GroupNotFoundException if there is no such group
     */
    public Group addMember(String address, GroupMember member) {
        GroupDocument document = existing(address);
        Group group = StoredGroups.read(document);
        List<GroupMember> members = new ArrayList<>(group.members());
        members.add(GroupRules.added(group, member));
        StoredGroups.writeMembers(members, document);
        return StoredGroups.read(document);
    }

    /**
     * Removes the member with {@code memberAddress} (any spelling of it).
     *
     * @throws InvalidGroupException   if the address is invalid or the owner's, who always stays a member
     * @throws GroupNotFoundException  if there is no such group
     * @throws MemberNotFoundException if the group has no such member
     */
    public Group removeMember(String address, String memberAddress) {
        GroupDocument document = existing(address);
        Group group = StoredGroups.read(document);
        String member = GroupRules.address("member", memberAddress);
        if (group.isOwner(member)) {
            throw new InvalidGroupException("member", "is the group's owner, who cannot be removed");
        }
        if (!group.hasMember(member)) {
            throw new MemberNotFoundException(group.address(), member);
        }
        StoredGroups.writeMembers(group.members().stream().filter(m -> !m.address().equals(member)).toList(),
                document);
        return StoredGroups.read(document);
    }

    /**
     * Replaces the group's members, in order; display name and policy stay. A member given without a role keeps the
     * role they have, or is PARTICIPANT if new, as for a member list without roles (RFC 4826); the owner stays a
     * member whether listed or not (first, as stored, when not).
     *
     * @throws InvalidGroupException  naming the first member that breaks a rule ({@code members[i]...}), or
     *                                {@code members} when they are more than the policy's maxMembers
     * @throws GroupNotFoundException if there is no such group
     */
    public Group replaceMembers(String address, List<GroupMember> members) {
        Objects.requireNonNull(members, "members");
        GroupDocument document = existing(address);
        Group group = StoredGroups.read(document);
        StoredGroups.writeMembers(GroupRules.replacingMembers(group, ownerAddress(group), members), document);
        return StoredGroups.read(document);
    }

    /**
     * Replaces the group's policy.
     *
     * @throws InvalidGroupException  if the policy is invalid or its maxMembers below the group's members
     * @throws GroupNotFoundException if there is no such group
     */
    public Group setPolicy(String address, GroupPolicy policy) {
        GroupDocument document = existing(address);
        StoredGroups.writePolicy(GroupRules.policyFor(StoredGroups.read(document), policy), document);
        return StoredGroups.read(document);
    }

    /** Groups ordered by address, {@code limit} (1 to {@value #MAX_PAGE_SIZE}) of them from {@code offset}. */
    public GroupPage list(int offset, int limit) {
        checkPage(offset, limit);
        return new GroupPage(read(documents.list(offset, limit)), offset, limit, documents.count());
    }

    /** As {@link #list}, only the groups that have {@code memberAddress} (any spelling of it) as a member. */
    public GroupPage groupsOf(String memberAddress, int offset, int limit) {
        String member = GroupRules.address("address", memberAddress);
        checkPage(offset, limit);
        return new GroupPage(read(documents.listByMember(member, offset, limit)), offset, limit,
                documents.countByMember(member));
    }

    /**
     * Whether {@code senderAddress} may use {@code service} with the group at {@code groupAddress}, by the group's
     * policy (5.2.2.1.2): refused 404 for an unknown group, 403 when the group does not allow the service or the
     * sender may not initiate it. A sender address that names no one is no member. Anonymity is the caller's to
     * check, against {@link GroupPolicy#anonymityAllowed()} of {@link #find}.
     */
    public Authorization authorize(String groupAddress, String senderAddress, Service service) {
        Objects.requireNonNull(service, "service");
        Optional<Group> found = find(groupAddress);
        if (found.isEmpty()) {
            return Authorization.refuse(Authorization.NOT_FOUND, "no such group");
        }
        Group group = found.get();
        if (!group.policy().allows(service)) {
            return Authorization.refuse(Authorization.FORBIDDEN, service.notAllowed());
        }
        String sender = senderAddress == null ? null : GroupRules.senderAddress(senderAddress);
        return switch (group.policy().whoMayInitiate()) {
            case ANYONE -> Authorization.allow();
            case MEMBERS -> group.hasMember(sender) ? Authorization.allow()
                    : Authorization.refuse(Authorization.FORBIDDEN, "only members of this group may initiate");
            case OWNER -> group.isOwner(sender) ? Authorization.allow()
                    : Authorization.refuse(Authorization.FORBIDDEN, "only the owner of this group may initiate");
        };
    }

    /**
     * The members the Controlling Function sends to (5.2.2.1.2), in order: every member but the sender.
     *
     * @throws GroupNotFoundException if there is no such group
     */
    public List<GroupMember> recipientsExcept(String groupAddress, String senderAddress) {
        Group group = find(groupAddress).orElseThrow(() -> new GroupNotFoundException(groupAddress));
        String sender = senderAddress == null ? null : GroupRules.senderAddress(senderAddress);
        return group.members().stream().filter(m -> !m.address().equals(sender)).toList();
    }

    /**
     * Removes what the user {@code username} of the home domain has in groups: the groups they own, and their
     * membership of the others. For the account's deletion; joins the caller's transaction.
     */
    public void forgetUser(String username) {
        documents.listByOwner(username).forEach(documents::remove);
        String address = "sip:" + username + '@' + homeDomain.name();
        for (GroupDocument document : documents.listByMember(address, 0, Integer.MAX_VALUE)) {
            StoredGroups.writeMembers(StoredGroups.read(document).members().stream()
                    .filter(m -> !m.address().equals(address)).toList(), document);
        }
    }

    private GroupDocument existing(String address) {
        return GroupRules.groupAddress(address).flatMap(documents::find)
                .orElseThrow(() -> new GroupNotFoundException(address));
    }

    private UserAddress owner(String owner) {
        String domain = homeDomain.name();
        try {
            return owner != null && owner.indexOf('@') < 0 ? UserAddress.parse("sip:" + owner + '@' + domain, domain)
                    : UserAddress.parseReference(owner, domain);
        } catch (InvalidUserException e) {
            throw new InvalidGroupException("owner", "must be a user of the home domain: user, user@" + domain
                    + " or sip:user@" + domain);
        }
    }

    private String ownerAddress(Group group) {
        return "sip:" + group.owner() + '@' + homeDomain.name();
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidGroupException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidGroupException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private static List<Group> read(List<GroupDocument> documents) {
        return documents.stream().map(StoredGroups::read).toList();
    }
}
