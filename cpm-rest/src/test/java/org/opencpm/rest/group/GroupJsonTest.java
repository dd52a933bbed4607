package org.opencpm.rest.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpm.group.Group;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupKind;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.group.InvalidGroupException;
import org.opencpm.group.WhoMayInitiate;
import org.opencpm.rest.problem.Problem;

/** Groups, members and policies through JSON-B as WildFly runs it for these resources: strict on reading. */
class GroupJsonTest {

    private static final Jsonb JSONB = new StrictGroupJson().getContext(GroupJson.class);

    private static final GroupPolicy ANNOUNCEMENTS = new GroupPolicy(true, false, false, WhoMayInitiate.OWNER, 500,
            false, true, GroupKind.JOIN_IN);
    private static final Group GROUP = new Group("sip:friends@opencpm.test", "alice", "Friends", ANNOUNCEMENTS,
            List.of(new GroupMember("sip:alice@opencpm.test", GroupRole.OWNER, null),
                    new GroupMember("tel:+12015550123", GroupRole.PARTICIPANT, "Carol")));
    private static final String GROUP_JSON = "{\"address\":\"sip:friends@opencpm.test\",\"owner\":\"alice\","
            + "\"displayName\":\"Friends\",\"policy\":{\"allowStandaloneMessages\":true,\"allowSessions\":false,"
            + "\"allowFileTransfer\":false,\"whoMayInitiate\":\"OWNER\",\"maxMembers\":500,"
            + "\"anonymityAllowed\":false,\"closed\":true,\"kind\":\"JOIN_IN\"},"
            + "\"members\":[{\"address\":\"sip:alice@opencpm.test\",\"role\":\"OWNER\"},"
            + "{\"address\":\"tel:+12015550123\",\"role\":\"PARTICIPANT\",\"displayName\":\"Carol\"}]}";

    private static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    @Test
    void aGroupWritesMemberForMemberWithoutAnId() {
        assertEquals(GROUP_JSON, JSONB.toJson(GroupJson.of(GROUP)));
    }

    @Test
    void whatWasReadCanBePutBack() {
        GroupDraft draft = read(GROUP_JSON, GroupJson.class).toReplacement(GROUP);

        assertEquals(new GroupDraft(null, "Friends", ANNOUNCEMENTS, GROUP.members()), draft);
    }

    @Test
    void absentMembersTakeTheirDefaults() {
        GroupDraft draft = read("{\"id\":\"team\",\"displayName\":\"Team\",\"policy\":{\"maxMembers\":5},"
                + "\"members\":[{\"address\":\"sip:bob@example.com\"}]}", GroupJson.class).toNewDraft();

        GroupPolicy d = GroupPolicy.defaults();
        assertEquals(new GroupDraft("team", "Team", new GroupPolicy(true, true, true, d.whoMayInitiate(), 5, false,
                false, d.kind()), List.of(new GroupMember("sip:bob@example.com", GroupRole.PARTICIPANT, null))),
                draft);
        assertEquals(new GroupDraft(null, null, null, null), read("{}", GroupJson.class).toNewDraft());
        assertEquals(d, read("{}", PolicyJson.class).toPolicy());
    }

    @Test
    void nullMembersReachTheRulesWithTheirPlace() {
        GroupDraft draft = read("{\"displayName\":\"T\",\"members\":[{\"address\":\"sip:bob@example.com\"},null]}",
                GroupJson.class).toNewDraft();

        assertEquals(Arrays.asList(new GroupMember("sip:bob@example.com", GroupRole.PARTICIPANT, null), null),
                draft.members());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"displayname\":\"T\"}", "{\"policy\":{\"maxMembres\":5}}",
            "{\"members\":[{\"adress\":\"sip:bob@example.com\"}]}", "{\"policy\":{\"kind\":\"AD_HOC\"}}",
            "{\"members\":[{\"role\":\"BOSS\"}]}"})
    void unknownMembersAndValuesAreRefused(String json) {
        assertThrows(JsonbException.class, () -> read(json, GroupJson.class));
    }

    @Test
    void theAddressIsTheServersAndAddressAndOwnerStay() {
        assertEquals("address", assertThrows(InvalidGroupException.class,
                () -> read("{\"address\":\"sip:x@opencpm.test\",\"displayName\":\"X\"}", GroupJson.class)
                        .toNewDraft()).field());
        assertEquals("address", assertThrows(InvalidGroupException.class,
                () -> read("{\"address\":\"sip:x@opencpm.test\"}", GroupJson.class).toReplacement(GROUP)).field());
        assertEquals("owner", assertThrows(InvalidGroupException.class,
                () -> read("{\"owner\":\"bob\"}", GroupJson.class).toReplacement(GROUP)).field());
    }

    @Test
    void onlyTheGroupTypesAreStrict() {
        assertEquals(JSONB, new StrictGroupJson().getContext(MemberJson.class));
        assertEquals(JSONB, new StrictGroupJson().getContext(PolicyJson.class));
        assertNull(new StrictGroupJson().getContext(Problem.class));
    }
}
