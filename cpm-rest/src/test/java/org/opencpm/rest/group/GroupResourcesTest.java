package org.opencpm.rest.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupNotFoundException;
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
