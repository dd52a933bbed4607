package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.msrp.testkit.MsrpPeer;
import org.opencpm.msrp.testkit.TestFiles;
import org.opencpm.preference.UserPreferences;
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;
import org.opencpm.storage.recording.RecordingEntry;

/**
 * Recording of sessions by the PF of each side (OMA CPM SD 5.2.1.2.2-3) in the embedded container: real SIP agents
 * and MSRP peers over loopback, and what each user's PF put in the recording outbox (nothing uploads it here).
 */
class SessionRecordingTest {

    private static final String ALICE = "sip:alice@" + EmbeddedCore.DOMAIN;
    private static final String BOB = "sip:bob@" + EmbeddedCore.DOMAIN;

    private EmbeddedCore core;
    private SipTestAgent alice;
    private SipTestAgent bob;

    @BeforeEach
    void start() throws Exception {
        core = new EmbeddedCore();
        core.provision("alice", "alice-pw");
        core.provision("bob", "bob-pw");
        alice = SipTestAgent.tcp("alice").as("alice", EmbeddedCore.DOMAIN, "alice-pw", "127.0.0.1", core.port());
        bob = SipTestAgent.tcp("bob").as("bob", EmbeddedCore.DOMAIN, "bob-pw", "127.0.0.1", core.port());
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        core.close();
    }

