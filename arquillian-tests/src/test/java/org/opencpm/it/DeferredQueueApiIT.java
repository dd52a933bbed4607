package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deferred-queue admin API on WildFly, as far as it goes without SIP traffic: an empty queue, unknown users and
 * messages, refused input, and the queue's part in deleting a user.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeferredQueueApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String queue(String user) {
        return "/users/" + URLEncoder.encode("sip:" + user + "@" + TestServer.DOMAIN, StandardCharsets.UTF_8)
                + "/deferred";
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
    }

    @Test
    void anEmptyQueue() throws Exception {
        String user = TestServer.uniqueUser("dora");
        TestServer.provision(user, "dora-password");

        HttpResponse<String> list = TestServer.send("GET", queue(user), null, true);
        assertEquals(200, list.statusCode(), list.body());
        assertEquals("{\"items\":[],\"offset\":0,\"limit\":50,\"total\":0}", list.body());

        HttpResponse<String> page = TestServer.send("GET", queue(user) + "?offset=40&limit=200", null, true);
        assertEquals("{\"items\":[],\"offset\":40,\"limit\":200,\"total\":0}", page.body());

        HttpResponse<String> schemeLess = TestServer.send("GET", "/users/" + user + "@" + TestServer.DOMAIN
                + "/deferred", null, true);
        assertEquals(200, schemeLess.statusCode(), schemeLess.body());

        HttpResponse<String> purge = TestServer.send("DELETE", queue(user), null, true);
        assertEquals(200, purge.statusCode(), purge.body());
        assertEquals("{\"purged\":0}", purge.body());
    }

    @Test
    void absentMessagesAreNotFound() throws Exception {
        String user = TestServer.uniqueUser("ed");
        TestServer.provision(user, "ed-password");
        String message = queue(user) + "/" + UUID.randomUUID();

        assertProblem(404, TestServer.send("GET", message, null, true));
        assertProblem(404, TestServer.send("DELETE", message, null, true));
    }

    @Test
    void unknownUsersAreNotFound() throws Exception {
        String nobody = queue(TestServer.uniqueUser("nobody"));

        for (String method : new String[] {"GET", "DELETE"}) {
            HttpResponse<String> response = TestServer.send(method, nobody, null, true);
            assertProblem(404, response);
            assertTrue(response.body().contains("urn:opencpm:problem:user-not-found"), response.body());
        }
        assertProblem(404, TestServer.send("GET", nobody + "/" + UUID.randomUUID(), null, true));
    }

    @Test
    void badInputGetsPreciseProblems() throws Exception {
        String user = TestServer.uniqueUser("flo");
        TestServer.provision(user, "flo-password");

        String[][] cases = {
                {"?offset=-1", "offset"}, {"?offset=abc", "offset"}, {"?limit=0", "limit"}, {"?limit=201", "limit"},
                {"?limit=ten", "limit"}, {"/not-a-uuid", "id"}};
        for (String[] c : cases) {
            HttpResponse<String> response = TestServer.send("GET", queue(user) + c[0], null, true);
            assertProblem(400, response);
            assertTrue(response.body().contains("\"field\":\"" + c[1] + "\""), c[0] + ": " + response.body());
        }
        assertProblem(400, TestServer.send("DELETE", queue(user) + "/12345", null, true));
        HttpResponse<String> foreign = TestServer.send("GET", "/users/" + user + "@elsewhere.test/deferred", null,
                true);
        assertProblem(400, foreign);
        assertTrue(foreign.body().contains("\"field\":\"address\""), foreign.body());
    }

    @Test
    void onlyAdministrators() throws Exception {
        String user = TestServer.uniqueUser("gus");
        assertEquals(401, TestServer.send("GET", queue(user), null, false).statusCode());
        assertEquals(401, TestServer.send("DELETE", queue(user), null, false).statusCode());
        assertEquals(401, TestServer.send("GET", queue(user) + "/" + UUID.randomUUID(), null, false).statusCode());
    }

    @Test
    void deletingAUserEmptiesTheirQueueAndTheApiDescribesIt() throws Exception {
        String user = TestServer.uniqueUser("hal");
        TestServer.provision(user, "hal-password");

        String account = "/users/" + URLEncoder.encode("sip:" + user + "@" + TestServer.DOMAIN, StandardCharsets.UTF_8);
        assertEquals(204, TestServer.send("DELETE", account, null, true).statusCode());
        assertProblem(404, TestServer.send("GET", queue(user), null, true));

        HttpResponse<String> openapi = TestServer.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/users/{address}/deferred/{id}"), openapi.body());
    }
}
