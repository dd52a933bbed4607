package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * CPM Pre-defined Groups over REST on WildFly (OMA CPM SD 5.2.3.4): administrators' CRUD, members and policy,
 * validation problems, users' own groups with owner-only changes, the groups' life with their owner's account, and
 * the RFC 4826 resource-lists view of a group.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupsApiIT {

    private static final String PASSWORD = "sip-password-1";
    private static final String RESOURCE_LISTS = "application/resource-lists+xml";
    private static final String RL_NS = "urn:ietf:params:xml:ns:resource-lists";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String user(String prefix) throws Exception {
        String user = TestServer.uniqueUser(prefix);
        TestServer.provision(user, PASSWORD);
        return user;
    }

    private static String sip(String id) {
        return "sip:" + id + "@" + TestServer.DOMAIN;
    }

    private static String encoded(String address) {
        return URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return TestServer.send(method, path, json, true);
    }

    private static HttpResponse<String> asUser(String user, String method, String path, String json)
            throws Exception {
        return TestServer.send(method, path, json, "Authorization", TestServer.basic(user + ":" + PASSWORD));
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().toString());
    }

    private static void assertField(String field, HttpResponse<String> response) {
        assertProblem(400, response);
        assertTrue(response.body().contains("\"field\":\"" + field + "\""), response.body());
    }

    @Test
    void anAdministratorCreatesReadsChangesAndDeletesAGroup() throws Exception {
        String alice = user("alice");
        String id = TestServer.uniqueUser("team");
        String path = "/groups/" + encoded(sip(id));

        HttpResponse<String> created = admin("POST", "/groups", "{\"id\":\"" + id + "\",\"owner\":\"" + alice
                + "\",\"displayName\":\"Team\",\"members\":[{\"address\":\"SIP:Bob@EXAMPLE.com;transport=tcp\","
                + "\"role\":\"ADMIN\",\"displayName\":\"Bob\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api" + path),
                created.headers().toString());
        String stored = "{\"address\":\"" + sip(id) + "\",\"owner\":\"" + alice + "\",\"displayName\":\"Team\","
                + "\"policy\":{\"allowStandaloneMessages\":true,\"allowSessions\":true,\"allowFileTransfer\":true,"
                + "\"whoMayInitiate\":\"MEMBERS\",\"maxMembers\":100,\"anonymityAllowed\":false,\"closed\":false,"
                + "\"kind\":\"PRE_ARRANGED\"},\"members\":[{\"address\":\"" + sip(alice) + "\",\"role\":\"OWNER\"},"
                + "{\"address\":\"sip:Bob@example.com\",\"role\":\"ADMIN\",\"displayName\":\"Bob\"}]}";
        assertEquals(stored, created.body());
        assertEquals(stored, admin("GET", path, null).body());
        assertEquals(stored, admin("GET", "/groups/" + id + "@" + TestServer.DOMAIN, null).body(), "scheme-less");
        assertTrue(admin("GET", "/groups?limit=200", null).body().contains(sip(id)));

        HttpResponse<String> added = admin("POST", path + "/members", "{\"address\":\"tel:+1-201-555-0123\"}");
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("{\"address\":\"tel:+12015550123\",\"role\":\"PARTICIPANT\"}"),
                added.body());
        HttpResponse<String> removed = admin("DELETE", path + "/members/" + encoded("sip:Bob@example.com"), null);
        assertEquals(200, removed.statusCode(), removed.body());
        assertTrue(!removed.body().contains("Bob"), removed.body());

        HttpResponse<String> policy = admin("PUT", path + "/policy",
                "{\"allowStandaloneMessages\":false,\"whoMayInitiate\":\"OWNER\",\"maxMembers\":5}");
        assertEquals(200, policy.statusCode(), policy.body());
        assertTrue(policy.body().contains("\"allowStandaloneMessages\":false,\"allowSessions\":true,"
                + "\"allowFileTransfer\":true,\"whoMayInitiate\":\"OWNER\",\"maxMembers\":5"), policy.body());

        HttpResponse<String> replaced = admin("PUT", path, "{\"displayName\":\"Renamed\",\"owner\":\"" + alice
                + "\",\"members\":[]}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().contains("\"displayName\":\"Renamed\""), replaced.body());
        assertTrue(replaced.body().contains("\"members\":[{\"address\":\"" + sip(alice) + "\",\"role\":\"OWNER\"}]"),
                replaced.body());
        assertTrue(replaced.body().contains("\"maxMembers\":100"), "the whole document was replaced");

        assertEquals(204, admin("DELETE", path, null).statusCode());
        assertProblem(404, admin("GET", path, null));
    }

    @Test
    void refusalsAreProblems() throws Exception {
        String alice = user("alice");
        String id = TestServer.uniqueUser("club");
        String path = "/groups/" + encoded(sip(id));
        String body = "{\"id\":\"" + id + "\",\"owner\":\"" + alice + "\",\"displayName\":\"Club\"}";
        assertEquals(201, admin("POST", "/groups", body).statusCode());

        assertProblem(409, admin("POST", "/groups", body));
        assertProblem(409, admin("POST", "/groups", "{\"id\":\"" + alice + "\",\"owner\":\"" + alice
                + "\",\"displayName\":\"Taken by a user\"}"));
        assertField("members[1].address", admin("POST", "/groups", "{\"owner\":\"" + alice + "\",\"displayName\":"
                + "\"X\",\"members\":[{\"address\":\"sip:bob@example.com\"},{\"address\":\"mailto:x@example.com\"}]}"));
        assertField("id", admin("POST", "/groups", "{\"id\":\"Upper\",\"owner\":\"" + alice
                + "\",\"displayName\":\"X\"}"));
        assertField("policy.maxMembers", admin("PUT", path, "{\"displayName\":\"X\",\"policy\":{\"maxMembers\":1}}"));
        assertField("member", admin("DELETE", path + "/members/" + encoded(sip(alice)), null));
        assertProblem(400, admin("PUT", path + "/policy", "{\"maxMembres\":5}"));
        assertProblem(400, admin("POST", path + "/members", "{not json"));
        assertProblem(413, admin("PUT", path, "{\"displayName\":\"" + "a".repeat(20000) + "\"}"));
        assertProblem(404, admin("POST", "/groups", "{\"owner\":\"" + TestServer.uniqueUser("nobody")
                + "\",\"displayName\":\"X\"}"));
        assertProblem(404, admin("GET", "/groups/" + encoded(sip(TestServer.uniqueUser("none"))), null));
        assertProblem(404, admin("DELETE", path + "/members/" + encoded("sip:nobody@example.com"), null));
        assertTrue(admin("GET", path, null).body().contains("\"displayName\":\"Club\""), "nothing changed");
    }

    @Test
    void usersSeeTheirGroupsAndOnlyOwnersChangeThem() throws Exception {
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        String id = TestServer.uniqueUser("friends");
        String mine = "/me/groups/" + encoded(sip(id));

        HttpResponse<String> created = asUser(alice, "POST", "/me/groups", "{\"id\":\"" + id + "\","
                + "\"displayName\":\"Friends\",\"members\":[{\"address\":\"" + sip(bob) + "\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"owner\":\"" + alice + "\""), created.body());

        assertTrue(asUser(bob, "GET", "/me/groups", null).body().contains(sip(id)), "bob is a member");
        assertEquals("{\"items\":[],\"offset\":0,\"limit\":50,\"total\":0}",
                asUser(carol, "GET", "/me/groups", null).body(), "carol is not");
        assertEquals(200, asUser(bob, "GET", mine, null).statusCode());
        assertProblem(404, asUser(carol, "GET", mine, null));

        assertProblem(403, asUser(bob, "POST", mine + "/members", "{\"address\":\"" + sip(carol) + "\"}"));
        assertProblem(403, asUser(bob, "PUT", mine + "/policy", "{}"));
        assertProblem(403, asUser(bob, "PUT", mine, "{\"displayName\":\"Mine now\"}"));
        assertProblem(403, asUser(carol, "DELETE", mine, null));
        assertProblem(403, asUser(bob, "DELETE", mine + "/members/" + encoded(sip(bob)), null));

        assertEquals(200, asUser(alice, "POST", mine + "/members", "{\"address\":\"" + sip(carol) + "\"}")
                .statusCode());
        assertTrue(asUser(carol, "GET", "/me/groups", null).body().contains(sip(id)), "carol was added");
        assertEquals(200, asUser(alice, "DELETE", mine + "/members/" + encoded(sip(bob)), null).statusCode());
        assertEquals(0, asUser(bob, "GET", "/me/groups", null).body().indexOf("{\"items\":[]"), "bob was removed");
        assertField("owner", asUser(bob, "POST", "/me/groups", "{\"owner\":\"" + alice
                + "\",\"displayName\":\"X\"}"));
        assertProblem(401, TestServer.send("GET", "/me/groups", null));
    }

    @Test
    void deletingTheOwnersAccountRemovesTheirGroups() throws Exception {
        String alice = user("alice");
        String bob = user("bob");
        String id = TestServer.uniqueUser("doomed");
        String bobs = TestServer.uniqueUser("kept");
        assertEquals(201, asUser(alice, "POST", "/me/groups", "{\"id\":\"" + id + "\",\"displayName\":\"D\"}")
                .statusCode());
        assertEquals(201, asUser(bob, "POST", "/me/groups", "{\"id\":\"" + bobs + "\",\"displayName\":\"K\","
                + "\"members\":[{\"address\":\"" + sip(alice) + "\"}]}").statusCode());

        assertEquals(204, admin("DELETE", "/users/" + encoded(sip(alice)), null).statusCode());

        assertProblem(404, admin("GET", "/groups/" + encoded(sip(id)), null));
        HttpResponse<String> kept = admin("GET", "/groups/" + encoded(sip(bobs)), null);
        assertEquals(200, kept.statusCode(), kept.body());
        assertTrue(!kept.body().contains(sip(alice)), "alice's membership went with her: " + kept.body());
    }

    private static String resourceLists(String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><resource-lists xmlns=\"" + RL_NS + "\"><list>" + entries
                + "</list></resource-lists>";
    }

    /** The list's name and display-name, then each entry as uri or uri|display-name. */
    private static List<String> parsed(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith(RESOURCE_LISTS),
                response.headers().toString());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        assertEquals(RL_NS + " resource-lists", root.getNamespaceURI() + " " + root.getLocalName());
        NodeList lists = root.getElementsByTagNameNS(RL_NS, "list");
        assertEquals(1, lists.getLength(), response.body());
        Element list = (Element) lists.item(0);
        List<String> seen = new ArrayList<>();
        seen.add(list.getAttribute("name") + "|" + displayName(list));
        NodeList entries = list.getElementsByTagNameNS(RL_NS, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String name = displayName(entry);
            seen.add(entry.getAttribute("uri") + (name == null ? "" : "|" + name));
        }
        return seen;
    }

    private static String displayName(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "display-name".equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    @Test
    void aGroupIsReadAndReplacedAsAResourceListsDocument() throws Exception {
        String alice = user("alice");
        String bob = user("bob");
        String id = TestServer.uniqueUser("xdm");
        String path = "/groups/" + encoded(sip(id)) + "/resource-lists";
        assertEquals(201, admin("POST", "/groups", "{\"id\":\"" + id + "\",\"owner\":\"" + alice
                + "\",\"displayName\":\"Team & co\",\"members\":[{\"address\":\"" + sip(bob)
                + "\",\"role\":\"ADMIN\",\"displayName\":\"Bob\"},{\"address\":\"tel:+12015550123\"}]}")
                .statusCode());

        assertEquals(List.of(id + "|Team & co", sip(alice), sip(bob) + "|Bob", "tel:+12015550123"),
                parsed(admin("GET", path, null)));

        HttpResponse<String> replaced = TestServer.sendTyped("PUT", path, RESOURCE_LISTS, resourceLists(
                "<entry uri=\"sip:carol@example.com\"><display-name>Carol</display-name></entry>"
                        + "<list name=\"nested\"><entry uri=\"" + sip(bob) + "\"/></list>"),
                "Authorization", TestServer.adminAuthorization());
        assertEquals(List.of(id + "|Team & co", sip(alice), "sip:carol@example.com|Carol", sip(bob)),
                parsed(replaced), "the owner stays, first when not listed");
        assertTrue(admin("GET", "/groups/" + encoded(sip(id)), null).body().contains("\"members\":["
                + "{\"address\":\"" + sip(alice) + "\",\"role\":\"OWNER\"},"
                + "{\"address\":\"sip:carol@example.com\",\"role\":\"PARTICIPANT\",\"displayName\":\"Carol\"},"
                + "{\"address\":\"" + sip(bob) + "\",\"role\":\"ADMIN\"}]"), "roles kept, new ones PARTICIPANT");

        String before = admin("GET", "/groups/" + encoded(sip(id)), null).body();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<resource-lists xmlns=\"" + RL_NS + "\"><list><entry uri=\"sip:x@example.com\">"
                + "<display-name>&x;</display-name></entry></list></resource-lists>";
        HttpResponse<String> refused = TestServer.sendTyped("PUT", path, RESOURCE_LISTS, xxe,
                "Authorization", TestServer.adminAuthorization());
        assertProblem(400, refused);
        assertTrue(refused.body().contains("DOCTYPE") && !refused.body().contains("root:"), refused.body());
        assertProblem(400, TestServer.sendTyped("PUT", path, RESOURCE_LISTS, "<resource-lists",
                "Authorization", TestServer.adminAuthorization()));
        assertProblem(415, admin("PUT", path, "{\"members\":[]}"));
        assertEquals(before, admin("GET", "/groups/" + encoded(sip(id)), null).body(), "nothing changed");

        String mine = "/me/groups/" + encoded(sip(id)) + "/resource-lists";
        assertEquals(parsed(admin("GET", path, null)), parsed(asUser(bob, "GET", mine, null)), "a member reads it");
        assertProblem(403, TestServer.sendTyped("PUT", mine, RESOURCE_LISTS, resourceLists("<entry uri=\""
                + sip(bob) + "\"/>"), "Authorization", TestServer.basic(bob + ":" + PASSWORD)));
        HttpResponse<String> byOwner = TestServer.sendTyped("PUT", mine, RESOURCE_LISTS, resourceLists(
                "<entry uri=\"" + sip(alice) + "\"/>"), "Authorization", TestServer.basic(alice + ":" + PASSWORD));
        assertEquals(List.of(id + "|Team & co", sip(alice)), parsed(byOwner));
        assertProblem(404, asUser(bob, "GET", mine, null));

        String openapi = TestServer.get("/openapi").body();
        assertTrue(openapi.contains("/groups/{address}/resource-lists")
                && openapi.contains("/me/groups/{address}/resource-lists")
                && openapi.contains(RESOURCE_LISTS), "the view is described");
        assertTrue(openapi.contains("#/components/responses/NotGroupOwner")
                && openapi.contains("Not the group's owner"), "shared responses are referenced and defined");
    }
}
