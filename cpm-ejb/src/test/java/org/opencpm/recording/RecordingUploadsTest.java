package org.opencpm.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.cms.testkit.ImapTestClient;
import org.opencpm.messagestore.accounts.JamesWebAdmin;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.imap.MessageStoreImapSettings;
import org.opencpm.messagestore.imap.MessageStoreWriter;
import org.opencpm.messagestore.imap.UserStore;
import org.opencpm.messagestore.objects.FileTransferHistoryObject;
import org.opencpm.messagestore.objects.MessageObject;
import org.opencpm.messagestore.objects.ObjectHeaders;
import org.opencpm.messagestore.objects.StoredObject;
import org.opencpm.storage.recording.InMemoryRecordingOutboxRepository;
import org.opencpm.testsupport.MutableClock;

/**
 * The outbox and its uploads against the real message store (cpm-cms in its own JVM): what is taken reaches the
 * user's folder in order, once, whatever the store does in between (down, an answer lost, a restart); temporary
 * objects are settled at their expiry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingUploadsTest {

    private static final String DOMAIN = "record.test";
    private static final String ALICE = "alice@" + DOMAIN;
    private static final CpmFolder WITH_BOB = CpmFolder.oneToOne("sip:bob@record.test");
    private static final String MAILBOX = "Default.sip:bob@record=2Etest";

    @TempDir
    static Path data;

    @TempDir
    static Path spool;

    private CmsProcess cms;
    private MutableClock clock;
    private RecordingPolicy policy;
    private RecordingOutbox outbox;
    private RecordingUploads uploads;
    private InMemoryRecordingOutboxRepository rows;

    @BeforeAll
    void start() throws Exception {
        cms = CmsProcess.onFreePorts(data, DOMAIN).property("opencpm.cms.admin.password", "admin-secret");
        cms.start();
        assertEquals(204, cms.webAdmin("PUT", "/users/" + ALICE + "?force", "{\"password\":\"alice-secret\"}")
                .statusCode());
        clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
        policy = new RecordingPolicy(true, true, Duration.ofDays(30), true, Duration.ofSeconds(5),
                Duration.ofDays(30), Duration.ofDays(7), 4 * 1024 * 1024, spool);
        rows = new InMemoryRecordingOutboxRepository();
        outbox = new RecordingOutbox(rows, policy, clock, null);
        MessageStoreWriter writer = new MessageStoreWriter(new MessageStoreImapSettings("127.0.0.1", cms.imapPort(),
                "opencpm$admin@" + DOMAIN, "admin-secret", Duration.ofSeconds(10)),
                new JamesWebAdmin(URI.create(cms.webAdminUrl())));
        uploads = new RecordingUploads(outbox, writer, policy);
    }

    @AfterAll
    void stop() throws Exception {
        if (cms != null) {
            cms.stop();
        }
    }

    @Test
    void takenObjectsReachTheFolderInOrderOnceEvenWhenTheStoreWasDownOrAnAnswerWasLost() throws Exception {
        CpmFolder folder = CpmFolder.group("conversation-order");
        for (int i = 0; i < 5; i++) {
            assertTrue(outbox.add(ALICE, folder, message("order-" + i), null, false));
        }
        assertFalse(outbox.add(ALICE, folder, message("order-0"), null, false), "the same recording is taken once");
        assertEquals(new RecordingUploads.Pass(5, 5, false), uploads.upload(100));
        assertEquals(0, outbox.waiting());
        assertEquals(List.of("order-0", "order-1", "order-2", "order-3", "order-4"), bodies("Default.conversation-order"));
        assertFalse(outbox.add(ALICE, folder, message("order-3"), null, false), "remembered after the upload too");

        // The store goes down: nothing is lost, the entry waits and is retried.
        cms.stop();
        assertTrue(outbox.add(ALICE, folder, message("while-down"), null, false));
        RecordingUploads.Pass failed = uploads.upload(100);
        assertTrue(failed.storeFailed());
        assertEquals(1, outbox.waiting());
        assertEquals(new RecordingUploads.Pass(0, 0, false), uploads.upload(100), "not due before the retry time");
        cms.start();
        clock.advance(Duration.ofSeconds(6));
        assertEquals(new RecordingUploads.Pass(1, 1, false), uploads.upload(100));

        // An upload whose answer was lost: the object is in the store, the entry still waits. Its next attempt
        // finds it there and does not append it again.
        StoredObject lost = message("answer-lost");
        assertTrue(outbox.add(ALICE, folder, lost, null, false));
        try (UserStore store = writer().open(ALICE)) {
            store.store(folder, lost, false, false);
        }
        rows.attempting(List.of(outbox.due(10).get(0).getId()), clock.instant()); // it was attempted
        assertEquals(new RecordingUploads.Pass(1, 1, false), uploads.upload(100));
        assertEquals(List.of("order-0", "order-1", "order-2", "order-3", "order-4", "while-down", "answer-lost"),
                bodies("Default.conversation-order"));
    }

    @Test
    void aHandedOverMessageIsTemporaryUntilItsExpiryThenDiscardedUnreadOrKeptRead() throws Exception {
        Instant until = clock.instant().plus(Duration.ofDays(30));
        assertTrue(outbox.add(ALICE, WITH_BOB, message("unread"), until, true));
        assertTrue(outbox.add(ALICE, WITH_BOB, message("read"), until, true));
        uploads.upload(100);
        try (ImapTestClient imap = login()) {
            assertTrue(imap.command("SELECT \"" + MAILBOX + "\"").ok());
            String flags = imap.command("FETCH 1:* (FLAGS)").toString();
            assertEquals(2, flags.split("\\$CpmTemporary", -1).length - 1, flags);
            assertTrue(imap.command("STORE 2 +FLAGS (\\Seen)").ok()); // alice reads the second
        }
        assertEquals(0, uploads.settleTemporaries(100), "not before the expiry");
        clock.advance(Duration.ofDays(31));
        assertEquals(2, uploads.settleTemporaries(100));
        assertEquals(List.of("read"), bodies(MAILBOX));
        try (ImapTestClient imap = login()) {
            imap.command("SELECT \"" + MAILBOX + "\"");
            assertFalse(imap.command("FETCH 1:* (FLAGS)").toString().contains("$CpmTemporary"));
        }
        assertEquals(0, uploads.settleTemporaries(100), "settled once");
    }

    @Test
    void aFileTransferIsSpooledAndALargerObjectThanThePolicyAllowsIsRefused() throws Exception {
        byte[] file = new byte[1024 * 1024];
        new java.util.Random(7).nextBytes(file);
        StoredObject transfer = FileTransferHistoryObject.compose("ft-1", headers(),
                FileTransferHistoryObject.TransferType.ONE_TO_ONE, List.of("sip:carol@record.test"),
                List.of(new FileTransferHistoryObject.TransferredFile("m=message 9 TCP/MSRP *\r\n",
                        "application/octet-stream", new ByteArrayDataSource(file, "application/octet-stream"))));
        assertTrue(outbox.add(ALICE, CpmFolder.oneToOne("sip:carol@record.test"), transfer, null, false));
        assertEquals(1, Files.list(spool).filter(f -> f.toString().endsWith(".eml")).count(), "a file waits on disk");
        assertEquals(1, uploads.upload(100).stored());
        assertEquals(0, Files.list(spool).count(), "its spool file goes once it is stored");
        byte[] tooLarge = new byte[5 * 1024 * 1024];
        assertThrows(IllegalArgumentException.class, () -> outbox.add(ALICE, WITH_BOB, MessageObject.compose("big",
                headers(), "application/octet-stream", tooLarge, null, null), null, false));
        assertEquals(0, Files.list(spool).count());
    }

    private MessageStoreWriter writer() {
        return new MessageStoreWriter(new MessageStoreImapSettings("127.0.0.1", cms.imapPort(),
                "opencpm$admin@" + DOMAIN, "admin-secret", Duration.ofSeconds(10)),
                new JamesWebAdmin(URI.create(cms.webAdminUrl())));
    }

    private static StoredObject message(String text) {
        return MessageObject.compose("test " + text, headers(), "text/plain",
                text.getBytes(StandardCharsets.UTF_8), null, null);
    }

    private static ObjectHeaders headers() {
        return ObjectHeaders.of("sip:alice@record.test", List.of("sip:bob@record.test"),
                Instant.parse("2026-11-21T10:00:00Z"), "conv", "contrib");
    }

    private ImapTestClient login() throws Exception {
        ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort());
        assertTrue(imap.login(ALICE, "alice-secret").ok());
        return imap;
    }

    /** The text bodies of a folder's messages, in UID order. */
    private List<String> bodies(String mailbox) throws Exception {
        try (ImapTestClient imap = login()) {
            assertTrue(imap.command("EXAMINE \"" + mailbox + "\"").ok());
            return imap.command("FETCH 1:* (BODY.PEEK[TEXT])").untagged().stream()
                    .filter(l -> l.contains("FETCH"))
                    .map(l -> l.substring(l.indexOf("\r\n") + 2, l.lastIndexOf(')')).trim())
                    .toList();
        }
    }
}
