package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Issue 3 acceptance on WildFly with real UAs: deferral and push on registration, do-not-disturb, blacklist,
 * preferences changed over REST, one delivery notification from three devices, multi-device policy, bad bodies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ParticipatingFunctionIT {

    private static final String CONVERSATION = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static SipTestAgent agent(String name, String user) throws Exception {
        return SipTestAgent.udp(name).as(user, TestServer.DOMAIN, user + "-pw1", TestServer.HOST, TestServer.SIP_PORT);
    }

    private static String newUser(String prefix) throws Exception {
        String user = TestServer.uniqueUser(prefix);
        TestServer.provision(user, user + "-pw1");
        return user;
    }

    private static String aor(String user) {
        return "sip:" + user + "@opencpm.test";
    }

    private static void setPreferences(String user, String json) throws Exception {
        var r = TestServer.send("PUT", "/users/" + user + "@opencpm.test/preferences", json, true);
        assertEquals(200, r.statusCode(), r.body());
    }

    private static Response sendCpim(SipTestAgent from, String fromUser, String to, String id, String dispositions,
                                     String text) throws Exception {
        return from.sendMessage(aor(to), "message/cpim", CpimBodies.text(fromUser, to, id, dispositions, text),
                Map.of("Conversation-ID", CONVERSATION, "Contribution-ID", id));
    }

    /** Every request the agent gets within the window (the PF has answered the sender by then). */
    private static List<Request> received(SipTestAgent agent, long millis) throws Exception {
        List<Request> got = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        Request r;
        while ((r = agent.awaitRequest(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) != null) {
            got.add(r);
        }
        return got;
    }

    private static String body(Request r) {
        return new String(r.getRawContent(), StandardCharsets.UTF_8);
    }

    @Test
    void messageToAnOfflineUserIsDeferredAndPushedOnceWhenADeviceRegisters() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        try (SipTestAgent a = agent("alice", alice); SipTestAgent phone = agent("bob-phone", bob)) {
            Response deferred = sendCpim(a, alice, bob, "m-" + UUID.randomUUID(), null, "while you were away");
            assertEquals(202, deferred.getStatusCode(), "deferred: accepted for later (RFC 3428 section 7)");
            assertNull(phone.awaitRequest(300, TimeUnit.MILLISECONDS));

            assertEquals(200, phone.register(3600, "urn:uuid:" + UUID.randomUUID()).getStatusCode());
            List<Request> got = received(phone, 3000);
            assertEquals(1, got.size(), "pushed exactly once");
            assertTrue(body(got.get(0)).endsWith("while you were away"));
            assertEquals("Conversation-ID: " + CONVERSATION, got.get(0).getHeader("Conversation-ID").toString().trim());
            assertTrue(got.get(0).getHeader("P-Asserted-Identity").toString().contains(aor(alice)));

            // A refresh finds the queue empty: nothing comes again.
            assertEquals(200, phone.register(3600, null).getStatusCode());
            assertEquals(0, received(phone, 1500).size());
            phone.unregisterAll();
        }
    }

    @Test
    void doNotDisturbHoldsEverythingUntilItIsLiftedOverRest() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        try (SipTestAgent a = agent("alice", alice); SipTestAgent phone = agent("bob-phone", bob)) {
            assertEquals(200, phone.register(3600, null).getStatusCode());
            setPreferences(bob, "{\"doNotDisturb\":true}");
            assertEquals(202, sendCpim(a, alice, bob, "m-" + UUID.randomUUID(), null, "quiet please").getStatusCode());
            assertEquals(200, phone.register(3600, null).getStatusCode()); // a registration does not lift it
            assertEquals(0, received(phone, 1500).size(), "nothing pushed while do-not-disturb is set");

            setPreferences(bob, "{\"doNotDisturb\":false}");
            List<Request> got = received(phone, 3000);
            assertEquals(1, got.size());
            assertTrue(body(got.get(0)).endsWith("quiet please"));
            phone.unregisterAll();
        }
    }

    @Test
    void blacklistedSendersAreRefusedAndAPreferenceChangeTakesEffectOnTheNextMessage() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        try (SipTestAgent a = agent("alice", alice); SipTestAgent phone = agent("bob-phone", bob)) {
            assertEquals(200, phone.register(3600, null).getStatusCode());
            setPreferences(bob, "{\"blacklist\":[\"" + aor(alice) + "\"]}");
            assertEquals(403, sendCpim(a, alice, bob, "m-1-" + UUID.randomUUID(), null, "hi").getStatusCode());
            assertNull(phone.awaitRequest(300, TimeUnit.MILLISECONDS));

            setPreferences(bob, "{\"blacklist\":[]}");
            assertEquals(200, sendCpim(a, alice, bob, "m-2-" + UUID.randomUUID(), null, "hi again").getStatusCode());
            assertNotNull(phone.awaitRequest(3, TimeUnit.SECONDS));

            setPreferences(bob, "{\"messageHandling\":\"DEFER\"}");
            assertEquals(202, sendCpim(a, alice, bob, "m-3-" + UUID.randomUUID(), null, "later").getStatusCode());
            assertNull(phone.awaitRequest(500, TimeUnit.MILLISECONDS));
            phone.unregisterAll();
        }
    }

    @Test
    void aPositiveDeliveryRequestYieldsExactlyOneNotificationFromThreeDevices() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        try (SipTestAgent a = agent("alice", alice);
             SipTestAgent phone = agent("bob-phone", bob);
             SipTestAgent tablet = agent("bob-tablet", bob);
             SipTestAgent laptop = agent("bob-laptop", bob)) {
            assertEquals(200, a.register(3600, null).getStatusCode());
            SipTestAgent[] devices = {phone, tablet, laptop};
            for (SipTestAgent d : devices) {
                assertEquals(200, d.register(3600, "urn:uuid:" + UUID.randomUUID()).getStatusCode());
            }
            String messageId = "m-" + UUID.randomUUID();
            assertEquals(200, sendCpim(a, alice, bob, messageId, "positive-delivery", "did you get it?")
                    .getStatusCode());
            for (SipTestAgent d : devices) {
                assertNotNull(d.awaitRequest(3, TimeUnit.SECONDS), "each device receives the message");
                // Each client answers the request as RFC 5438 section 7.2 says.
                Response r = d.sendMessage(aor(alice), "message/cpim",
                        CpimBodies.delivered(bob, alice, "n-" + UUID.randomUUID(), messageId), Map.of());
                assertEquals(200, r.getStatusCode());
            }
            List<Request> notifications = received(a, 2000);
            assertEquals(1, notifications.size(), "exactly one delivery notification reaches alice");
            assertTrue(body(notifications.get(0)).contains("<message-id>" + messageId + "</message-id>"));
            for (SipTestAgent d : devices) {
                d.unregisterAll();
            }
            a.unregisterAll();
        }
    }

    @Test
    void firstAcceptingDeliversToOneDeviceOnly() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        try (SipTestAgent a = agent("alice", alice);
             SipTestAgent busy = agent("bob-busy", bob);
             SipTestAgent free = agent("bob-free", bob);
             SipTestAgent third = agent("bob-third", bob)) {
            busy.answerWith(486);
            for (SipTestAgent d : new SipTestAgent[] {busy, free, third}) {
                assertEquals(200, d.register(3600, "urn:uuid:" + UUID.randomUUID()).getStatusCode());
            }
            setPreferences(bob, "{\"multiDevice\":\"FIRST_ACCEPTING\"}");
            assertEquals(200, sendCpim(a, alice, bob, "m-" + UUID.randomUUID(), null, "one of you").getStatusCode());
            int total = received(busy, 500).size() + received(free, 500).size() + received(third, 500).size();
            assertEquals(2, total, "the busy device refused, the next accepted, the third never got it");
            for (SipTestAgent d : new SipTestAgent[] {busy, free, third}) {
                d.unregisterAll();
            }
        }
    }

    @Test
    void anonymousSendersAreRefusedWhenTheRecipientSaysSo() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        try (SipTestAgent a = agent("alice", alice); SipTestAgent phone = agent("bob-phone", bob)) {
            assertEquals(200, phone.register(3600, null).getStatusCode());
            setPreferences(bob, "{\"rejectAnonymous\":true}");
            Response r = a.sendMessage(aor(bob), "text/plain", "guess who".getBytes(StandardCharsets.UTF_8),
                    Map.of("Privacy", "id"));
            assertEquals(433, r.getStatusCode());
            assertEquals(200, a.sendMessage(aor(bob), "it's alice").getStatusCode());
            phone.unregisterAll();
        }
    }

    @Test
    void aUserWhoDefersOnPurposeIsNotifiedAndRetrievesOverRest() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        String bobAuth = TestServer.basic(bob + ":" + bob + "-pw1");
        try (SipTestAgent a = agent("alice", alice); SipTestAgent phone = agent("bob-phone", bob)) {
            assertEquals(200, phone.register(3600, null).getStatusCode());
            // The user sets his own preferences (OMA CPM SD 5.4), with his SIP password.
            var put = TestServer.send("PUT", "/me/preferences",
                    "{\"messageHandling\":\"DEFER\",\"deferredDelivery\":\"NOTIFY\"}", "Authorization", bobAuth);
            assertEquals(200, put.statusCode(), put.body());
            assertEquals(202, sendCpim(a, alice, bob, "m-" + UUID.randomUUID(), null, "read me later")
                    .getStatusCode());

            Request notice = phone.awaitRequest(3, TimeUnit.SECONDS);
            assertNotNull(notice, "an in-band notice (5.2.5.1)");
            assertTrue(notice.getHeader("Content-Type").toString()
                    .contains("application/vnd.opencpm.deferred-messages+xml"));
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=\"([0-9a-f-]{36})\"")
                    .matcher(body(notice));
            assertTrue(id.find(), body(notice));

            var retrieve = TestServer.send("POST", "/me/deferred/retrieve", "{\"ids\":[\"" + id.group(1) + "\"]}",
                    "Authorization", bobAuth);
            assertEquals(202, retrieve.statusCode(), retrieve.body());
            Request got = phone.awaitRequest(3, TimeUnit.SECONDS);
            assertNotNull(got);
            assertTrue(body(got).endsWith("read me later"));
            for (int i = 0; i < 30; i++) {
                if (TestServer.send("GET", "/me/deferred", null, "Authorization", bobAuth).body()
                        .contains("\"total\":0")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(TestServer.send("GET", "/me/deferred", null, "Authorization", bobAuth).body()
                    .contains("\"total\":0"), "retrieved messages leave the queue");
            assertEquals(401, TestServer.send("GET", "/me/deferred", null, "Authorization",
                    TestServer.basic(bob + ":wrong-password")).statusCode());
            phone.unregisterAll();
        }
    }

    @Test
    void badBodiesAreRefusedPreciselyAndNothingIsStored() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob"); // offline: anything accepted would be queued
        try (SipTestAgent a = agent("alice", alice)) {
            Response unknownType = a.sendMessage(aor(bob), "application/x-unknown",
                    "?".getBytes(StandardCharsets.UTF_8), Map.of());
            assertEquals(415, unknownType.getStatusCode());
            assertTrue(unknownType.getHeader("Accept").toString().contains("message/cpim"));

            byte[] noTo = ("From: <" + aor(alice) + ">\r\n\r\nContent-Type: text/plain\r\n\r\nhi")
                    .getBytes(StandardCharsets.UTF_8);
            Response missingTo = a.sendMessage(aor(bob), "message/cpim", noTo, Map.of());
            assertEquals(400, missingTo.getStatusCode());
            assertTrue(missingTo.getReasonPhrase().contains("To"), missingTo.getReasonPhrase());

            byte[] noSeparator = "From: <sip:a@b>\r\nTo: <sip:c@d>\r\nContent-Type: text/plain\r\nhi"
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(400, a.sendMessage(aor(bob), "message/cpim", noSeparator, Map.of()).getStatusCode());

            String noId = new String(CpimBodies.text(alice, bob, "x", "positive-delivery", "hi"),
                    StandardCharsets.UTF_8).replace("imdn.Message-ID: x\r\n", "");
            Response missingId = a.sendMessage(aor(bob), "message/cpim", noId.getBytes(StandardCharsets.UTF_8),
                    Map.of());
            assertEquals(400, missingId.getStatusCode());
            assertTrue(missingId.getReasonPhrase().contains("Message-ID"), missingId.getReasonPhrase());

            String brokenImdn = new String(CpimBodies.delivered(alice, bob, "n-1", "m-1"), StandardCharsets.UTF_8)
                    .replace("</imdn>", "");
            assertEquals(400, a.sendMessage(aor(bob), "message/cpim", brokenImdn.getBytes(StandardCharsets.UTF_8),
                    Map.of()).getStatusCode());

            String xxe = new String(CpimBodies.delivered(alice, bob, "n-2", "m-2"), StandardCharsets.UTF_8)
                    .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                            "<?xml version=\"1.0\"?><!DOCTYPE imdn [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                    .replace("m-2</message-id>", "&x;</message-id>");
            assertEquals(400, a.sendMessage(aor(bob), "message/cpim", xxe.getBytes(StandardCharsets.UTF_8),
                    Map.of()).getStatusCode());

            var queue = TestServer.send("GET", "/users/" + bob + "@opencpm.test/deferred", null, true);
            assertEquals(200, queue.statusCode(), queue.body());
            assertTrue(queue.body().contains("\"total\":0"), "nothing half-stored: " + queue.body());
        }
    }
}
