package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.ExpiredHandling;
import org.opencpm.preference.MessageHandling;
import org.opencpm.preference.UserPreferences;
import org.opencpm.sip.testkit.SipTestAgent;

/** The terminating PF's other ways (store, interwork, forward), deferral options, expiry and its notifications. */
class DeferralAndDispositionTest {

    private static EmbeddedCore core;
    private SipTestAgent alice;
    private SipTestAgent bob;
    private SipTestAgent carol;

    @BeforeAll
    static void startCore() throws Exception {
        core = new EmbeddedCore();
        for (String user : List.of("alice", "bob", "carol")) {
            core.provision(user, user + "-secret");
        }
    }

    @AfterAll
    static void stopCore() {
        core.close();
    }

    @BeforeEach
    void agents() throws Exception {
        alice = agent("alice");
        bob = agent("bob");
        carol = agent("carol");
        assertEquals(200, alice.register(86400, null).getStatusCode());
    }

    @AfterEach
    void reset() throws Exception {
        for (SipTestAgent a : List.of(alice, bob, carol)) {
            a.unregisterAll();
            a.close();
        }
        core.preferences.clear();
        core.stored.clear();
        core.storeAvailable = false;
        List.of("alice", "bob", "carol").forEach(core.deferral::purge);
    }

    private static SipTestAgent agent(String user) throws Exception {
        return SipTestAgent.udp(user).as(user, "opencpm.test", user + "-secret", "127.0.0.1", core.port());
    }

    private static UserPreferences prefs(MessageHandling handling, String forwardTo, DeferredDelivery deferred,
                                         ExpiredHandling expired) {
        return new UserPreferences(false, null, false, handling, forwardTo, deferred, expired, null, null, null);
    }

    private int send(String to, String messageId, String dispositions, String text) throws Exception {
        String cpim = "From: <sip:alice@opencpm.test>\r\nTo: <sip:" + to + "@opencpm.test>\r\n"
                + "DateTime: 2026-11-21T12:00:00Z\r\nNS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: " + messageId
                + "\r\n" + (dispositions == null ? "" : "imdn.Disposition-Notification: " + dispositions + "\r\n")
                + "\r\nContent-Type: text/plain\r\n\r\n" + text;
        return alice.sendMessage("sip:" + to + "@opencpm.test", "message/cpim", cpim.getBytes(StandardCharsets.UTF_8),
                Map.of("Conversation-ID", "conv-1")).getStatusCode();
    }

    private static String body(Request r) {
        return new String(r.getRawContent(), StandardCharsets.UTF_8);
    }

    @Test
    void anExpiredDeferredMessageIsDiscardedAndTheSenderGetsANegativeNotification() throws Exception {
        assertEquals(202, send("bob", "m-expire", "positive-delivery, negative-delivery", "too late"));
        core.clock.advance(Duration.ofHours(2)); // the queue's policy keeps messages one hour
        assertEquals(200, alice.register(86400, null).getStatusCode()); // alice's binding outlives the jump
        assertEquals(1, core.expiry.expireDue());
        Request n = alice.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(n, "alice is told");
        assertTrue(body(n).contains("<message-id>m-expire</message-id>"), body(n));
        assertTrue(body(n).contains("<failed/>"), body(n));
        assertEquals(0, core.deferral.count("bob"));
    }

    @Test
    void anExpiredMessageGoesToTheStoreWhenTheUserSaysSoWithAPositiveNotification() throws Exception {
        core.storeAvailable = true;
        core.preferences.put("bob", prefs(null, null, null, ExpiredHandling.STORE));
        assertEquals(202, send("bob", "m-keep", "positive-delivery", "keep it"));
        core.clock.advance(Duration.ofHours(2));
        assertEquals(200, alice.register(86400, null).getStatusCode());
        core.expiry.expireDue();
        assertEquals(1, core.stored.size());
        Request n = alice.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(n);
        assertTrue(body(n).contains("<delivered/>"), body(n));
    }

    @Test
    void storeAndInterworkPreferencesAreRefusedWith488WhileNoServerTakesThem() throws Exception {
        assertEquals(200, bob.register(3600, null).getStatusCode());
        core.preferences.put("bob", prefs(MessageHandling.STORE, null, null, null));
        assertEquals(488, send("bob", "m-s", null, "store me"));
        core.preferences.put("bob", prefs(MessageHandling.INTERWORK, null, null, null));
        assertEquals(488, send("bob", "m-i", null, "interwork me"));
        assertNull(bob.awaitRequest(300, TimeUnit.MILLISECONDS));
        core.storeAvailable = true;
        core.preferences.put("bob", prefs(MessageHandling.STORE, null, null, null));
        assertEquals(202, send("bob", "m-s2", "positive-delivery", "store me"));
        assertEquals(1, core.stored.size());
        Request n = alice.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(n, "delivered to the store counts as delivered (5.2.6.1)");
        assertTrue(body(n).contains("<delivered/>"));
    }

