package org.opencpm.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpm.group.GroupService.Service;
import org.opencpm.storage.group.InMemoryGroupDocumentRepository;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.testsupport.InMemoryUserAccountRepository;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.UserNotFoundException;

/** The service on in-memory storage, with users alice and bob in the home domain opencpm.test. */
class GroupServiceTest {

    private static final String ALICE = "sip:alice@opencpm.test";
    private static final String BOB = "sip:bob@opencpm.test";
    private static final String CAROL = "tel:+12015550123";
    private static final String FRIENDS = "sip:friends@opencpm.test";

    private final InMemoryUserAccountRepository accounts = new InMemoryUserAccountRepository();
    private final InMemoryGroupDocumentRepository documents = new InMemoryGroupDocumentRepository();
    private final GroupService service = new GroupService(documents, accounts, new HomeDomain());

    private static GroupDraft friends(GroupPolicy policy) {
        return new GroupDraft("friends", "Friends", policy, List.of(
                new GroupMember("sip:bob@OPENCPM.test", GroupRole.ADMIN, "Bob"),
                new GroupMember("tel:+1-201-555-0123", GroupRole.PARTICIPANT, null)));
    }

    private static GroupPolicy policy(boolean standalone, boolean sessions, boolean files, WhoMayInitiate who) {
        return new GroupPolicy(standalone, sessions, files, who, 10, false, false, GroupKind.PRE_ARRANGED);
    }

    private static GroupPolicy maxMembers(int max) {
        return new GroupPolicy(true, true, true, WhoMayInitiate.MEMBERS, max, false, false, GroupKind.PRE_ARRANGED);
    }

    @BeforeEach
    void users() {
        accounts.persist(new UserAccount(ALICE, "alice", "opencpm.test", "password-1"));
        accounts.persist(new UserAccount(BOB, "bob", "opencpm.test", "password-1"));
    }

    @Test
    void createStoresTheCanonicalGroupWithItsOwnerFirst() {
        Group created = service.create("alice", friends(null));

        assertEquals(FRIENDS, created.address());
        assertEquals("friends", created.id());
        assertEquals("alice", created.owner());
        assertEquals(List.of(new GroupMember(ALICE, GroupRole.OWNER, null),
                new GroupMember(BOB, GroupRole.ADMIN, "Bob"),
                new GroupMember(CAROL, GroupRole.PARTICIPANT, null)), created.members());
        assertEquals(created, service.find("friends@opencpm.test").orElseThrow());
        assertEquals(created, service.find("SIPS:friends@opencpm.test;transport=tls").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"alice", "alice@opencpm.test", "sip:alice@opencpm.test"})
    void theOwnerIsAUserNameOrAddress(String owner) {
        assertEquals("alice", service.create(owner, friends(null)).owner());
    }

    @Test
    void withoutAnIdTheAddressIsGenerated() {
        Group one = service.create("alice", new GroupDraft(null, "One", null, null));
        Group two = service.create("alice", new GroupDraft(null, "Two", null, null));

        assertTrue(one.address().matches("sip:[a-z0-9-]{36}@opencpm\\.test"), one.address());
        assertTrue(!one.address().equals(two.address()));
        assertEquals(List.of(new GroupMember(ALICE, GroupRole.OWNER, null)), one.members());
    }

    @Test
    void createRefusesTakenAddressesUnknownOwnersAndInvalidDrafts() {
        service.create("alice", friends(null));

        assertThrows(GroupAlreadyExistsException.class,
                () -> service.create("bob", new GroupDraft("friends", "Friends", null, null)));
        assertEquals("The address sip:bob@opencpm.test is already taken", assertThrows(
                GroupAlreadyExistsException.class,
                () -> service.create("alice", new GroupDraft("bob", "Bob's", null, null))).getMessage());
        assertThrows(UserNotFoundException.class, () -> service.create("carol", new GroupDraft(null, "C", null, null)));
        assertEquals("owner", assertThrows(InvalidGroupException.class,
                () -> service.create("alice@elsewhere.test", friends(null))).field());
        assertEquals("id", assertThrows(InvalidGroupException.class,
                () -> service.create("alice", new GroupDraft("Friends", "F", null, null))).field());
        assertEquals("id is the Controlling Function's ad-hoc address", assertThrows(InvalidGroupException.class,
                () -> service.create("alice", new GroupDraft("adhoc", "A", null, null))).getMessage(),
                "the ad-hoc address answers RFC 5365 MESSAGEs, so no group may take it");
        assertEquals(1, documents.count());
    }

