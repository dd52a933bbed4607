package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Issue 3, "nothing lost on restart": a message deferred for an offline user survives kill -9 of WildFly and is
 * delivered exactly once when the user's device registers with the restarted server. Runs its own WildFly
 * (started by standalone.sh) because the Arquillian-managed one must not be killed under the other tests.
 */
class DeferralSurvivesKillIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = System.getProperty("it.admin.user") + ":"
            + System.getProperty("it.admin.password");

    @Test
    void deferredMessageIsDeliveredExactlyOnceAfterKillMinus9AndRestart() throws Exception {
        try (StandaloneServer server = new StandaloneServer("kill-restart")) {
            server.start();
            String alice = TestServer.uniqueUser("alice");
            String bob = TestServer.uniqueUser("bob");
            provision(server, alice);
            provision(server, bob);
            String conversation = UUID.randomUUID().toString();
            try (SipTestAgent a = agent("alice", alice, server)) {
                byte[] body = CpimBodies.text(alice, bob, "m-" + UUID.randomUUID(), null, "survive this");
                assertEquals(202, a.sendMessage("sip:" + bob + "@opencpm.test", "message/cpim", body,
                        Map.of("Conversation-ID", conversation)).getStatusCode());
            }

            server.kill9();
            server.start();

            try (SipTestAgent phone = agent("bob-phone", bob, server)) {
                assertEquals(200, phone.register(3600, "urn:uuid:" + UUID.randomUUID()).getStatusCode());
                List<Request> got = new ArrayList<>();
                Request r;
                while ((r = phone.awaitRequest(3, TimeUnit.SECONDS)) != null) {
                    got.add(r);
                }
                assertEquals(1, got.size(), "delivered exactly once");
                assertTrue(new String(got.get(0).getRawContent(), StandardCharsets.UTF_8).endsWith("survive this"));
                assertEquals("Conversation-ID: " + conversation, got.get(0).getHeader("Conversation-ID").toString().trim());

                HttpResponse<String> queue = admin(server, "GET", "/users/" + bob + "@opencpm.test/deferred");
                assertEquals(200, queue.statusCode(), queue.body());
                assertTrue(queue.body().contains("\"total\":0"), queue.body());
                // A new registration (a second device) finds nothing to push.
                assertEquals(200, phone.register(3600, null).getStatusCode());
                assertNull(phone.awaitRequest(1500, TimeUnit.MILLISECONDS));
                phone.unregisterAll();
            }
        }
    }

    private static SipTestAgent agent(String name, String user, StandaloneServer server) throws Exception {
        return SipTestAgent.udp(name).as(user, TestServer.DOMAIN, user + "-pw1", TestServer.HOST, server.sipPort());
    }

    private static void provision(StandaloneServer server, String user) throws Exception {
        HttpResponse<String> r = HTTP.send(request(server, "/users")
                .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"sip:" + user + "@opencpm.test\","
                        + "\"password\":\"" + user + "-pw1\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    private static HttpResponse<String> admin(StandaloneServer server, String method, String path) throws Exception {
        return HTTP.send(request(server, path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(StandaloneServer server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/api" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ADMIN.getBytes(StandardCharsets.UTF_8)));
    }
}