    @Test
    void forwardingReachesTheForwardToUserAndLoopsAreCaught() throws Exception {
        assertEquals(200, carol.register(3600, null).getStatusCode());
        core.preferences.put("bob", prefs(MessageHandling.FORWARD, "sip:carol@opencpm.test", null, null));
        assertEquals(200, send("bob", "m-f", null, "for bob, to carol"));
        Request got = carol.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(got);
        assertTrue(body(got).endsWith("for bob, to carol"));
        core.preferences.put("carol", prefs(MessageHandling.FORWARD, "sip:bob@opencpm.test", null, null));
        assertEquals(482, send("bob", "m-loop", null, "round and round"));
    }

    @Test
    void aFailingDeviceLeavesTheMessageDeferredAndTheNextRegistrationGetsIt() throws Exception {
        bob.answerWith(480);
        assertEquals(200, bob.register(3600, null).getStatusCode());
        assertEquals(202, send("bob", "m-fail", null, "try again"));
        assertNotNull(bob.awaitRequest(3, TimeUnit.SECONDS), "tried once");
        assertEquals(1, core.deferral.count("bob"));
        bob.answerWith(200);
        assertEquals(200, bob.register(3600, null).getStatusCode());
        Request again = bob.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(again);
        assertTrue(body(again).endsWith("try again"));
        waitUntilEmpty("bob");
    }

    @Test
    void withTheNotifyOptionTheClientGetsANoticeAndRetrievesWhatItChooses() throws Exception {
        core.preferences.put("bob", prefs(MessageHandling.DEFER, null, DeferredDelivery.NOTIFY, null));
        assertEquals(200, bob.register(3600, null).getStatusCode());
        assertEquals(202, send("bob", "m-n1", null, "first"));
        Request notice = bob.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(notice, "an in-band notice (5.2.5.1)");
        assertTrue(notice.getHeader("Content-Type").toString().contains("deferred-messages+xml"));
        Matcher id = Pattern.compile("id=\"([0-9a-f-]{36})\"").matcher(body(notice));
        assertTrue(id.find(), body(notice));
        assertEquals(200, bob.register(3600, null).getStatusCode());
        assertNull(bob.awaitRequest(500, TimeUnit.MILLISECONDS), "a notice is sent once per message");

        core.pusher.retrieve("bob", List.of(UUID.fromString(id.group(1))));
        Request retrieved = bob.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(retrieved);
        assertTrue(body(retrieved).endsWith("first"));
        waitUntilEmpty("bob");
    }

    @Test
    void theStoreOptionHandsDeferredMessagesToTheStore() throws Exception {
        core.storeAvailable = true;
        core.preferences.put("bob", prefs(null, null, DeferredDelivery.STORE, null));
        assertEquals(202, send("bob", "m-h", "positive-delivery", "to the store")); // bob is offline
        assertEquals(1, core.stored.size());
        assertEquals(0, core.deferral.count("bob"));
        Request n = alice.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(n, "5.2.5.3 step 2: a positive delivery notification");
        assertTrue(body(n).contains("<delivered/>"));
    }

    @Test
    void aDeferredNotificationReachesItsSenderWhenTheyRegister() throws Exception {
        alice.unregisterAll();
        bob.answerWith(200);
        assertEquals(200, bob.register(3600, null).getStatusCode());
        core.preferences.put("alice", prefs(null, null, null, null));
        String imdn = "From: <sip:bob@opencpm.test>\r\nTo: <sip:alice@opencpm.test>\r\n"
                + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: n-1\r\nDateTime: 2026-11-21T12:00:01Z\r\n\r\n"
                + "Content-Type: message/imdn+xml\r\nContent-Disposition: notification\r\n\r\n"
                + "<?xml version=\"1.0\" encoding=\"UTF-8\"?><imdn xmlns=\"urn:ietf:params:xml:ns:imdn\">"
                + "<message-id>m-x</message-id><datetime>2026-11-21T12:00:00Z</datetime>"
                + "<delivery-notification><status><delivered/></status></delivery-notification></imdn>";
        assertEquals(202, bob.sendMessage("sip:alice@opencpm.test", "message/cpim",
                imdn.getBytes(StandardCharsets.UTF_8), Map.of()).getStatusCode());
        assertEquals(1, core.deferral.count("alice"));
        assertEquals(200, alice.register(3600, null).getStatusCode());
        Request got = alice.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(got);
        assertTrue(body(got).contains("<message-id>m-x</message-id>"));
        waitUntilEmpty("alice");
    }

    private static void waitUntilEmpty(String user) throws InterruptedException {
        for (int i = 0; i < 50 && core.deferral.count(user) > 0; i++) {
            Thread.sleep(100);
        }
        assertEquals(0, core.deferral.count(user), "delivered messages leave the queue");
    }
}
