package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CPM user preferences over REST on WildFly (OMA CPM SD 5.4): administrators and users themselves, whole-document
 * replace with ETags, validation problems, and the documents' life with the accounts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PreferencesApiIT {

    private static final String PASSWORD = "sip-password-1";
    private static final String DOCUMENT = "{\"doNotDisturb\":true,"
            + "\"blacklist\":[\"SIPS:Eve@EXAMPLE.com;transport=tls\",\"tel:+1-201-555-0123\"],"
            + "\"messageHandling\":\"FORWARD\",\"forwardTo\":\"sip:bob@example.com\",\"deferredDelivery\":\"PUSH\","
            + "\"profiles\":[{\"id\":\"work\",\"displayName\":\"At work\",\"maxMessageSize\":4096,"
            + "\"contentTypes\":[\"Text/Plain\",\"image/*\"]},{\"id\":\"night\",\"displayName\":\"Night\","
            + "\"standaloneMessages\":false}],\"activeProfiles\":{\"urn:uuid:1\":\"work\"}}";
    private static final String STORED = "{\"doNotDisturb\":true,"
            + "\"blacklist\":[\"sip:Eve@example.com\",\"tel:+12015550123\"],\"rejectAnonymous\":false,"
            + "\"messageHandling\":\"FORWARD\",\"forwardTo\":\"sip:bob@example.com\",\"deferredDelivery\":\"PUSH\","
            + "\"profiles\":[{\"id\":\"work\",\"displayName\":\"At work\",\"standaloneMessages\":true,"
            + "\"maxMessageSize\":4096,\"contentTypes\":[\"text/plain\",\"image/*\"]},{\"id\":\"night\","
            + "\"displayName\":\"Night\",\"standaloneMessages\":false,\"contentTypes\":[]}],"
            + "\"activeProfiles\":{\"urn:uuid:1\":\"work\"}}";
    private static final String DEFAULTS = "{\"doNotDisturb\":false,\"blacklist\":[],\"rejectAnonymous\":false,"
            + "\"messageHandling\":\"DELIVER\",\"profiles\":[],\"activeProfiles\":{}}";
    private static final String DND = "{\"doNotDisturb\":true}";
    private static final String DND_STORED = DEFAULTS.replace("\"doNotDisturb\":false", "\"doNotDisturb\":true");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String path(String user) {
        return "/users/" + URLEncoder.encode("sip:" + user + "@" + TestServer.DOMAIN, StandardCharsets.UTF_8)
                + "/preferences";
    }

    private static String user(String prefix) throws Exception {
        String user = TestServer.uniqueUser(prefix);
        TestServer.provision(user, PASSWORD);
        return user;
    }

    private static HttpResponse<String> asUser(String method, String userId, String password, String json,
                                               String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = TestServer.basic(userId + ":" + password);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return TestServer.send(method, "/me/preferences", json, all);
    }

    private static HttpResponse<String> asAdmin(String method, String path, String json, String... headers)
            throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = TestServer.adminAuthorization();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return TestServer.send(method, path, json, all);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().toString());
    }

    @Test
    void anAdministratorReplacesAndReadsADocument() throws Exception {
        String carol = user("carol");

        HttpResponse<String> put = TestServer.send("PUT", path(carol), DOCUMENT, true);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(STORED, put.body(), "stored canonical: addresses, content types");

        HttpResponse<String> get = TestServer.send("GET", path(carol), null, true);
        assertEquals(200, get.statusCode(), get.body());
        assertEquals(STORED, get.body());
        assertEquals(etag(put), etag(get));

        HttpResponse<String> schemeLess = TestServer.send("GET", "/users/" + carol + "@opencpm.test/preferences", null,
                true);
        assertEquals(STORED, schemeLess.body());
    }

    @Test
    void invalidDocumentsGetPreciseProblems() throws Exception {
        String dave = user("dave");

        HttpResponse<String> duplicate = TestServer.send("PUT", path(dave), "{\"profiles\":[{\"id\":\"a\","
                + "\"displayName\":\"A\"},{\"id\":\"a\",\"displayName\":\"Again\"}]}", true);
        assertProblem(400, duplicate);
        assertTrue(duplicate.body().contains("\"field\":\"profiles[1].id\""), duplicate.body());

        HttpResponse<String> forward = TestServer.send("PUT", path(dave), "{\"messageHandling\":\"FORWARD\"}", true);
        assertProblem(400, forward);
        assertTrue(forward.body().contains("\"field\":\"forwardTo\""), forward.body());

        assertProblem(400, TestServer.send("PUT", path(dave), "{\"doNotDistrub\":true}", true));
        assertProblem(400, TestServer.send("PUT", path(dave), "{\"messageHandling\":\"BOUNCE\"}", true));
        assertProblem(400, TestServer.send("PUT", path(dave), "{not json", true));
        assertProblem(413, TestServer.send("PUT", path(dave),
                "{\"blacklist\":[\"" + "a".repeat(20000) + "\"]}", true));
        assertEquals(DEFAULTS, TestServer.send("GET", path(dave), null, true).body(), "nothing was stored");

        String nobody = TestServer.uniqueUser("nobody");
        assertProblem(404, TestServer.send("GET", path(nobody), null, true));
        assertProblem(404, TestServer.send("PUT", path(nobody), DND, true));
        assertProblem(400, TestServer.send("GET", "/users/sip%3Aerin%40elsewhere.test/preferences", null, true));
    }

    @Test
    void aUserManagesTheirOwnDocumentWithTheirSipPassword() throws Exception {
        String alice = user("alice");

        HttpResponse<String> defaults = asUser("GET", alice, PASSWORD, null);
        assertEquals(200, defaults.statusCode(), defaults.body());
        assertEquals(DEFAULTS, defaults.body());

        HttpResponse<String> put = asUser("PUT", "sip:" + alice + "@opencpm.test", PASSWORD, DOCUMENT);
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(STORED, put.body());

        assertEquals(STORED, asUser("GET", alice + "@opencpm.test", PASSWORD, null).body());
        assertEquals(STORED, TestServer.send("GET", path(alice), null, true).body(), "the administrator sees it");
    }

    @Test
    void wrongOrMissingCredentialsAreChallenged() throws Exception {
        String alice = user("alice");

        for (HttpResponse<String> refused : List.of(asUser("GET", alice, "wrong-password", null),
                asUser("PUT", alice, "wrong-password", DND),
                asUser("GET", alice + "@elsewhere.test", PASSWORD, null),
                asUser("GET", TestServer.uniqueUser("nobody"), PASSWORD, null),
                TestServer.send("GET", "/me/preferences", null))) {
            assertProblem(401, refused);
            assertEquals("Basic realm=\"OpenCPM users\", charset=\"UTF-8\"",
                    refused.headers().firstValue("WWW-Authenticate").orElseThrow());
        }
        assertEquals(DEFAULTS, asUser("GET", alice, PASSWORD, null).body(), "the refused PUT stored nothing");
    }

    @Test
    void aUserCannotReachAnotherUsersDocument() throws Exception {
        String alice = user("alice");
        String bob = user("bob");
        String aliceAuth = TestServer.basic(alice + ":" + PASSWORD);

        int read = TestServer.send("GET", path(bob), null, "Authorization", aliceAuth).statusCode();
        int write = TestServer.send("PUT", path(bob), DND, "Authorization", aliceAuth).statusCode();
        int list = TestServer.send("GET", "/users", null, "Authorization", aliceAuth).statusCode();
        for (int status : List.of(read, write, list)) {
            assertTrue(status == 401 || status == 403, "admin paths refuse users: " + status);
        }
        int traversal = TestServer.send("PUT", "/me/../users/" + bob + "@opencpm.test/preferences", DND,
                "Authorization", aliceAuth).statusCode();
        assertTrue(traversal >= 400 && traversal < 500, "no way round: " + traversal);
        assertEquals(200, asUser("PUT", alice, PASSWORD, DND).statusCode(), "/me is alice's own document");

        assertEquals(DND_STORED, TestServer.send("GET", path(alice), null, true).body());
        assertEquals(DEFAULTS, TestServer.send("GET", path(bob), null, true).body(), "bob's document is untouched");
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() throws Exception {
        String frank = user("frank");
        String original = etag(asUser("GET", frank, PASSWORD, null));

        HttpResponse<String> first = asUser("PUT", frank, PASSWORD, DND, "If-Match", original);
        assertEquals(200, first.statusCode(), first.body());
        assertNotEquals(original, etag(first));

        HttpResponse<String> stale = asAdmin("PUT", path(frank), DOCUMENT, "If-Match", original);
        assertProblem(412, stale);
        assertEquals(DND_STORED, TestServer.send("GET", path(frank), null, true).body(), "the stale PUT lost");

        HttpResponse<String> current = asAdmin("PUT", path(frank), DOCUMENT, "If-Match", etag(first));
        assertEquals(200, current.statusCode(), current.body());
        assertEquals(200, asUser("PUT", frank, PASSWORD, DND, "If-Match", "*").statusCode());

        HttpResponse<String> unchanged = asUser("GET", frank, PASSWORD, null, "If-None-Match", etag(first));
        assertEquals(304, unchanged.statusCode());
    }

    @Test
    void deletingTheUserDeletesTheirPreferences() throws Exception {
        String grace = user("grace");
        assertEquals(200, TestServer.send("PUT", path(grace), DOCUMENT, true).statusCode());

        String address = "/users/" + URLEncoder.encode("sip:" + grace + "@opencpm.test", StandardCharsets.UTF_8);
        assertEquals(204, TestServer.send("DELETE", address, null, true).statusCode());
        assertProblem(404, TestServer.send("GET", path(grace), null, true));
        TestServer.provision(grace, PASSWORD);

        assertEquals(DEFAULTS, TestServer.send("GET", path(grace), null, true).body());
    }

    @Test
    void openApiDescribesThePreferences() throws Exception {
        String openapi = TestServer.get("/openapi").body();

        assertTrue(openapi.contains("/users/{address}/preferences") && openapi.contains("/me/preferences"), openapi);
    }
}
