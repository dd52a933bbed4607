package org.opencpm.rest.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupNotFoundException;
import org.opencpm.group.GroupRole;
import org.opencpm.group.GroupService;
import org.opencpm.group.InvalidGroupException;
import org.opencpm.group.MemberNotFoundException;
import org.opencpm.group.NotGroupOwnerException;
import org.opencpm.group.WhoMayInitiate;
import org.opencpm.rest.problem.MalformedBodyException;
import org.opencpm.storage.group.InMemoryGroupDocumentRepository;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.storage.user.UserAccountRepository;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;

/** The administrators' and the users' resources on an in-memory service, with users alice and bob. */
class GroupResourcesTest {

    private final GroupService service = new GroupService(new InMemoryGroupDocumentRepository(), new AliceAndBob(),
            new HomeDomain());
    private final GroupResource admin = new GroupResource();
    private final MyGroupsResource alice = mine("alice");
    private final MyGroupsResource bob = mine("bob");

    {
        admin.groups = service;
        admin.uriInfo = uriInfo();
    }

    private MyGroupsResource mine(String username) {
        MyGroupsResource resource = new MyGroupsResource();
        resource.groups = service;
        resource.homeDomain = new HomeDomain();
        resource.uriInfo = uriInfo();
        resource.security = user(username);
        return resource;
    }

    private static GroupJson group(String id, String owner, MemberJson... members) {
        return new GroupJson(id, null, owner, "Group " + id, null, List.of(members));
    }

    private static MemberJson member(String address) {
        return new MemberJson(address, null, null);
    }

    @Test
    void anAdministratorCreatesForAnOwnerWithALocation() {
        Response created = admin.create(group("friends", "alice@opencpm.test", member("sip:bob@opencpm.test")));

        assertEquals(201, created.getStatus());
        assertEquals("http://localhost/api/groups/sip%3Afriends%40opencpm.test", created.getLocation().toString());
        GroupJson body = (GroupJson) created.getEntity();
        assertEquals("alice", body.owner());
        assertEquals(List.of("sip:alice@opencpm.test", "sip:bob@opencpm.test"),
                body.members().stream().map(MemberJson::address).toList());
        assertEquals(body, admin.get("friends@opencpm.test"));
    }

    @Test
    void anAdministratorChangesMembersAndPolicy() {
        admin.create(group("friends", "alice"));

        admin.addMember("friends@opencpm.test", member("tel:+1-201-555-0123"));
        assertEquals(2, admin.get("friends@opencpm.test").members().size());
        admin.removeMember("friends@opencpm.test", "tel:+12015550123");
        assertEquals(1, admin.get("friends@opencpm.test").members().size());
        assertThrows(MemberNotFoundException.class, () -> admin.removeMember("friends@opencpm.test", "tel:+1"));

        PolicyJson owner = new PolicyJson(null, null, null, WhoMayInitiate.OWNER, null, null, null, null);
        assertEquals(WhoMayInitiate.OWNER, admin.setPolicy("friends@opencpm.test", owner).policy().whoMayInitiate());
        admin.delete("sip:friends@opencpm.test");
        assertThrows(GroupNotFoundException.class, () -> admin.get("friends@opencpm.test"));
    }

    @Test
    void listsPageWithDefaultsAndRefuseBadPaging() {
        admin.create(group("a", "alice"));
        admin.create(group("b", "bob"));

        GroupListJson page = admin.list(new GroupPaging("1", null));
        assertEquals(List.of("sip:b@opencpm.test"), page.items().stream().map(GroupJson::address).toList());
        assertEquals(GroupPaging.DEFAULT_LIMIT, page.limit());
        assertEquals(2, page.total());
        assertEquals("limit", assertThrows(InvalidUserException.class,
                () -> admin.list(new GroupPaging(null, "x"))).field());
        assertEquals("limit", assertThrows(InvalidGroupException.class,
                () -> admin.list(new GroupPaging(null, "0"))).field());
    }

