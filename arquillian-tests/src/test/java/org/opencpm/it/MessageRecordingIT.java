package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.msrp.testkit.MsrpPeer;
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Issue 6 items 3 and 4 on WildFly with the real message store (cpm-cms, its own JVM): what the PF records, and what
 * it hands over, is what the users find in their folders over IMAP, logged in with their own passwords.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessageRecordingIT {

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String CHAT = "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session";
    private static CmsProcess store;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @BeforeAll
    static void startStore() throws Exception {
        store = TestServer.messageStore("recording");
        store.start();
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aOneToOneExchangeIsRecordedInBothUsersStoresWithItsCpmHeaders() throws Exception {
        String alice = user("alice", "{\"recordConversations\":true}");
        String bob = user("bob", "{\"recordConversations\":true}");
        String carol = user("carol", null); // records nothing: the provider's default is off
        String conversation = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String reply = UUID.randomUUID().toString();
        try (SipTestAgent a = agent("alice", alice); SipTestAgent b = agent("bob", bob);
             SipTestAgent c = agent("carol", carol)) {
            assertEquals(200, a.register(3600, null).getStatusCode());
            assertEquals(200, b.register(3600, null).getStatusCode());
            assertEquals(200, a.sendMessage(aor(bob), "message/cpim",
                    CpimBodies.text(alice, bob, "m-" + first, null, "hello bob"),
                    Map.of("Conversation-ID", conversation, "Contribution-ID", first)).getStatusCode());
            assertEquals(200, b.sendMessage(aor(alice), "message/cpim",
                    CpimBodies.text(bob, alice, "m-" + reply, null, "hello alice"),
                    Map.of("Conversation-ID", conversation, "Contribution-ID", reply,
                            "InReplyTo-Contribution-ID", first)).getStatusCode());
            assertEquals(200, c.sendMessage(aor(bob), "message/cpim",
                    CpimBodies.text(carol, bob, "m-" + UUID.randomUUID(), null, "from carol"),
                    Map.of("Conversation-ID", UUID.randomUUID().toString())).getStatusCode());
        }

        List<StoredItems.Item> alicesBob = await(alice, StoredItems.mailbox("sip:" + bob + "@opencpm.test"), 2);
        assertEquals("sent", alicesBob.get(0).header("Message-Direction"));
        assertEquals(first, alicesBob.get(0).header("Contribution-ID"));
        assertEquals("received", alicesBob.get(1).header("Message-Direction"));
        assertEquals(reply, alicesBob.get(1).header("Contribution-ID"));
        assertEquals(first, alicesBob.get(1).header("InReplyTo-Contribution-ID"));
        assertEquals("m-" + reply, alicesBob.get(1).header("IMDN-Message-ID"));
        assertTrue(alicesBob.get(1).header("From").contains("sip:" + bob + "@opencpm.test"));
        List<StoredItems.Item> bobsAlice = await(bob, StoredItems.mailbox("sip:" + alice + "@opencpm.test"), 2);
        for (StoredItems.Item item : bobsAlice) {
            assertEquals(conversation, item.header("Conversation-ID"));
            assertTrue(item.header("Content-Type").startsWith("message/cpim"), item.headers().toString());
        }
        assertEquals("received", bobsAlice.get(0).header("Message-Direction"));
        assertEquals("sent", bobsAlice.get(1).header("Message-Direction"));
        // bob records carol's message on his side; carol, who did not ask for recording, has nothing
        await(bob, StoredItems.mailbox("sip:" + carol + "@opencpm.test"), 1);
        assertEquals(List.of(), StoredItems.read(store.imapPort(), login(carol), password(carol),
                StoredItems.mailbox("sip:" + bob + "@opencpm.test")));
        assertFalse(StoredItems.canSelect(store.imapPort(), login(bob), password(bob),
                "#user." + login(alice).replace(".", "=2E") + ".Default"), "bob cannot open alice's folders");
    }

    /**
     * SD 5.2.1.2.3: a 1-1 chat between two users who record gives each of them a session history folder, named
     * after the session's Contribution-ID inside the conversation with the other party, holding the Session Info
     * Object and each chat message and notification exchanged, with its direction as the folder's owner saw it.
     */
    @Test
    void aChatSessionGivesEachSideASessionHistoryFolderWithItsSessionInfoObject() throws Exception {
        String alice = user("alice", "{\"recordConversations\":true}");
        String bob = user("bob", "{\"recordConversations\":true}");
        String conversation = UUID.randomUUID().toString();
        String contribution = UUID.randomUUID().toString();
        try (SipTestAgent a = agent("alice", alice); SipTestAgent b = agent("bob", bob);
             MsrpPeer aMedia = new MsrpPeer(); MsrpPeer bMedia = new MsrpPeer()) {
            b.onInvite(r -> Answer.ok("application/sdp", bMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, b.register(3600, null).getStatusCode());
            SipCall call = a.invite(aor(bob), InviteOptions.create()
                    .body("application/sdp", aMedia.offer(Direction.SENDRECV, Setup.ACTPASS)
                            .getBytes(StandardCharsets.UTF_8))
                    .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + CHAT + "\"")
                    .header("Conversation-ID", conversation)
                    .header("Contribution-ID", contribution));
            assertEquals(200, call.status());
            aMedia.answered(call.body());
            SipCall atBob = b.awaitCall(5, TimeUnit.SECONDS);
            assertNotNull(atBob);
            for (int i = 0; i < 2; i++) {
                assertTrue(aMedia.session.send(OutgoingMessage.of("message/cpim",
                        CpimBodies.text(alice, bob, "ping-" + i, null, "ping " + i))).result()
                        .toCompletableFuture().get(10, TimeUnit.SECONDS).isSuccess());
                assertNotNull(bMedia.next());
                bMedia.session.send(OutgoingMessage.of("message/cpim",
                        CpimBodies.delivered(bob, alice, "pong-" + i, "ping-" + i)));
                assertNotNull(aMedia.next());
            }
            assertEquals(200, call.bye().getStatusCode());
        }

        for (String[] side : new String[][] {{alice, bob, "sent"}, {bob, alice, "received"}}) {
            List<StoredItems.Item> items = await(side[0],
                    StoredItems.mailbox("sip:" + side[1] + "@opencpm.test", contribution), 5);
            List<StoredItems.Item> infos = items.stream()
                    .filter(i -> i.header("Content-Type").startsWith("multipart/related")).toList();
            assertEquals(1, infos.size(), side[0] + ": one Session Info Object " + items);
            assertTrue(infos.get(0).header("Content-Type").contains("type=\"Application/X-CPM-Session\""),
                    infos.get(0).header("Content-Type"));
            Map<String, String> directions = new TreeMap<>();
            for (StoredItems.Item item : items) {
                assertEquals(conversation, item.header("Conversation-ID"), side[0]);
                assertEquals(contribution, item.header("Contribution-ID"), side[0]);
                if (item != infos.get(0)) {
                    directions.put(item.header("IMDN-Message-ID"), item.header("Message-Direction"));
                }
            }
            String back = side[2].equals("sent") ? "received" : "sent";
            assertEquals(Map.of("ping-0", side[2], "ping-1", side[2], "pong-0", back, "pong-1", back), directions,
                    side[0] + "'s chat messages and notifications, each once, with its direction");
        }
    }

    @Test
    void aDeferredMessageHandedOverIsATemporaryObjectAndTheSenderHearsItDelivered() throws Exception {
        String alice = user("alice", null);
        String bob = user("bob", "{\"deferredDelivery\":\"STORE\"}");
        String id = "m-" + UUID.randomUUID();
        try (SipTestAgent a = agent("alice", alice)) {
            assertEquals(200, a.register(3600, null).getStatusCode());
            // bob has no device: deferred (SD 5.2.5), and his preference hands it to the store (5.2.5.3)
            assertEquals(202, a.sendMessage(aor(bob), "message/cpim",
                    CpimBodies.text(alice, bob, id, "positive-delivery", "for your store"),
                    Map.of("Conversation-ID", UUID.randomUUID().toString())).getStatusCode());
            Request notification = a.awaitRequest(10, TimeUnit.SECONDS);
            assertNotNull(notification, "the sender hears about delivery (SD 5.2.5.3 item 2)");
            String body = new String(notification.getRawContent(), StandardCharsets.UTF_8);
            assertTrue(body.contains("<message-id>" + id + "</message-id>") && body.contains("<delivered/>"), body);
        }
        List<StoredItems.Item> stored = await(bob, StoredItems.mailbox("sip:" + alice + "@opencpm.test"), 1);
        assertEquals(id, stored.get(0).header("IMDN-Message-ID"));
        assertTrue(stored.get(0).flags().contains("$CpmTemporary"), "a temporary object: " + stored.get(0).flags());
    }

    @Test
    void aUserWhoWantsMessagesInTheStoreFindsThemThere() throws Exception {
        String alice = user("alice", null);
        String bob = user("bob", "{\"messageHandling\":\"STORE\"}");
        String id = "m-" + UUID.randomUUID();
        try (SipTestAgent a = agent("alice", alice); SipTestAgent b = agent("bob", bob)) {
            assertEquals(200, b.register(3600, null).getStatusCode());
            assertEquals(202, a.sendMessage(aor(bob), "message/cpim", CpimBodies.text(alice, bob, id, null, "keep it"),
                    Map.of()).getStatusCode());
            List<StoredItems.Item> stored = await(bob, StoredItems.mailbox("sip:" + alice + "@opencpm.test"), 1);
            assertEquals(id, stored.get(0).header("IMDN-Message-ID"));
            assertFalse(stored.get(0).flags().contains("$CpmTemporary"), "a stored object");
            assertEquals(List.of(), b.drainReceived(), "not delivered to the device (SD 5.2.2.1.3)");
        }
    }

    @Test
    void killMinus9OfTheStoreDuringABurstOf1000LosesAndDuplicatesNothing() throws Exception {
        String alice = user("alice", "{\"recordConversations\":true}");
        String bob = user("bob", "{\"recordConversations\":true}");
        int burst = 1000;
        try (SipTestAgent a = agent("alice", alice); SipTestAgent b = agent("bob", bob)) {
            assertEquals(200, b.register(3600, null).getStatusCode());
            await(alice, StoredItems.mailbox("nobody"), 0); // both accounts are in the store before the burst
            await(bob, StoredItems.mailbox("nobody"), 0);
            for (int i = 0; i < burst; i++) {
                if (i == burst / 3) {
                    store.kill(); // kill -9, in the middle of the uploads
                }
                assertEquals(200, a.sendMessage(aor(bob), "message/cpim",
                        CpimBodies.text(alice, bob, "burst-" + i + "-" + UUID.randomUUID(), null, "message " + i),
                        Map.of("Contribution-ID", "c-" + i)).getStatusCode(), "message " + i);
            }
            store.start();
        }
        for (String[] side : new String[][] {{alice, bob}, {bob, alice}}) {
            List<StoredItems.Item> items = await(side[0], StoredItems.mailbox("sip:" + side[1] + "@opencpm.test"),
                    burst);
            Set<String> ids = new HashSet<>();
            Set<String> contributions = new HashSet<>();
            for (StoredItems.Item item : items) {
                ids.add(item.header("Message-ID"));
                contributions.add(item.header("Contribution-ID"));
            }
            assertEquals(burst, ids.size(), side[0] + ": each object once");
            assertEquals(burst, contributions.size(), side[0] + ": each message once");
        }
    }

    /** A user with a password of their own, provisioned, with these preferences; in the store before it returns. */
    private static String user(String prefix, String preferences) throws Exception {
        String user = TestServer.uniqueUser(prefix);
        TestServer.provision(user, password(user));
        if (preferences != null) {
            String path = "/users/" + URLEncoder.encode(aor(user), StandardCharsets.UTF_8) + "/preferences";
            assertEquals(200, TestServer.send("PUT", path, preferences, true).statusCode());
        }
        waitFor("the account " + user + " in the store",
                () -> store.webAdmin("HEAD", "/users/" + login(user), null).statusCode() == 200);
        return user;
    }

    private static List<StoredItems.Item> await(String user, String mailbox, int count) throws Exception {
        List<StoredItems.Item>[] found = new List[1];
        waitFor(count + " object(s) in " + user + "'s " + mailbox, () -> {
            found[0] = StoredItems.read(store.imapPort(), login(user), password(user), mailbox);
            return found[0].size() >= count;
        });
        Thread.sleep(count == 0 ? 0 : 500); // anything more than expected would be there by now
        List<StoredItems.Item> items = StoredItems.read(store.imapPort(), login(user), password(user), mailbox);
        assertEquals(count, items.size(), user + "'s " + mailbox);
        return items;
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        Poll.until(what, WAIT, () -> {
            try {
                return condition.call();
            } catch (IOException storeNotUpYet) {
                return false; // retried
            }
        });
    }

    private static SipTestAgent agent(String name, String user) throws Exception {
        return SipTestAgent.tcp(name).as(user, TestServer.DOMAIN, password(user), TestServer.HOST,
                TestServer.SIP_PORT);
    }

    private static String aor(String user) {
        return "sip:" + user + "@" + TestServer.DOMAIN;
    }

    private static String login(String user) {
        return user + "@" + TestServer.DOMAIN;
    }

    private static String password(String user) {
        return user + "-secret-password";
    }
}