    /**
     * SD 5.2.1.2.3: both users record; each store gets the Session Info Object in its session history folder (the
     * 1-1 conversation with the other party, the session's Contribution-ID), then each chat message and
     * notification with its direction as seen by the store's owner; isComposing is no conversation item.
     */
    @Test
    void aChatBetweenTwoUsersWhoRecordIsInEachSidesSessionFolder() throws Exception {
        records("alice", true);
        records("bob", true);
        try (MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer()) {
            SipCall call = chat(aliceMedia, bobMedia);
            assertTrue(aliceMedia.session.send(OutgoingMessage.of("message/cpim", bytes(cpim(ALICE, BOB, "m-1",
                    "text/plain", "Hello Bob")))).result().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .isSuccess());
            assertNotNull(bobMedia.next());
            bobMedia.session.send(OutgoingMessage.of("application/im-iscomposing+xml", bytes("<?xml version=\"1.0\"?>"
                    + "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\"><state>active</state>"
                    + "</isComposing>")));
            assertNotNull(aliceMedia.next());
            bobMedia.session.send(OutgoingMessage.of("message/cpim", bytes(cpim(BOB, ALICE, "n-1",
                    "message/imdn+xml\r\nContent-Disposition: notification", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<imdn xmlns=\"urn:ietf:params:xml:ns:imdn\"><message-id>m-1</message-id>"
                            + "<datetime>2026-11-21T12:00:00Z</datetime><delivery-notification><status><delivered/>"
                            + "</status></delivery-notification></imdn>"))));
            assertNotNull(aliceMedia.next());
            assertEquals(200, call.bye().getStatusCode());
        }
        CpmFolder atAlice = CpmFolder.oneToOne(BOB).session("contrib-1");
        CpmFolder atBob = CpmFolder.oneToOne(ALICE).session("contrib-1");
        List<RecordingEntry> aliceItems = awaitRecorded("alice", 3);
        List<RecordingEntry> bobItems = awaitRecorded("bob", 3);

        MimeMessage info = only(aliceItems, e -> e.getObjectKind().equals("SESSION_INFO"));
        assertEquals(atAlice.key(), entry(aliceItems, "SESSION_INFO").getFolder());
        assertEquals("conv-1", info.getHeader("Conversation-ID", null));
        assertEquals("contrib-1", info.getHeader("Contribution-ID", null));
        String xml = text(((MimeMultipart) info.getContent()).getBodyPart(0));
        assertTrue(xml.contains("<session-type>1-1</session-type>") && xml.contains("a=path:msrp://")
                && xml.contains("<invited-participants>" + BOB + "</invited-participants>"), xml);
        assertEquals(atBob.key(), entry(bobItems, "SESSION_INFO").getFolder());

        MimeMessage sent = only(aliceItems, e -> e.getObjectKind().equals("MESSAGE") && direction(e).equals("sent"));
        assertEquals("m-1", sent.getHeader("IMDN-Message-ID", null));
        assertEquals(atAlice.key(), entry(aliceItems, "MESSAGE").getFolder());
        assertTrue(new String(sent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("Hello Bob"));
        MimeMessage notification = only(aliceItems, e -> e.getObjectKind().equals("MESSAGE")
                && direction(e).equals("received"));
        assertEquals("n-1", notification.getHeader("IMDN-Message-ID", null));
        assertEquals("m-1", only(bobItems, e -> e.getObjectKind().equals("MESSAGE")
                && direction(e).equals("received")).getHeader("IMDN-Message-ID", null));
        assertEquals("n-1", only(bobItems, e -> e.getObjectKind().equals("MESSAGE")
                && direction(e).equals("sent")).getHeader("IMDN-Message-ID", null));
        assertTrue(bobItems.stream().allMatch(e -> e.getFolder().equals(atBob.key())));
    }

    /** SD 5.2.1.2: a user who does not record gets nothing, whatever the other one does. */
    @Test
    void aUserWhoDoesNotRecordGetsNothing() throws Exception {
        records("alice", true);
        records("bob", false);
        try (MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer()) {
            SipCall call = chat(aliceMedia, bobMedia);
            aliceMedia.session.send(OutgoingMessage.of("text/plain", bytes("Hello Bob")));
            assertNotNull(bobMedia.next());
            assertEquals(200, call.bye().getStatusCode());
        }
        awaitRecorded("alice", 2);
        Thread.sleep(300);
        assertEquals(0, recorded("bob").size());
    }

    /**
     * SD 5.2.1.2.2: a file transfer that completes is recorded for both users, in their 1-1 conversation folder,
     * as a file transfer history object whose file part is the file byte for byte.
     */
    @Test
    void aCompletedFileTransferIsRecordedWithTheFileOnBothSides() throws Exception {
        records("alice", true);
        records("bob", true);
        byte[] file = new byte[3 * 1024 * 1024 + 7];
        new Random(5).nextBytes(file);
        String selector = "file-selector:name:\"plans.pdf\" type:application/pdf size:" + file.length;
        try (MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer()) {
            bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, bob.register(3600, null).getStatusCode());
            SipCall call = fileTo("bob", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS, selector,
                    "file-transfer-id:ft-1"));
            assertEquals(200, call.status());
            aliceMedia.answered(call.body());
            DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.builder("application/pdf",
                    new ByteArrayInputStream(file), file.length).build()).result().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertArrayEquals(file, bobMedia.next().body());
            assertEquals(200, call.bye().getStatusCode());
        }
        for (String user : List.of("alice", "bob")) {
            RecordingEntry entry = awaitRecorded(user, 1).get(0);
            assertEquals("FILE_TRANSFER_HISTORY", entry.getObjectKind());
            assertEquals(CpmFolder.oneToOne(user.equals("alice") ? BOB : ALICE).key(), entry.getFolder());
            MimeMessage history = content(entry);
            assertEquals(user.equals("alice") ? "sent" : "received", history.getHeader("Message-Direction", null));
            MimeMultipart related = (MimeMultipart) history.getContent();
            String root = text(related.getBodyPart(0));
            assertTrue(root.contains("a=" + selector) && root.contains("<file-transfer-type>1-1<"), root);
            BodyPart part = related.getBodyPart(1);
            assertTrue(part.getContentType().startsWith("application/pdf"), part.getContentType());
            try (InputStream in = part.getInputStream()) {
                assertArrayEquals(file, in.readAllBytes(), user + "'s recorded file");
            }
        }
        awaitNoTemporaryFiles();
    }

    /** SD 5.2.1.2.2: a transfer cut off before its end is recorded for nobody, and nothing of it is left. */
    @Test
    void aFileTransferCutOffIsNotRecorded() throws Exception {
        records("alice", true);
        records("bob", true);
        byte[] file = new byte[2 * 1024 * 1024];
        new Random(3).nextBytes(file);
        try (MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer()) {
            bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, bob.register(3600, null).getStatusCode());
            SipCall call = fileTo("bob", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS,
                    "file-selector:name:\"cut.bin\" type:application/octet-stream size:" + file.length));
            assertEquals(200, call.status());
            aliceMedia.answered(call.body());
            assertThrows(IOException.class, () -> aliceMedia.session.send(OutgoingMessage.builder(
                    "application/octet-stream", TestFiles.failingAfter(file, file.length / 2), file.length).build()));
            assertEquals(200, call.bye().getStatusCode());
        }
        Thread.sleep(500);
        assertEquals(0, recorded("alice").size());
        assertEquals(0, recorded("bob").size());
        awaitNoTemporaryFiles();
    }

    /**
     * SD 5.2.1.2.2: a file to a group is recorded in the group conversation folder (its Conversation-ID) of the
     * sender, sent, and of each member, received.
     */
    @Test
    void aFileToAGroupIsRecordedInTheGroupConversationOfEachSide() throws Exception {
        core.provision("carol", "carol-pw");
        records("alice", true);
        records("bob", true);
        core.groups.create("alice", new GroupDraft("friends", "Friends", GroupPolicy.defaults(), List.of(
                new GroupMember(BOB, GroupRole.PARTICIPANT, null),
                new GroupMember("sip:carol@" + EmbeddedCore.DOMAIN, GroupRole.PARTICIPANT, null))));
        byte[] file = new byte[512 * 1024 + 3];
        new Random(23).nextBytes(file);
        try (SipTestAgent carol = SipTestAgent.tcp("carol").as("carol", EmbeddedCore.DOMAIN, "carol-pw", "127.0.0.1",
                core.port());
             MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer();
             MsrpPeer carolMedia = new MsrpPeer()) {
            bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            carol.onInvite(r -> Answer.ok("application/sdp", carolMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, bob.register(3600, null).getStatusCode());
            assertEquals(200, carol.register(3600, null).getStatusCode());
            SipCall call = alice.invite("sip:friends@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                    .body("application/sdp", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS,
                            "file-selector:name:\"photo.jpg\" type:image/jpeg size:" + file.length)
                            .getBytes(StandardCharsets.UTF_8))
                    .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + FileTransferTest.FILE_TRANSFER + "\"")
                    .header("Conversation-ID", "group-conv-1"));
            assertEquals(200, call.status());
            aliceMedia.answered(call.body());
            assertTrue(aliceMedia.session.send(OutgoingMessage.builder("image/jpeg", new ByteArrayInputStream(file),
                    file.length).build()).result().toCompletableFuture().get(30, TimeUnit.SECONDS).isSuccess());
            assertArrayEquals(file, bobMedia.next().body());
            assertArrayEquals(file, carolMedia.next().body());
            assertEquals(200, call.bye().getStatusCode());
        }
        for (String user : List.of("alice", "bob")) {
            RecordingEntry entry = awaitRecorded(user, 1).get(0);
            assertEquals(CpmFolder.group("group-conv-1").key(), entry.getFolder());
            MimeMessage history = content(entry);
            assertEquals(user.equals("alice") ? "sent" : "received", history.getHeader("Message-Direction", null));
            String root = text(((MimeMultipart) history.getContent()).getBodyPart(0));
            assertTrue(root.contains("<file-transfer-type>Group<") && root.contains("sip:friends@"), root);
        }
        assertEquals(0, recorded("carol").size(), "Carol does not record");
    }

    // ---------------------------------------------------------------- helpers

    private SipCall chat(MsrpPeer aliceMedia, MsrpPeer bobMedia) throws Exception {
        bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
        assertEquals(200, bob.register(3600, null).getStatusCode());
        SipCall call = alice.invite(BOB, InviteOptions.create()
                .body("application/sdp", aliceMedia.offer(Direction.SENDRECV, Setup.ACTPASS)
                        .getBytes(StandardCharsets.UTF_8))
                .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + SessionRelayTest.CHAT.replace(":", "%3A") + "\"")
                .header("Conversation-ID", "conv-1")
                .header("Contribution-ID", "contrib-1"));
        assertEquals(200, call.status());
        assertNotNull(bob.awaitCall(5, TimeUnit.SECONDS));
        aliceMedia.answered(call.body());
        return call;
    }

    private SipCall fileTo(String user, String offer) throws Exception {
        return alice.invite("sip:" + user + "@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                .body("application/sdp", offer.getBytes(StandardCharsets.UTF_8))
                .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + FileTransferTest.FILE_TRANSFER + "\""));
    }

    private void records(String user, boolean record) {
        core.preferences.put(user, UserPreferences.defaults().withRecordConversations(record));
    }

    private List<RecordingEntry> recorded(String user) {
        return core.recordings.due(Instant.MAX, 1000).stream()
                .filter(e -> e.getOwner().equals(user + "@" + EmbeddedCore.DOMAIN)).toList();
    }

    private List<RecordingEntry> awaitRecorded(String user, int count) throws InterruptedException {
        for (int i = 0; i < 200 && recorded(user).size() < count; i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200); // nothing more comes
        List<RecordingEntry> entries = recorded(user);
        assertEquals(count, entries.size(), user + ": " + entries.stream().map(RecordingEntry::getObjectKind)
                .toList());
        return entries;
    }

    private static RecordingEntry entry(List<RecordingEntry> entries, String kind) {
        return entries.stream().filter(e -> e.getObjectKind().equals(kind)).findFirst().orElseThrow();
    }

    private MimeMessage only(List<RecordingEntry> entries, Predicate<RecordingEntry> which) throws Exception {
        List<RecordingEntry> found = entries.stream().filter(which).toList();
        assertEquals(1, found.size());
        return content(found.get(0));
    }

    private String direction(RecordingEntry entry) {
        try {
            return content(entry).getHeader("Message-Direction", null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The composed object, from the outbox row or its spool file. */
    private MimeMessage content(RecordingEntry entry) throws Exception {
        try (InputStream in = entry.getContent() != null ? new ByteArrayInputStream(entry.getContent())
                : Files.newInputStream(core.recordingSpool.resolve(entry.getSpoolFile()))) {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(in.readAllBytes()));
        }
    }

    private static String text(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void awaitNoTemporaryFiles() throws Exception {
        for (int i = 0; i < 100 && temporaryFiles() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, temporaryFiles(), "no copy of a transferred file is left");
    }

    private long temporaryFiles() throws IOException {
        try (var files = Files.list(core.recordingSpool)) {
            return files.filter(f -> f.getFileName().toString().startsWith("opencpm-recording-")).count();
        }
    }

    private static String cpim(String from, String to, String imdnId, String contentType, String body) {
        return "From: <" + from + ">\r\nTo: <" + to + ">\r\nDateTime: 2026-11-21T12:00:00Z\r\n"
                + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: " + imdnId + "\r\n\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n" + body;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