    @Test
    void aUserSeesOnlyTheGroupsTheyBelongTo() {
        alice.create(group("alices", null, member("sip:bob@opencpm.test")));
        alice.create(group("private", "alice"));

        assertEquals(List.of("sip:alices@opencpm.test"),
                bob.list(new GroupPaging(null, null)).items().stream().map(GroupJson::address).toList());
        assertEquals(2, alice.list(new GroupPaging(null, null)).total());
        assertEquals("alice", bob.get("alices@opencpm.test").owner(), "a member reads the group");
        assertThrows(GroupNotFoundException.class, () -> bob.get("private@opencpm.test"));
    }

    @Test
    void onlyTheOwnerChangesTheGroup() {
        Response created = alice.create(group("alices", null, member("sip:bob@opencpm.test")));
        assertEquals("http://localhost/api/me/groups/sip%3Aalices%40opencpm.test", created.getLocation().toString());
        String g = "alices@opencpm.test";

        assertThrows(NotGroupOwnerException.class, () -> bob.replace(g, group(null, null)));
        assertThrows(NotGroupOwnerException.class, () -> bob.delete(g));
        assertThrows(NotGroupOwnerException.class, () -> bob.addMember(g, member("sip:eve@example.com")));
        assertThrows(NotGroupOwnerException.class, () -> bob.removeMember(g, "sip:bob@opencpm.test"));
        assertThrows(NotGroupOwnerException.class, () -> bob.setPolicy(g, new PolicyJson(null, null, null, null,
                null, null, null, null)));
        assertEquals(3, alice.addMember(g, member("sip:eve@example.com")).members().size());
        alice.delete(g);
        assertThrows(GroupNotFoundException.class, () -> alice.delete(g));
    }

    @Test
    void aUserCreatesOnlyForThemselves() {
        assertEquals("owner", assertThrows(InvalidGroupException.class,
                () -> alice.create(group("x", "bob"))).field());
        assertThrows(MalformedBodyException.class, () -> alice.create(null));
        assertThrows(MalformedBodyException.class, () -> admin.addMember("x@opencpm.test", null));
    }

