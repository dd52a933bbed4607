package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.preference.UserPreferences;
import org.opencpm.sip.testkit.SipTestAgent;
import org.opencpm.storage.recording.RecordingEntry;

/**
 * What the PF records of standalone messages (OMA CPM SD 5.2.1.2.1), on both sides, for the users whose preference
 * asks for it: read from the outbox the uploader would work through (nothing uploads here).
 */
class StandaloneRecordingTest {

    private static EmbeddedCore core;

    @BeforeAll
    static void startCore() throws Exception {
        core = new EmbeddedCore();
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            core.provision(user, user + "-secret");
        }
        core.groups.create("alice", new GroupDraft("club", "Club", GroupPolicy.defaults(), List.of(
                new GroupMember("sip:bob@opencpm.test", GroupRole.PARTICIPANT, null),
                new GroupMember("sip:carol@opencpm.test", GroupRole.PARTICIPANT, null))));
    }

    @AfterAll
    static void stopCore() {
        core.close();
    }

    @BeforeEach
    void recordingFor() {
        core.recordings.unstoredSince(java.time.Instant.MAX, 10_000).forEach(e -> core.recordings.delete(e.getId()));
        for (String user : List.of("alice", "bob", "dave")) {
            core.preferences.put(user, UserPreferences.defaults().withRecordConversations(true));
        }
        core.preferences.remove("carol"); // the provider's default here: not recorded
    }

    private static SipTestAgent agent(String user) throws Exception {
        return SipTestAgent.udp(user).as(user, "opencpm.test", user + "-secret", "127.0.0.1", core.port());
    }

    private static byte[] cpim(String from, String to, String id, String text) {
        return ("From: <sip:" + from + "@opencpm.test>\r\nTo: <sip:" + to + "@opencpm.test>\r\n"
                + "DateTime: 2026-11-21T12:00:00Z\r\nNS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: " + id
                + "\r\n\r\nContent-Type: text/plain\r\n\r\n" + text).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aOneToOneMessageIsRecordedForTheSenderAndTheRecipientInTheirConversationFolders() throws Exception {
        try (SipTestAgent alice = agent("alice"); SipTestAgent bob = agent("bob")) {
            assertEquals(200, bob.register(3600, null).getStatusCode());
            assertEquals(200, alice.sendMessage("sip:bob@opencpm.test", "message/cpim",
                    cpim("alice", "bob", "m-1", "hello"), Map.of("Conversation-ID", "conv-1",
                            "Contribution-ID", "contrib-1", "InReplyTo-Contribution-ID", "earlier")).getStatusCode());
            assertNotNull(bob.awaitRequest(3, TimeUnit.SECONDS));
        }
        List<RecordingEntry> recorded = recorded();
        assertEquals(2, recorded.size(), recorded.toString());
        RecordingEntry sent = recorded.stream().filter(e -> e.getOwner().startsWith("alice@")).findFirst().get();
        RecordingEntry received = recorded.stream().filter(e -> e.getOwner().startsWith("bob@")).findFirst().get();
        assertEquals("alice@opencpm.test", sent.getOwner());
        assertEquals("ONE_TO_ONE_CONVERSATION:sip:bob@opencpm=2Etest", sent.getFolder());
        assertEquals("ONE_TO_ONE_CONVERSATION:sip:alice@opencpm=2Etest", received.getFolder());
        MimeMessage s = mime(sent);
        MimeMessage r = mime(received);
        assertEquals("sent", s.getHeader("Message-Direction", null));
        assertEquals("received", r.getHeader("Message-Direction", null));
        for (MimeMessage m : List.of(s, r)) {
            assertEquals("conv-1", m.getHeader("Conversation-ID", null));
            assertEquals("contrib-1", m.getHeader("Contribution-ID", null));
            assertEquals("earlier", m.getHeader("InReplyTo-Contribution-ID", null));
            assertEquals("m-1", m.getHeader("IMDN-Message-ID", null));
            assertEquals("sip:alice@opencpm.test", m.getHeader("From", null));
            assertTrue(new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).endsWith("hello"));
        }
    }

    @Test
    void refusedMessagesIsComposingAndUsersWhoDoNotRecordGiveNothing() throws Exception {
        try (SipTestAgent alice = agent("alice"); SipTestAgent carol = agent("carol")) {
            assertEquals(200, carol.register(3600, null).getStatusCode());
            assertEquals(404, alice.sendMessage("sip:nobody@opencpm.test", "hello?").getStatusCode());
            String composing = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<isComposing xmlns="
                    + "\"urn:ietf:params:xml:ns:im-iscomposing\"><state>active</state></isComposing>";
            assertEquals(200, alice.sendMessage("sip:carol@opencpm.test", "application/im-iscomposing+xml",
                    composing.getBytes(StandardCharsets.UTF_8), Map.of()).getStatusCode());
            // alice has no device: deferred (202), and recorded on her side as received all the same
            assertEquals(202, carol.sendMessage("sip:alice@opencpm.test", "message/cpim",
                    cpim("carol", "alice", "m-2", "from carol"), Map.of()).getStatusCode());
        }
        List<RecordingEntry> recorded = recorded();
        assertEquals(1, recorded.size(), "only alice's copy of carol's message: " + recorded);
        assertEquals("alice@opencpm.test", recorded.get(0).getOwner());
        assertEquals("received", mime(recorded.get(0)).getHeader("Message-Direction", null));
    }

    @Test
    void aGroupMessageIsRecordedInTheGroupConversationFolderOfTheSenderAndOfEachMemberWhoRecords() throws Exception {
        try (SipTestAgent alice = agent("alice"); SipTestAgent bob = agent("bob"); SipTestAgent carol = agent("carol")) {
            assertEquals(200, bob.register(3600, null).getStatusCode());
            assertEquals(200, carol.register(3600, null).getStatusCode());
            assertEquals(202, alice.sendMessage("sip:club@opencpm.test", "message/cpim",
                    cpim("alice", "club", "g-1", "hi club"), Map.of("Conversation-ID", "club-conv")).getStatusCode());
            assertNotNull(bob.awaitRequest(3, TimeUnit.SECONDS));
            assertNotNull(carol.awaitRequest(3, TimeUnit.SECONDS));
        }
        List<RecordingEntry> recorded = recorded();
        assertEquals(List.of("alice@opencpm.test", "bob@opencpm.test"),
                recorded.stream().map(RecordingEntry::getOwner).sorted().toList(), "carol does not record");
        for (RecordingEntry e : recorded) {
            assertEquals("GROUP_CONVERSATION:club-conv", e.getFolder());
        }
    }

    private static List<RecordingEntry> recorded() throws InterruptedException {
        Thread.sleep(300); // the recipient's copy is recorded just after the answer
        return core.recordings.unstoredSince(java.time.Instant.MAX, 10_000).stream()
                .sorted(Comparator.comparing(RecordingEntry::getOwner)).toList();
    }

    private static MimeMessage mime(RecordingEntry entry) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(entry.getContent()));
    }
}
