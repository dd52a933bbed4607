package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupKind;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.group.WhoMayInitiate;
import org.opencpm.sip.testkit.SipTestAgent;

/** Standalone messages to a pre-defined group through the Controlling Function (OMA CPM SD 5.2.2.1.2). */
class GroupMessageTest {

    private static EmbeddedCore core;

    @BeforeAll
    static void startCore() throws Exception {
        core = new EmbeddedCore();
        for (String user : List.of("alice", "bob", "carol", "dave", "eve")) {
            core.provision(user, user + "-secret");
        }
        core.groups.create("alice", new GroupDraft("friends", "Friends", GroupPolicy.defaults(), List.of(
                member("bob"), member("carol"), member("dave"))));
        core.groups.create("alice", new GroupDraft("quiet", "Quiet", new GroupPolicy(false, true, true,
                WhoMayInitiate.MEMBERS, 10, false, false, GroupKind.PRE_ARRANGED), List.of(member("bob"))));
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

    private static byte[] cpim(String from, String text) {
        return ("From: <sip:" + from + "@opencpm.test>\r\nTo: <sip:friends@opencpm.test>\r\n"
                + "DateTime: 2026-11-21T12:00:00Z\r\n\r\nContent-Type: text/plain\r\n\r\n" + text)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyOtherMemberGetsACopyWithTheSenderAndTheGroupAddress() throws Exception {
        try (SipTestAgent alice = agent("alice"); SipTestAgent bob = agent("bob"); SipTestAgent carol = agent("carol")) {
            for (SipTestAgent a : List.of(alice, bob, carol)) {
                assertEquals(200, a.register(3600, null).getStatusCode());
            }
            Response r = alice.sendMessage("sip:friends@opencpm.test", "message/cpim", cpim("alice", "hi all"),
                    Map.of("Conversation-ID", "group-conv", "Reply-To", "<sip:alice-office@opencpm.test>"));
            assertEquals(202, r.getStatusCode());
            for (SipTestAgent member : List.of(bob, carol)) {
                Request got = member.awaitRequest(3, TimeUnit.SECONDS);
                assertNotNull(got, "each member gets a copy");
                assertTrue(got.getHeader("From").toString().contains("sip:friends@opencpm.test"), got.toString());
                assertTrue(got.getHeader("P-Asserted-Identity").toString().contains("sip:alice@opencpm.test"));
                assertTrue(new String(got.getRawContent(), StandardCharsets.UTF_8).contains("From: <sip:alice@"));
                assertEquals("Conversation-ID: group-conv", got.getHeader("Conversation-ID").toString().trim());
                assertNull(got.getHeader("Reply-To"), "Reply-To is not honoured for pre-defined groups");
                assertTrue(got.getHeader("P-Asserted-Service").toString().contains("oma.cpm.msg"));
            }
            assertNull(alice.awaitRequest(300, TimeUnit.MILLISECONDS), "not to the sender");
            assertEquals(1, core.deferral.count("dave"), "the offline member's copy is deferred");
            for (SipTestAgent a : List.of(alice, bob, carol)) {
                a.unregisterAll();
            }
        }
        core.deferral.purge("dave");
    }

    @Test
    void policiesAndUnknownGroupsAreRefused() throws Exception {
        try (SipTestAgent eve = agent("eve"); SipTestAgent bob = agent("bob")) {
            Response notMember = eve.sendMessage("sip:friends@opencpm.test", "message/cpim", cpim("eve", "let me in"),
                    Map.of());
            assertEquals(403, notMember.getStatusCode());
            assertTrue(notMember.getReasonPhrase().contains("members"), notMember.getReasonPhrase());
            Response notAllowed = bob.sendMessage("sip:quiet@opencpm.test", "text/plain",
                    "psst".getBytes(StandardCharsets.UTF_8), Map.of());
            assertEquals(403, notAllowed.getStatusCode());
            assertTrue(notAllowed.getReasonPhrase().contains("standalone messages"), notAllowed.getReasonPhrase());
            assertEquals(404, bob.sendMessage("sip:nogroup@opencpm.test", "hello?").getStatusCode());
            assertEquals(0, core.deferral.count("dave"));
        }
    }
}