    private static byte[] resourceLists(String entries) {
        return ("<?xml version=\"1.0\"?><resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list>"
                + entries + "</list></resource-lists>").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    @Test
    void anAdministratorReadsAGroupAsAResourceList() {
        admin.create(new GroupJson("friends", null, "alice", "Friends & co", null, List.of(
                new MemberJson("sip:bob@opencpm.test", GroupRole.ADMIN, "Bob <B>"), member("tel:+1-201-555-0123"))));

        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" \
                xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
                  <list name="friends">
                    <display-name>Friends &amp; co</display-name>
                    <entry uri="sip:alice@opencpm.test" cp:copyControl="to"/>
                    <entry uri="sip:bob@opencpm.test" cp:copyControl="to">\
                <display-name>Bob &lt;B&gt;</display-name></entry>
                    <entry uri="tel:+12015550123" cp:copyControl="to"/>
                  </list>
                </resource-lists>
                """, text(admin.getResourceLists("friends@opencpm.test")));
        assertThrows(GroupNotFoundException.class, () -> admin.getResourceLists("none@opencpm.test"));
    }

    @Test
    void aResourceListReplacesTheMembersKeepingRolesAndTheOwner() {
        admin.create(new GroupJson("friends", null, "alice", "Friends", null, List.of(
                new MemberJson("sip:bob@opencpm.test", GroupRole.ADMIN, "Bob"), member("tel:+12015550123"))));

        byte[] stored = admin.replaceResourceLists("friends@opencpm.test", resourceLists(
                "<entry uri=\"sip:dave@example.com\"><display-name>Dave</display-name></entry>"
                        + "<list><entry uri=\"SIP:bob@OPENCPM.test\"/></list>"));

        assertEquals(List.of(new MemberJson("sip:alice@opencpm.test", GroupRole.OWNER, null),
                new MemberJson("sip:dave@example.com", GroupRole.PARTICIPANT, "Dave"),
                new MemberJson("sip:bob@opencpm.test", GroupRole.ADMIN, null)),
                admin.get("friends@opencpm.test").members());
        assertEquals(text(admin.getResourceLists("friends@opencpm.test")), text(stored), "answers as stored");
        assertEquals("Friends", admin.get("friends@opencpm.test").displayName());
    }

    @Test
    void aResourceListThatCannotBeReadOrBreaksARuleChangesNothing() {
        admin.create(new GroupJson("pair", null, "alice", "Pair", new PolicyJson(null, null, null, null, 2, null,
                null, null), List.of()));
        GroupJson before = admin.get("pair@opencpm.test");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list>"
                + "<entry uri=\"sip:a@example.com\"><display-name>&x;</display-name></entry></list></resource-lists>";

        MalformedBodyException refused = assertThrows(MalformedBodyException.class,
                () -> admin.replaceResourceLists("pair@opencpm.test", xxe.getBytes(StandardCharsets.UTF_8)));
        assertEquals("The request body is not a resource-lists document this resource accepts: resource list XML "
                + "not well-formed or has a DOCTYPE (line 1).", refused.getMessage());
        assertTrue(assertThrows(MalformedBodyException.class, () -> admin.replaceResourceLists("pair@opencpm.test",
                resourceLists("<entry uri=\"mailto:x@example.com\"/>"))).getMessage().endsWith(
                        "resource list entry uri must be sip, sips or tel."));
        assertThrows(MalformedBodyException.class, () -> admin.replaceResourceLists("pair@opencpm.test",
                new byte[0]));
        assertEquals("members", assertThrows(InvalidGroupException.class, () -> admin.replaceResourceLists(
                "pair@opencpm.test", resourceLists("<entry uri=\"sip:a@example.com\"/>"
                        + "<entry uri=\"sip:b@example.com\"/>"))).field());
        assertEquals("members[0].address", assertThrows(InvalidGroupException.class, () -> admin.replaceResourceLists(
                "pair@opencpm.test", resourceLists("<entry uri=\"tel:0123\"/>"))).field());
        assertEquals(before, admin.get("pair@opencpm.test"));
    }

    @Test
    void membersReadTheResourceListAndOnlyTheOwnerReplacesIt() {
        alice.create(group("alices", null, member("sip:bob@opencpm.test")));
        String g = "alices@opencpm.test";
        byte[] justBob = resourceLists("<entry uri=\"sip:bob@opencpm.test\"/>");

        assertEquals(text(alice.getResourceLists(g)), text(bob.getResourceLists(g)));
        assertThrows(GroupNotFoundException.class, () -> mine("carol").getResourceLists(g));
        assertThrows(NotGroupOwnerException.class, () -> bob.replaceResourceLists(g, justBob));
        assertThrows(GroupNotFoundException.class, () -> alice.replaceResourceLists("none@opencpm.test", justBob));
        assertTrue(text(alice.replaceResourceLists(g, resourceLists("<entry uri=\"sip:eve@example.com\"/>")))
                .contains("<entry uri=\"sip:eve@example.com\""));
        assertEquals(List.of("sip:alice@opencpm.test", "sip:eve@example.com"),
                alice.get(g).members().stream().map(MemberJson::address).toList());
    }

    private static UriInfo uriInfo() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getBaseUriBuilder")) {
                        return UriBuilder.fromUri("http://localhost/api/");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SecurityContext user(String username) {
        return (SecurityContext) Proxy.newProxyInstance(SecurityContext.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getUserPrincipal")) {
                        return (Principal) () -> username;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Accounts alice and bob of opencpm.test. */
    private static final class AliceAndBob extends UserAccountRepository {

        @Override
        public Optional<UserAccount> findByAddress(String address) {
            return List.of("sip:alice@opencpm.test", "sip:bob@opencpm.test").contains(address)
                    ? Optional.of(new UserAccount(address, address.substring(4, address.indexOf('@')),
                            "opencpm.test", "password-1"))
                    : Optional.empty();
        }

        @Override
        public Optional<UserAccount> lockByAddress(String address) {
            return findByAddress(address);
        }
    }
}
