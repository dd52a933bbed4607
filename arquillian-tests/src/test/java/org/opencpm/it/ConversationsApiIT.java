package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.cms.testkit.ImapTestClient;

/**
 * An administrator reads a user's conversations in the message store through the server's REST API, with no IMAP
 * client of their own. The store (cpm-cms in its own JVM) runs on the ports the server under test reads from; the
 * test fills the user's CPM folders itself, logging in over IMAP as the user, as the PF's recording will.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConversationsApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String GROUP = "0f81d4fa-7dec-11d0-a765-00a0c91e6bf6";
    private static final String SESSION = "5a3e0c1d-0000-4000-8000-000000000001";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String conversations(String user) {
        return "/users/" + URLEncoder.encode("sip:" + user + "@" + TestServer.DOMAIN, StandardCharsets.UTF_8)
                + "/conversations";
    }

    /** The items of {@code folder}, percent-encoded for a path (URLEncoder's '+' for a space is for queries). */
    private static String items(String user, String folder) {
        return conversations(user) + "/" + URLEncoder.encode(folder, StandardCharsets.UTF_8).replace("+", "%20")
                + "/items";
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        return TestServer.send("GET", path, null, true);
    }

    private static void assertProblem(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"),
                response.headers().toString());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
    }

    private static void assertInOrder(String body, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = body.indexOf(part, at + 1);
            assertTrue(next > at, "'" + part + "' after position " + at + " in " + body);
            at = next;
        }
    }

    @Test
    void anAdministratorReadsAUsersConversationsThroughTheServer() throws Exception {
        String alice = TestServer.uniqueUser("alice");
        String bob = TestServer.uniqueUser("bob");
        TestServer.provision(alice, "alice-password");
        TestServer.provision(bob, "bob-password");
        String aliceLogin = alice + "@" + TestServer.DOMAIN;
        String withBob = "sip:" + bob + "@opencpm=2Etest";

        try (CmsProcess cms = TestServer.messageStore("conversations")) {
            cms.start();
            for (String login : List.of(aliceLogin, bob + "@" + TestServer.DOMAIN)) {
                await(login + " reaches the store", () -> cms.webAdmin("HEAD", "/users/" + login, null)
                        .statusCode() == 200);
            }
            try (ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort())) {
                assertTrue(imap.login(aliceLogin, "alice-password").ok());
                for (String folder : List.of(withBob, GROUP, GROUP + "." + SESSION, "conv;x", "not a cpm folder")) {
                    assertTrue(imap.command("CREATE " + ImapTestClient.quote("Default." + folder)).ok(), folder);
                }
                String mailbox = "Default." + withBob;
                assertTrue(imap.append(mailbox, "\\Seen $CpmTemporary", object(alice, bob, "m-1", "message/cpim",
                        "From: <sip:" + alice + "@opencpm.test>\r\nTo: <sip:" + bob + "@opencpm.test>\r\n"
                                + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: m-1\r\n\r\n"
                                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello Bob\r\n")).ok());
                assertTrue(imap.append(mailbox, null, object(alice, bob, "m-2", "text/plain; charset=utf-8",
                        "second\r\n")).ok());
                assertTrue(imap.append(mailbox, null, object(alice, bob, "m-3", "text/plain", "third\r\n")).ok());
                assertTrue(imap.append("Default." + GROUP + "." + SESSION, null, object(alice, bob, "g-1",
                        "application/group-state-object+xml", "<groupstate/>\r\n")).ok());
            }

            HttpResponse<String> list = admin(conversations(alice));
            assertEquals(200, list.statusCode(), list.body());
            assertInOrder(list.body(), "{\"items\":[",
                    "{\"folder\":\"" + GROUP + "\",\"kind\":\"GROUP\",\"identifier\":\"" + GROUP + "\",\"mailbox\":\"Default."
                            + GROUP + "\",\"objects\":0,\"unseen\":0}",
                    "{\"folder\":\"" + GROUP + "." + SESSION + "\",\"kind\":\"SESSION\",\"identifier\":\"" + SESSION
                            + "\",\"mailbox\":\"Default." + GROUP + "." + SESSION + "\",\"objects\":1,\"unseen\":1}",
                    "{\"folder\":\"conv;x\",\"kind\":\"GROUP\"",
                    "{\"folder\":\"" + withBob + "\",\"kind\":\"ONE_TO_ONE\",\"identifier\":\"sip:" + bob
                            + "@opencpm.test\",\"mailbox\":\"Default." + withBob + "\",\"objects\":3,\"unseen\":2}",
                    "],\"offset\":0,\"limit\":50,\"total\":4}");
            assertFalse(list.body().contains("not a cpm folder"), "folders the server does not write are left out");

            HttpResponse<String> page = admin(conversations(alice) + "?offset=1&limit=2");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().startsWith("{\"items\":[{\"folder\":\"" + GROUP + "." + SESSION + "\""), page.body());
            assertTrue(page.body().endsWith("],\"offset\":1,\"limit\":2,\"total\":4}"), page.body());
            assertEquals("{\"items\":[],\"offset\":0,\"limit\":50,\"total\":0}", admin(conversations(bob)).body(),
                    "Bob has nothing stored and sees nothing of Alice's");

            HttpResponse<String> newest = admin(items(alice, withBob) + "?limit=2");
            assertEquals(200, newest.statusCode(), newest.body());
            assertInOrder(newest.body(), "{\"folder\":\"" + withBob + "\",\"items\":[", "{\"uid\":3,\"messageId\":\"<m-3@it>\"",
                    "\"excerpt\":{\"text\":\"third\",\"truncated\":false}}", "{\"uid\":2,",
                    "],\"offset\":0,\"limit\":2,\"total\":3}");
            HttpResponse<String> oldest = admin(items(alice, withBob) + "?offset=2&limit=2");
            assertEquals("{\"folder\":\"" + withBob + "\",\"items\":[{\"uid\":1,\"messageId\":\"<m-1@it>\","
                    + "\"contentType\":\"message/cpim\",\"from\":\"sip:" + alice + "@opencpm.test\",\"to\":\"sip:" + bob
                    + "@opencpm.test\",\"date\":\"2025-06-03T10:15:30Z\",\"subject\":\"Gr\u00fc\u00dfe\","
                    + "\"conversationId\":\"conv-1\",\"contributionId\":\"m-1-contribution\","
                    + "\"inReplyToContributionId\":\"contribution-0\",\"imdnMessageId\":\"m-1\",\"direction\":\"sent\","
                    + "\"size\":" + sizeOf(oldest.body()) + ",\"flags\":[\"\\\\Seen\",\"$CpmTemporary\"],"
                    + "\"excerpt\":{\"text\":\"Hello Bob\",\"truncated\":false}}],\"offset\":2,\"limit\":2,\"total\":3}",
                    oldest.body());
            assertTrue(admin(items(alice, withBob) + "?offset=3").body().contains("\"items\":[],"));
            HttpResponse<String> odd = admin(items(alice, "conv;x"));
            assertEquals(200, odd.statusCode(), "a ';' in a folder, URL-encoded: " + odd.body());
            assertTrue(odd.body().contains("\"total\":0"), odd.body());
            assertTrue(admin(items(alice, GROUP + "." + SESSION)).body()
                    .contains("\"contentType\":\"application/group-state-object+xml\""));

            HttpResponse<String> unknownFolder = admin(items(alice, "sip:carol@opencpm=2Etest"));
            assertProblem(404, unknownFolder);
            assertProblem(404, admin(items(bob, withBob)));
            try (ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort())) {
                assertTrue(imap.login(aliceLogin, "alice-password").ok());
                String status = imap.command("STATUS " + ImapTestClient.quote("Default." + withBob) + " (UNSEEN)")
                        .toString();
                assertTrue(status.contains("UNSEEN 2"), "reading marked nothing \\Seen: " + status);
            }

            cms.stop();
            HttpResponse<String> stopped = admin(conversations(alice));
            assertProblem(503, stopped);
            assertTrue(stopped.body().contains("urn:opencpm:problem:message-store-unavailable"), stopped.body());
            assertProblem(503, admin(items(alice, withBob)));
        }
    }

    @Test
    void refusalsComeBeforeTheStoreIsAsked() throws Exception {
        String carol = TestServer.uniqueUser("carol");
        TestServer.provision(carol, "carol-password");

        String[][] cases = {{"?offset=-1", "offset"}, {"?offset=x", "offset"}, {"?limit=0", "limit"},
                {"?limit=101", "limit"}};
        for (String[] c : cases) {
            HttpResponse<String> response = admin(conversations(carol) + c[0]);
            assertProblem(400, response);
            assertTrue(response.body().contains("\"field\":\"" + c[1] + "\""), c[0] + ": " + response.body());
        }
        for (String folder : List.of("a.b.c", "a=2e", "a b", "=41", "x".repeat(81), "a~b", "\u00e9")) {
            HttpResponse<String> response = admin(items(carol, folder));
            assertProblem(400, response);
            assertTrue(response.body().contains("\"field\":\"folder\""), folder + ": " + response.body());
        }
        assertProblem(400, admin(items(carol, "sip:x") + "?limit=-3"));
        HttpResponse<String> foreign = admin("/users/" + carol + "@elsewhere.test/conversations");
        assertProblem(400, foreign);
        assertTrue(foreign.body().contains("\"field\":\"address\""), foreign.body());

        String nobody = TestServer.uniqueUser("nobody");
        for (String path : List.of(conversations(nobody), items(nobody, "sip:x"))) {
            HttpResponse<String> response = admin(path);
            assertProblem(404, response);
            assertTrue(response.body().contains("urn:opencpm:problem:user-not-found"), response.body());
        }

        for (String path : List.of(conversations(carol), items(carol, "sip:x"))) {
            assertEquals(401, TestServer.send("GET", path, null).statusCode(), "no credentials");
            assertEquals(401, TestServer.send("GET", path, null, "Authorization", TestServer.basic("admin:wrong"))
                    .statusCode(), "wrong credentials");
            int asUser = TestServer.send("GET", path, null, "Authorization",
                    TestServer.basic(carol + ":carol-password")).statusCode();
            assertTrue(asUser == 401 || asUser == 403, "a user is no administrator: " + asUser);
        }

        // no store runs during this test: an existing user's conversations cannot be read
        HttpResponse<String> down = admin(conversations(carol));
        assertProblem(503, down);
        assertTrue(down.body().contains("urn:opencpm:problem:message-store-unavailable"), down.body());

        String openapi = TestServer.get("/openapi").body();
        assertTrue(openapi.contains("/users/{address}/conversations/{folder}/items")
                && openapi.contains("StoredItemList") && openapi.contains("StoredConversationList"), "described");
    }

    /** A stored object as the PF writes them: the CPM headers, then the body. */
    private static String object(String alice, String bob, String id, String contentType, String body) {
        return "From: sip:" + alice + "@opencpm.test\r\nTo: sip:" + bob + "@opencpm.test\r\n"
                + "Date: Tue, 3 Jun 2025 10:15:30 +0000\r\nSubject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\n"
                + "Conversation-ID: conv-1\r\nContribution-ID: " + id + "-contribution\r\n"
                + "InReplyTo-Contribution-ID: contribution-0\r\nIMDN-Message-ID: " + id + "\r\n"
                + "Message-Direction: sent\r\nMessage-ID: <" + id + "@it>\r\nContent-Type: " + contentType + "\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body;
    }

    /** The size the store gives, which the test does not compute (the store may count its own way). */
    private static String sizeOf(String body) {
        int at = body.indexOf("\"size\":") + "\"size\":".length();
        String size = body.substring(at, body.indexOf(',', at));
        assertTrue(Integer.parseInt(size) > 300, body);
        return size;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        Poll.until(what, WAIT, condition);
    }
}