    @Test
    void replaceKeepsAddressAndOwner() {
        service.create("alice", friends(null));

        Group replaced = service.replace(FRIENDS, new GroupDraft(null, "Old friends", policy(true, false, false,
                WhoMayInitiate.OWNER), List.of(new GroupMember(CAROL, GroupRole.PARTICIPANT, "Carol"))));

        assertEquals(new Group(FRIENDS, "alice", "Old friends", policy(true, false, false, WhoMayInitiate.OWNER),
                List.of(new GroupMember(ALICE, GroupRole.OWNER, null),
                        new GroupMember(CAROL, GroupRole.PARTICIPANT, "Carol"))), replaced);
        assertEquals(replaced, service.find(FRIENDS).orElseThrow());
        assertEquals("id", assertThrows(InvalidGroupException.class,
                () -> service.replace(FRIENDS, new GroupDraft("enemies", "E", null, null))).field());
        assertThrows(GroupNotFoundException.class, () -> service.replace("sip:nobody@opencpm.test", friends(null)));
    }

    @Test
    void membersAreAddedAndRemoved() {
        service.create("alice", friends(null));

        Group added = service.addMember(FRIENDS, new GroupMember("sip:Dave@Example.com;lr", GroupRole.PARTICIPANT,
                null));
        assertEquals(new GroupMember("sip:Dave@example.com", GroupRole.PARTICIPANT, null), added.members().get(3));

        Group removed = service.removeMember(FRIENDS, "tel:+1(201)555-0123");
        assertEquals(List.of(ALICE, BOB, "sip:Dave@example.com"),
                removed.members().stream().map(GroupMember::address).toList());
        assertEquals(removed, service.find(FRIENDS).orElseThrow());
    }

    @Test
    void memberChangesThatBreakARule() {
        service.create("alice", new GroupDraft("pair", "Pair", maxMembers(2), List.of(new GroupMember(BOB, GroupRole.PARTICIPANT, null))));

        assertEquals("address", assertThrows(InvalidGroupException.class, () -> service.addMember("pair@opencpm.test",
                new GroupMember(BOB, GroupRole.ADMIN, null))).field());
        InvalidGroupException full = assertThrows(InvalidGroupException.class, () -> service.addMember(
                "pair@opencpm.test", new GroupMember(CAROL, GroupRole.PARTICIPANT, null)));
        assertEquals("cannot be added: the group has its maximum of 2 members", full.detail());
        assertEquals("member", assertThrows(InvalidGroupException.class,
                () -> service.removeMember("pair@opencpm.test", ALICE)).field());
        assertThrows(MemberNotFoundException.class, () -> service.removeMember("pair@opencpm.test", CAROL));
        assertThrows(GroupNotFoundException.class, () -> service.addMember("sip:none@opencpm.test",
                new GroupMember(CAROL, GroupRole.PARTICIPANT, null)));
    }

    @Test
    void replaceMembersKeepsTheRolesOfThoseWhoStayAndTheOwner() {
        Group before = service.create("alice", friends(null));

        Group replaced = service.replaceMembers(FRIENDS, List.of(
                new GroupMember("sip:dave@example.com", null, "Dave"),
                new GroupMember("SIP:bob@opencpm.TEST;transport=tcp", null, null),
                new GroupMember("tel:+44-20-7946-0000", GroupRole.ADMIN, null)));

        assertEquals(new Group(FRIENDS, "alice", "Friends", before.policy(), List.of(
                new GroupMember(ALICE, GroupRole.OWNER, null),
                new GroupMember("sip:dave@example.com", GroupRole.PARTICIPANT, "Dave"),
                new GroupMember(BOB, GroupRole.ADMIN, null),
                new GroupMember("tel:+442079460000", GroupRole.ADMIN, null))), replaced);
        assertEquals(replaced, service.find(FRIENDS).orElseThrow());
    }

