package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Issue 6, "nothing lost if James is down or restarts" and "a restart of everything keeps all stored objects":
 * recordings made while the message store is down wait in the outbox through kill -9 of WildFly and reach the store
 * once both are back; then a graceful restart of both keeps every object, none twice. Runs its own WildFly
 * (standalone.sh) with recording on for everyone, and its own store on free ports.
 */
class RecordingSurvivesRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = System.getProperty("it.admin.user") + ":"
            + System.getProperty("it.admin.password");
    private static final String STORE_ADMIN_PASSWORD = "restart-store-secret";
    private static final long WAIT_MS = 90_000;

    @Test
    void recordingsWaitForTheStoreThroughKillMinus9OfWildFlyAndSurviveARestartOfEverything() throws Exception {
        Path data = Path.of(System.getProperty("it.server.base")).resolveSibling("cms-restart-data");
        try (CmsProcess store = CmsProcess.onFreePorts(data, TestServer.DOMAIN)
                .property("opencpm.cms.admin.password", STORE_ADMIN_PASSWORD);
             StandaloneServer server = new StandaloneServer("recording-restart", Map.of(
                     "opencpm.cms.webadmin.url", store.webAdminUrl(),
                     "opencpm.cms.imap.port", Integer.toString(store.imapPort()),
                     "opencpm.cms.admin.password", STORE_ADMIN_PASSWORD,
                     "opencpm.cms.retry", "PT2S",
                     "opencpm.recording.default", "true",
                     "opencpm.recording.retry", "PT2S"))) {
            store.start();
            server.start();
            String alice = TestServer.uniqueUser("alice");
            String bob = TestServer.uniqueUser("bob");
            provision(server, alice);
            provision(server, bob);
            String alicesFolder = StoredItems.mailbox("sip:" + bob + "@opencpm.test");
            String bobsFolder = StoredItems.mailbox("sip:" + alice + "@opencpm.test");

            send(server, alice, bob, 0, 20);
            Set<String> alices = messageIds(store, alice, alicesFolder, 20);
            messageIds(store, bob, bobsFolder, 20);

            store.stop(); // down: what is recorded now waits in WildFly's outbox
            send(server, alice, bob, 20, 40);
            server.kill9();
            server.start();
            store.start();
            alices = messageIds(store, alice, alicesFolder, 40);
            Set<String> bobs = messageIds(store, bob, bobsFolder, 40);

            server.close(); // a graceful restart of everything
            store.stop();
            store.start();
            server.start();
            Thread.sleep(3000); // the uploader's first pass at start: nothing should be stored again
            assertEquals(alices, messageIds(store, alice, alicesFolder, 40));
            assertEquals(bobs, messageIds(store, bob, bobsFolder, 40));
        }
    }

    /** Messages {@code from}..{@code to}-1 from alice to bob's registered device, each answered 200. */
    private static void send(StandaloneServer server, String alice, String bob, int from, int to) throws Exception {
        try (SipTestAgent a = agent("alice", alice, server); SipTestAgent b = agent("bob", bob, server)) {
            assertEquals(200, b.register(3600, null).getStatusCode());
            for (int i = from; i < to; i++) {
                assertEquals(200, a.sendMessage("sip:" + bob + "@opencpm.test", "message/cpim",
                        CpimBodies.text(alice, bob, "restart-" + i + "-" + UUID.randomUUID(), null, "message " + i),
                        Map.of("Contribution-ID", "c-" + i)).getStatusCode());
            }
            b.unregisterAll();
        }
    }

    /** The Message-IDs in the folder once it holds exactly {@code count} objects, each once. */
    private static Set<String> messageIds(CmsProcess store, String user, String mailbox, int count) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        List<StoredItems.Item> items = List.of();
        while (System.currentTimeMillis() < deadline) {
            try {
                items = StoredItems.read(store.imapPort(), user + "@opencpm.test", user + "-pw1", mailbox);
                if (items.size() >= count) {
                    break;
                }
            } catch (java.io.IOException notUpYet) {
                // retried
            }
            Thread.sleep(500);
        }
        Set<String> ids = new TreeSet<>();
        items.forEach(item -> ids.add(item.header("Message-ID")));
        assertEquals(count, items.size(), user + "'s " + mailbox);
        assertEquals(count, ids.size(), user + "'s objects, each once");
        return ids;
    }

    private static SipTestAgent agent(String name, String user, StandaloneServer server) throws Exception {
        return SipTestAgent.tcp(name).as(user, TestServer.DOMAIN, user + "-pw1", TestServer.HOST, server.sipPort());
    }

    private static void provision(StandaloneServer server, String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/users"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ADMIN.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"sip:" + user + "@opencpm.test\","
                        + "\"password\":\"" + user + "-pw1\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }
}
