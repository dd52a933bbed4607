package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.imdn.ImdnMessages;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Delivery notifications of a group message come back through the CF and reach the sender aggregated (OMA CPM SD
 * 5.2.6.1, RFC 5438 sec 6.4 and 8.3): those of the members' clients and those the members' PFs generate.
 */
class GroupNotificationTest {

    private static final String TEAM = "sip:team@opencpm.test";
    private static EmbeddedCore core;

    @BeforeAll
    static void startCore() throws Exception {
        core = new EmbeddedCore();
        for (String user : List.of("alice", "bob", "carol", "dave", "frank", "eve")) {
            core.provision(user, user + "-secret");
        }
        core.groups.create("alice", new GroupDraft("team", "Team", GroupPolicy.defaults(), List.of(
                member("bob"), member("carol"), member("dave"), member("frank"))));
    }

    @AfterAll
    static void stopCore() {
        core.close();
    }

    private static GroupMember member(String user) {
        return new GroupMember("sip:" + user + "@opencpm.test", GroupRole.PARTICIPANT, null);
    }

    private static SipTestAgent agent(String user) throws Exception {
        return SipTestAgent.udp(user).as(user, "opencpm.test", user + "-secret", "127.0.0.1", core.port());
    }

    /** What a client does with a copy that asks for delivery notifications (RFC 5438 sec 7.1.2, 6.4). */
    static byte[] deliveredNotice(String member, Request copy) {
        CpimMessage got = CpimMessage.parse(copy.getRawContent());
        String route = ImdnMessages.recordRoutes(got).get(0);
        String xml = new String(ImdnDocument.delivery(ImdnMessages.messageId(got).orElseThrow(),
                got.dateTime().orElseThrow(), "sip:" + member + "@opencpm.test", null,
                org.opencpm.message.imdn.DeliveryStatus.DELIVERED).toXml(), StandardCharsets.UTF_8);
        return ("From: <sip:" + member + "@opencpm.test>\r\nTo: " + got.from() + "\r\n"
                + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: n-" + member + "\r\n"
                + "imdn.IMDN-Route: <" + route + ">\r\nDateTime: 2026-11-21T12:00:05Z\r\n\r\n"
                + "Content-Type: message/imdn+xml\r\nContent-Disposition: notification\r\n\r\n" + xml)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<ImdnDocument> notificationsIn(Request request) {
        CpimMessage cpim = CpimMessage.parse(request.getRawContent());
        return ImdnMessages.isAggregate(cpim) ? ImdnMessages.aggregated(cpim)
                : List.of(ImdnDocument.parse(cpim.body()));
    }

    @Test
    void notificationsOfClientsAndPfsReachTheSenderAggregatedThroughTheGroup() throws Exception {
        try (SipTestAgent alice = agent("alice"); SipTestAgent bob = agent("bob"); SipTestAgent carol = agent("carol");
             SipTestAgent eve = agent("eve")) {
            for (SipTestAgent a : List.of(alice, bob, carol)) {
                assertEquals(200, a.register(3600, null).getStatusCode());
            }
            byte[] message = ("From: <sip:alice@opencpm.test>\r\nTo: <" + TEAM + ">\r\n"
                    + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: m-1\r\nDateTime: 2026-11-21T12:00:00Z\r\n"
                    + "imdn.Disposition-Notification: positive-delivery, negative-delivery\r\n\r\n"
                    + "Content-Type: text/plain\r\n\r\nwho is there?").getBytes(StandardCharsets.UTF_8);
            assertEquals(202, alice.sendMessage(TEAM, "message/cpim", message, Map.of()).getStatusCode());

            for (SipTestAgent member : List.of(bob, carol)) {
                Request copy = member.awaitRequest(3, TimeUnit.SECONDS);
                assertNotNull(copy);
                CpimMessage cpim = CpimMessage.parse(copy.getRawContent());
                assertEquals(List.of(TEAM), ImdnMessages.recordRoutes(cpim), "the CF asks for the notifications");
                assertEquals("who is there?", new String(cpim.body(), StandardCharsets.UTF_8));
                String name = member == bob ? "bob" : "carol";
                assertEquals(202, member.sendMessage(TEAM, "message/cpim", deliveredNotice(name, copy), Map.of())
                        .getStatusCode(), "held by the CF");
            }
            assertNull(alice.awaitRequest(300, TimeUnit.MILLISECONDS), "held while dave and frank may answer");

            byte[] forged = ("From: <sip:eve@opencpm.test>\r\nTo: <sip:alice@opencpm.test>\r\n"
                    + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: n-eve\r\nDateTime: 2026-11-21T12:00:05Z"
                    + "\r\n\r\nContent-Type: message/imdn+xml\r\nContent-Disposition: notification\r\n\r\n"
                    + new String(ImdnDocument.delivery("m-1", "2026-11-21T12:00:00Z", "sip:eve@opencpm.test", null,
                            org.opencpm.message.imdn.DeliveryStatus.DELIVERED).toXml(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(403, eve.sendMessage(TEAM, "message/cpim", forged, Map.of()).getStatusCode());

            core.clock.advance(Duration.ofSeconds(11));
            core.flushNotifications();
            Request first = alice.awaitRequest(3, TimeUnit.SECONDS);
            assertNotNull(first, "what waited the window goes out");
            assertTrue(first.getHeader("From").toString().contains(TEAM), first.toString());
            assertEquals(List.of("sip:bob@opencpm.test", "sip:carol@opencpm.test"), notificationsIn(first).stream()
                    .map(ImdnDocument::recipientUri).sorted().toList());
            assertTrue(ImdnMessages.isAggregate(CpimMessage.parse(first.getRawContent())));

            try (SipTestAgent dave = agent("dave")) {
                assertEquals(200, dave.register(3600, null).getStatusCode());
                Request copy = dave.awaitRequest(3, TimeUnit.SECONDS);
                assertNotNull(copy, "the deferred copy on registration, still asking for its notifications");
                assertEquals(202, dave.sendMessage(TEAM, "message/cpim", deliveredNotice("dave", copy), Map.of())
                        .getStatusCode());
                dave.unregisterAll();
            }
            // frank never comes: his copy expires and his PF's negative notification goes through the CF too,
            // which then has heard from everyone.
            core.clock.advance(Duration.ofHours(2));
            assertEquals(200, alice.register(3600, null).getStatusCode(), "alice's registration ran out meanwhile");
            assertEquals(1, core.expiry.expireDue());
            Request last = alice.awaitRequest(3, TimeUnit.SECONDS);
            assertNotNull(last);
            List<ImdnDocument> docs = notificationsIn(last);
            assertEquals(List.of("sip:dave@opencpm.test", "sip:frank@opencpm.test"),
                    docs.stream().map(ImdnDocument::recipientUri).sorted().toList());
            assertEquals("failed", docs.stream().filter(d -> d.recipientUri().contains("frank")).findFirst()
                    .orElseThrow().status());
            assertNull(alice.awaitRequest(300, TimeUnit.MILLISECONDS), "nothing more");
            for (SipTestAgent a : List.of(alice, bob, carol)) {
                a.unregisterAll();
            }
        }
    }
}
