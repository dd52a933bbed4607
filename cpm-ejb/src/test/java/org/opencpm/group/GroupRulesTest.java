package org.opencpm.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of a group, one broken at a time, with the field path and detail it reports. */
class GroupRulesTest {

    private static final String GROUP = "sip:friends@opencpm.test";
    private static final String ALICE = "sip:alice@opencpm.test";
    private static final GroupMember BOB = new GroupMember("sip:bob@example.com", GroupRole.PARTICIPANT, "Bob");

    private static GroupDraft draft(String displayName, GroupPolicy policy, GroupMember... members) {
        return new GroupDraft(null, displayName, policy, Arrays.asList(members));
    }

    private static GroupDraft members(GroupMember... members) {
        return draft("Friends", null, members);
    }

    private static GroupPolicy maxMembers(int max) {
        GroupPolicy d = GroupPolicy.defaults();
        return new GroupPolicy(true, true, true, d.whoMayInitiate(), max, false, false, d.kind());
    }

    private static Group canonical(GroupDraft draft) {
        return GroupRules.canonical(GROUP, "alice", ALICE, draft);
    }

    static Stream<Arguments> brokenRules() {
        GroupMember[] tooMany = IntStream.range(0, 3)
                .mapToObj(i -> new GroupMember("sip:u" + i + "@example.com", GroupRole.PARTICIPANT, null))
                .toArray(GroupMember[]::new);
        return Stream.of(
                Arguments.of(draft(null, null), "displayName", "is required and must not be blank"),
                Arguments.of(draft(" ", null), "displayName", "is required and must not be blank"),
                Arguments.of(draft("x".repeat(257), null), "displayName", "must be at most 256 characters"),
                Arguments.of(draft("Bell\u0007", null), "displayName",
                        "must have only characters XML can carry: no controls but tab, CR and LF"),
                Arguments.of(draft("Friends", maxMembers(1)), "policy.maxMembers", "must be between 2 and 10000"),
                Arguments.of(draft("Friends", maxMembers(10_001)), "policy.maxMembers",
                        "must be between 2 and 10000"),
                Arguments.of(draft("Friends", new GroupPolicy(true, true, true, null, 5, false, false,
                        GroupKind.JOIN_IN)), "policy.whoMayInitiate", "is required"),
                Arguments.of(draft("Friends", new GroupPolicy(true, true, true, WhoMayInitiate.ANYONE, 5, false,
                        false, null)), "policy.kind", "is required"),
                Arguments.of(members(BOB, new GroupMember("mailto:eve@example.com", GroupRole.PARTICIPANT, null)),
                        "members[1].address", "must be a sip:, sips: or tel: URI"),
                Arguments.of(members(new GroupMember("tel:0123", GroupRole.PARTICIPANT, null)),
                        "members[0].address", "must be a global number, tel:+ followed by digits"),
                Arguments.of(members(BOB, new GroupMember("SIPS:bob@EXAMPLE.com;transport=tls", GroupRole.ADMIN,
                        null)), "members[1].address", "repeats the address of members[0]"),
                Arguments.of(members(new GroupMember("sip:bob@example.com", null, null)), "members[0].role",
                        "is required"),
                Arguments.of(members(new GroupMember("sip:bob@example.com", GroupRole.OWNER, null)),
                        "members[0].role", "must not be OWNER: only the group's owner has that role"),
                Arguments.of(members(new GroupMember(ALICE, GroupRole.ADMIN, null)), "members[0].role",
                        "must be OWNER for the group's owner"),
                Arguments.of(members(new GroupMember("sip:bob@example.com", GroupRole.ADMIN, "")),
                        "members[0].displayName", "is required and must not be blank"),
                Arguments.of(members(new GroupMember("sip:bob@example.com", GroupRole.ADMIN, "\uffff")),
                        "members[0].displayName",
                        "must have only characters XML can carry: no controls but tab, CR and LF"),
                Arguments.of(members(BOB, null), "members[1]", "must not be null"),
                Arguments.of(draft("Friends", maxMembers(3), tooMany), "members",
                        "must have at most policy.maxMembers (3) members, the owner included"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("brokenRules")
    void reportsTheFirstBrokenRule(GroupDraft draft, String field, String detail) {
        InvalidGroupException e = assertThrows(InvalidGroupException.class, () -> canonical(draft));

        assertEquals(field, e.field());
        assertEquals(detail, e.detail());
    }

    @Test
    void theOwnerIsAddedFirstUnlessListedAndAddressesAreCanonical() {
        Group group = canonical(members(new GroupMember("SIP:Bob@EXAMPLE.com:5060;transport=tcp", GroupRole.ADMIN,
                null), new GroupMember("tel:+1-201-555-0123", GroupRole.PARTICIPANT, "Carol")));

        assertEquals(List.of(new GroupMember(ALICE, GroupRole.OWNER, null),
                new GroupMember("sip:Bob@example.com", GroupRole.ADMIN, null),
                new GroupMember("tel:+12015550123", GroupRole.PARTICIPANT, "Carol")), group.members());
        assertEquals(GroupPolicy.defaults(), group.policy());

        Group listed = canonical(members(BOB, new GroupMember(ALICE, GroupRole.OWNER, "Alice")));
        assertEquals(List.of(BOB, new GroupMember(ALICE, GroupRole.OWNER, "Alice")), listed.members(),
                "the owner keeps their place");
    }

    @Test
    void theOwnerCountsTowardsMaxMembers() {
        assertEquals(2, canonical(draft("Pair", maxMembers(2), BOB)).members().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Friends", "a b", "x/y", "ä", "sixty-five-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void refusesIdsThatCannotBeAGroupAddress(String id) {
        assertEquals("id", assertThrows(InvalidGroupException.class, () -> GroupRules.id(id)).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"friends", "a", "team.blue_2-x", "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsIdsOfTheAllowedCharacters(String id) {
        assertEquals(id, GroupRules.id(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:friends@opencpm.test", "friends@opencpm.test", "SIPS:friends@OpenCPM.test;x=y",
            "sip:friends@opencpm.test:5060"})
    void groupReferencesInAnySpellingNameTheCanonicalAddress(String reference) {
        assertEquals(GROUP, GroupRules.groupAddress(reference).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:+1234", "friends", "mailto:friends@opencpm.test", "sip:@opencpm.test"})
    void referencesThatNameNoGroup(String reference) {
        assertEquals(true, GroupRules.groupAddress(reference).isEmpty());
    }
}