    @Test
    void replaceMembersKeepsTheOwnerListedOrNot() {
        service.create("alice", new GroupDraft("friends", "Friends", null, List.of(
                new GroupMember(BOB, GroupRole.ADMIN, null), new GroupMember(ALICE, GroupRole.OWNER, "Alice"))));

        assertEquals(List.of(new GroupMember(ALICE, GroupRole.OWNER, "Alice"),
                        new GroupMember(CAROL, GroupRole.PARTICIPANT, null)),
                service.replaceMembers(FRIENDS, List.of(new GroupMember(CAROL, null, null))).members(),
                "not listed: first, as stored");
        assertEquals(List.of(new GroupMember(CAROL, GroupRole.PARTICIPANT, null),
                        new GroupMember(ALICE, GroupRole.OWNER, "Al")),
                service.replaceMembers(FRIENDS, List.of(new GroupMember(CAROL, null, null),
                        new GroupMember("sip:alice@opencpm.test", null, "Al"))).members(),
                "listed: where and as listed");
        assertEquals(List.of(new GroupMember(ALICE, GroupRole.OWNER, "Al")),
                service.replaceMembers(FRIENDS, List.of()).members());
    }

    static Stream<Arguments> brokenMemberLists() {
        return Stream.of(
                Arguments.of(List.of(new GroupMember(BOB, null, null), new GroupMember("mailto:x@example.com", null,
                        null)), "members[1].address", "must be a sip:, sips: or tel: URI"),
                Arguments.of(List.of(new GroupMember(BOB, null, null), new GroupMember("SIP:bob@OPENCPM.test", null,
                        null)), "members[1].address", "repeats the address of members[0]"),
                Arguments.of(List.of(new GroupMember(CAROL, GroupRole.OWNER, null)), "members[0].role",
                        "must not be OWNER: only the group's owner has that role"),
                Arguments.of(List.of(new GroupMember(CAROL, null, " ")), "members[0].displayName",
                        "is required and must not be blank"),
                Arguments.of(List.of(new GroupMember(BOB, null, null), new GroupMember(CAROL, null, null)),
                        "members", "must have at most policy.maxMembers (2) members, the owner included"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("brokenMemberLists")
    void replaceMembersRefusesABrokenListAndChangesNothing(List<GroupMember> members, String field, String detail) {
        Group pair = service.create("alice", new GroupDraft("pair", "Pair", maxMembers(2), List.of()));

        InvalidGroupException refused = assertThrows(InvalidGroupException.class,
                () -> service.replaceMembers("pair@opencpm.test", members));

        assertEquals(field, refused.field());
        assertEquals(detail, refused.detail());
        assertEquals(pair, service.find("pair@opencpm.test").orElseThrow());
        assertThrows(GroupNotFoundException.class, () -> service.replaceMembers("sip:none@opencpm.test",
                List.of()));
    }

    @Test
    void setPolicyChecksTheMembersFit() {
        service.create("alice", friends(null));

        GroupPolicy announcements = policy(true, false, false, WhoMayInitiate.OWNER);
        assertEquals(announcements, service.setPolicy(FRIENDS, announcements).policy());
        assertEquals(announcements, service.find(FRIENDS).orElseThrow().policy());

        InvalidGroupException tooSmall = assertThrows(InvalidGroupException.class,
                () -> service.setPolicy(FRIENDS, maxMembers(2)));
        assertEquals("maxMembers", tooSmall.field());
        assertEquals("must be at least the group's 3 members", tooSmall.detail());
    }

    @Test
    void deleteRemovesTheGroup() {
        service.create("alice", friends(null));

        service.delete("friends@opencpm.test");

        assertTrue(service.find(FRIENDS).isEmpty());
        assertThrows(GroupNotFoundException.class, () -> service.delete(FRIENDS));
    }

    @Test
    void listsPagesByAddressAndTheGroupsOfAMember() {
        service.create("alice", new GroupDraft("c", "C", null, null));
        service.create("alice", new GroupDraft("a", "A", null, List.of(new GroupMember(BOB, GroupRole.ADMIN, null))));
        service.create("bob", new GroupDraft("b", "B", null, null));

        GroupPage page = service.list(1, 1);
        assertEquals(List.of("sip:b@opencpm.test"), page.items().stream().map(Group::address).toList());
        assertEquals(3, page.total());

        GroupPage bobs = service.groupsOf("sips:bob@OPENCPM.test", 0, 10);
        assertEquals(List.of("sip:a@opencpm.test", "sip:b@opencpm.test"),
                bobs.items().stream().map(Group::address).toList());
        assertEquals(2, bobs.total());
        assertEquals("limit", assertThrows(InvalidGroupException.class, () -> service.list(0, 201)).field());
        assertEquals("offset", assertThrows(InvalidGroupException.class, () -> service.groupsOf(BOB, -1, 1)).field());
    }

    @Test
    void forgettingAUserRemovesTheirGroupsAndMemberships() {
        service.create("alice", friends(null));
        service.create("bob", new GroupDraft("bobs", "Bob's", null, List.of(
                new GroupMember(ALICE, GroupRole.PARTICIPANT, null))));

        service.forgetUser("bob");

        assertTrue(service.find("bobs@opencpm.test").isEmpty());
        assertEquals(List.of(ALICE, CAROL),
                service.find(FRIENDS).orElseThrow().members().stream().map(GroupMember::address).toList());
    }

    static Stream<Arguments> authorizations() {
        GroupPolicy all = policy(true, true, true, WhoMayInitiate.MEMBERS);
        GroupPolicy owner = policy(true, true, true, WhoMayInitiate.OWNER);
        GroupPolicy anyone = policy(true, true, true, WhoMayInitiate.ANYONE);
        GroupPolicy sessionsOnly = policy(false, true, false, WhoMayInitiate.ANYONE);
        String stranger = "sip:eve@example.com";
        String notMembers = "only members of this group may initiate";
        String notOwner = "only the owner of this group may initiate";
        return Stream.of(
                Arguments.of(all, ALICE, Service.STANDALONE_MESSAGE, 200, null),
                Arguments.of(all, "sips:bob@OPENCPM.test;gr=x", Service.SESSION, 200, null),
                Arguments.of(all, "tel:+1-201-555-0123", Service.FILE_TRANSFER, 200, null),
                Arguments.of(all, stranger, Service.STANDALONE_MESSAGE, 403, notMembers),
                Arguments.of(all, "not an address", Service.STANDALONE_MESSAGE, 403, notMembers),
                Arguments.of(all, null, Service.SESSION, 403, notMembers),
                Arguments.of(owner, ALICE, Service.STANDALONE_MESSAGE, 200, null),
                Arguments.of(owner, BOB, Service.STANDALONE_MESSAGE, 403, notOwner),
                Arguments.of(owner, stranger, Service.SESSION, 403, notOwner),
                Arguments.of(anyone, stranger, Service.STANDALONE_MESSAGE, 200, null),
                Arguments.of(anyone, null, Service.FILE_TRANSFER, 200, null),
                Arguments.of(sessionsOnly, ALICE, Service.SESSION, 200, null),
                Arguments.of(sessionsOnly, ALICE, Service.STANDALONE_MESSAGE, 403,
                        "standalone messages are not allowed in this group"),
                Arguments.of(sessionsOnly, stranger, Service.FILE_TRANSFER, 403,
                        "file transfers are not allowed in this group"),
                Arguments.of(policy(true, false, true, WhoMayInitiate.MEMBERS), BOB, Service.SESSION, 403,
                        "sessions are not allowed in this group"));
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @MethodSource("authorizations")
    void authorizeAppliesThePolicy(GroupPolicy policy, String sender, Service service, int status, String reason) {
        this.service.create("alice", friends(policy));

        Authorization decision = this.service.authorize("sip:friends@opencpm.test", sender, service);

        assertEquals(new Authorization(status == 200, status, reason), decision);
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertEquals(Authorization.refuse(404, "no such group"),
                service.authorize("sip:nobody@opencpm.test", ALICE, Service.STANDALONE_MESSAGE));
        assertEquals(Authorization.refuse(404, "no such group"),
                service.authorize("tel:+123", ALICE, Service.STANDALONE_MESSAGE));
        assertThrows(GroupNotFoundException.class, () -> service.recipientsExcept("sip:nobody@opencpm.test", ALICE));
    }

    @Test
    void recipientsAreTheMembersButTheSenderInOrder() {
        service.create("alice", friends(null));

        assertEquals(List.of(BOB, CAROL), addresses(service.recipientsExcept(FRIENDS, "sip:alice@OPENCPM.test")));
        assertEquals(List.of(ALICE, CAROL), addresses(service.recipientsExcept(FRIENDS, BOB)));
        assertEquals(List.of(ALICE, BOB, CAROL), addresses(service.recipientsExcept(FRIENDS, "sip:eve@example.com")));
    }

    @Test
    void onlyTheOwnerGetsTheGroupToChange() {
        service.create("alice", friends(null));

        assertEquals(FRIENDS, service.ownedBy("friends@opencpm.test", "alice").address());
        assertThrows(NotGroupOwnerException.class, () -> service.ownedBy(FRIENDS, "bob"));
        assertThrows(GroupNotFoundException.class, () -> service.ownedBy("sip:nobody@opencpm.test", "alice"));
    }

    private static List<String> addresses(List<GroupMember> members) {
        return members.stream().map(GroupMember::address).toList();
    }
}
