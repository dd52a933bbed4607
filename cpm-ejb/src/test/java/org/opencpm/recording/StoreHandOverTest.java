package org.opencpm.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.group.GroupService;
import org.opencpm.messagestore.MessageStoreAccess;
import org.opencpm.messagestore.accounts.JamesWebAdmin;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.imap.MessageStoreImapSettings;
import org.opencpm.messagestore.imap.MessageStoreWriter;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.UserPreferences;
import org.opencpm.storage.group.InMemoryGroupDocumentRepository;
import org.opencpm.storage.recording.InMemoryRecordingOutboxRepository;
import org.opencpm.storage.recording.RecordingEntry;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.testsupport.InMemoryUserAccountRepository;
import org.opencpm.testsupport.MutableClock;
import org.opencpm.user.HomeDomain;

/**
 * Which conversation folder a message handed to the store goes into (SD 5.2.5.3, 5.2.2.1.3): the 1-1 conversation
 * with its sender, or the group's for a member's copy of a group message; nothing is uploaded here.
 */
class StoreHandOverTest {

    @TempDir
    Path spool;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final InMemoryRecordingOutboxRepository rows = new InMemoryRecordingOutboxRepository();
    private final InMemoryUserAccountRepository accounts = new InMemoryUserAccountRepository();
    private final GroupService groups = new GroupService(new InMemoryGroupDocumentRepository(), accounts,
            new HomeDomain());
    private StoreHandOver handOver;

    @BeforeEach
    void setUp() {
        RecordingPolicy policy = new RecordingPolicy(true, false, Duration.ofDays(30), true, Duration.ofSeconds(5),
                Duration.ofDays(30), Duration.ofDays(7), 4 * 1024 * 1024, spool);
        PreferenceService preferences = new PreferenceService() {
            @Override
            public UserPreferences of(String username) {
                return UserPreferences.defaults();
            }
        };
        // a configured store (never reached: the outbox only takes the objects)
        MessageStoreAccess store = MessageStoreAccess.of(new MessageStoreWriter(new MessageStoreImapSettings(
                "127.0.0.1", 9, "a@b", "x", Duration.ofSeconds(1)), new JamesWebAdmin(URI.create("http://127.0.0.1:9"))));
        ConversationRecorder recorder = new ConversationRecorder(new RecordingOutbox(rows, policy, clock, null), policy,
                preferences, store, new HomeDomain(), clock);
        handOver = new StoreHandOver(recorder, groups, clock);
        accounts.persist(new UserAccount("sip:alice@opencpm.test", "alice", "opencpm.test", "password-1"));
        groups.create("alice", new GroupDraft("club", "Club", GroupPolicy.defaults(), List.of(
                new GroupMember("sip:bob@opencpm.test", GroupRole.PARTICIPANT, null))));
    }

    @Test
    void aOneToOneMessageGoesToTheConversationWithItsSenderAsATemporaryObject() {
        handOver.handOver(message("<sip:alice@opencpm.test>", "m-1", Map.of("Conversation-ID", "conv-1")));
        RecordingEntry entry = only();
        assertEquals(CpmFolder.oneToOne("sip:alice@opencpm.test").key(), entry.getFolder());
        assertEquals(clock.instant().plus(Duration.ofDays(30)), entry.getTemporaryUntil(), "SD 5.2.5.3 item 1");
    }

    @Test
    void aMembersCopyOfAGroupMessageGoesToTheGroupConversation() {
        // the CF's copy: From is the group (SD 5.2.2.1.4), the sender in P-Asserted-Identity
        handOver.handOver(message("\"Club\" <sip:club@opencpm.test>", "m-2", Map.of("Conversation-ID", "conv-2")));
        assertEquals(CpmFolder.group("conv-2").key(), only().getFolder());
        rows.delete(only().getId());

        handOver.deliver(message("\"Club\" <sip:club@opencpm.test>", "m-3", Map.of()));
        RecordingEntry kept = only();
        assertEquals(CpmFolder.group("sip:club@opencpm.test").key(), kept.getFolder(),
                "without a Conversation-ID, the group's address names it");
        assertNull(kept.getTemporaryUntil(), "delivered to the store: a stored object");
    }

    @Test
    void aFromThatIsNoGroupOfOursOrNoUriAtAllIsTheOneToOneConversationWithTheSender() {
        handOver.handOver(message("\"Nobody\" <sip:nobody@opencpm.test>", "m-4", Map.of()));
        assertEquals(CpmFolder.oneToOne("sip:alice@opencpm.test").key(), only().getFolder());
        rows.delete(only().getId());
        handOver.handOver(message("not a uri", "m-5", Map.of()));
        assertEquals(CpmFolder.oneToOne("sip:alice@opencpm.test").key(), only().getFolder());
    }

    private RecordingEntry only() {
        List<RecordingEntry> entries = rows.unstoredSince(Instant.MAX, 10);
        assertEquals(1, entries.size(), entries.toString());
        assertNotNull(entries.get(0).getFolder());
        return entries.get(0);
    }

    private static StandaloneMessage message(String fromHeader, String id, Map<String, String> headers) {
        byte[] body = ("From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
                + "DateTime: 2026-11-21T12:00:00Z\r\nNS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: " + id
                + "\r\n\r\nContent-Type: text/plain\r\n\r\nhello").getBytes(StandardCharsets.UTF_8);
        List<String> lines = headers.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
        return new StandaloneMessage("bob", "sip:bob@opencpm.test", fromHeader, "sip:alice@opencpm.test", false,
                "sip:alice@opencpm.test", lines, "message/cpim", body, PayloadInspector.inspect("message/cpim", body));
    }
}
