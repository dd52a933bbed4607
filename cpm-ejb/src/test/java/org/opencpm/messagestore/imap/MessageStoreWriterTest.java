package org.opencpm.messagestore.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.opencpm.messagestore.objects.FileTransferHistoryObject;
import org.opencpm.messagestore.objects.GroupStateObject;
import org.opencpm.messagestore.objects.MediaObject;
import org.opencpm.messagestore.objects.MessageObject;
import org.opencpm.messagestore.objects.ObjectHeaders;
import org.opencpm.messagestore.objects.SessionInfoObject;
import org.opencpm.messagestore.objects.StoredObject;

/**
 * The writer against the real message store (cpm-cms in its own JVM, as run.sh starts it): objects stored into
 * the CPM folder model of a user through the administrator acting as that user, then read back as the user with a
 * raw IMAP client, headers and all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageStoreWriterTest {

    private static final String DOMAIN = "store.test";
    private static final String ALICE = "alice@" + DOMAIN;
    private static final String BOB = "bob@" + DOMAIN;
    private static final String ADMIN = "opencpm$admin@" + DOMAIN;
    private static final Instant WHEN = Instant.parse("2025-06-03T10:15:30Z");
    private static final String CONVERSATION = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";
    private static final String CPIM = "From: <sip:alice@store.test>\r\nTo: <sip:bob@store.test>\r\n"
            + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: 34jk324j\r\n\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello Bob\r\n";

    @TempDir
    static Path data;

    private CmsProcess cms;
    private MessageStoreWriter writer;

    @BeforeAll
    void start() throws Exception {
        cms = CmsProcess.onFreePorts(data, DOMAIN).property("opencpm.cms.admin.password", "admin-secret");
        cms.start();
        for (String user : List.of(ALICE, BOB)) {
            assertEquals(204, cms.webAdmin("PUT", "/users/" + user + "?force",
                    "{\"password\":\"" + user.substring(0, user.indexOf('@')) + "-secret\"}").statusCode());
        }
        writer = writer("admin-secret");
    }

    @AfterAll
    void stop() throws Exception {
        if (cms != null) {
            cms.stop();
        }
    }

    @Test
    void theConnectionToTheStoreHasTcpNoDelay() throws Exception {
        // James advertises LITERAL+: an APPEND is two writes in a row, which Nagle's algorithm would hold back until
        // the store's delayed ACK (about 40 ms per object)
        Object factory = writer.session(ALICE).getProperties().get("mail.imap.socketFactory");
        try (java.net.Socket socket = ((javax.net.SocketFactory) factory).createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
        try (UserStore alice = writer.open(ALICE)) {
            assertEquals("Default", alice.defaultFolder()); // and the store is reached through it
        }
    }

    @Test
    void theDefaultFolderIsReadFromTheServerAnnotation() throws Exception {
        try (UserStore alice = writer.open(ALICE)) {
            assertEquals("Default", alice.defaultFolder());
            assertEquals("Default.sip:bob@store=2Etest", alice.mailbox(CpmFolder.oneToOne("sip:bob@store.test")));
        }
        try (ImapTestClient imap = login(ALICE)) {
            ImapTestClient.Response r = imap.command("GETMETADATA \"\" " + UserStore.DEFAULT_FOLDER_LOCATION);
            assertEquals(List.of("* METADATA \"\" (/shared/vendor/oma/cpm/defaultfolderlocation \"Default\")"),
                    r.untagged(), "what any IMAP client gets");
        }
    }

    @Test
    void aOneToOneMessageLandsInTheConversationFolderWithItsCpmHeaders() throws Exception {
        CpmFolder withBob = CpmFolder.oneToOne("<sip:bob@store.test>");
        StoredObject message = MessageObject.compose("pager:34jk324j:sent", headers(ObjectHeaders.Direction.SENT),
                "message/cpim", CPIM.getBytes(StandardCharsets.UTF_8), "34jk324j", null);
        StoreResult result;
        try (UserStore alice = writer.open(ALICE)) {
            result = alice.store(withBob, message);
        }
        assertEquals("Default.sip:bob@store=2Etest", result.mailbox());
        assertFalse(result.alreadyStored());
        try (ImapTestClient imap = login(ALICE)) {
            assertTrue(imap.command("LIST \"\" \"Default.*\"").toString().contains("\"Default.sip:bob@store=2Etest\""));
            assertTrue(imap.command("SELECT \"Default.sip:bob@store=2Etest\"").ok());
            String head = imap.command("UID FETCH " + result.uid() + " (BODY.PEEK[HEADER])").toString();
            for (String header : List.of("From: sip:alice@store.test", "To: sip:bob@store.test",
                    "Date: Tue, 3 Jun 2025 10:15:30 +0000", "Conversation-ID: " + CONVERSATION,
                    "Contribution-ID: abcdef-1234", "InReplyTo-Contribution-ID: 0123-4567", "IMDN-Message-ID: 34jk324j",
                    "Message-Direction: sent", "Message-ID: " + message.messageId(), "Content-Type: message/cpim")) {
                assertTrue(head.contains(header), header + " in " + head);
            }
            String body = imap.command("UID FETCH " + result.uid() + " (BODY.PEEK[TEXT])").toString();
            assertTrue(body.contains("imdn.Message-ID: 34jk324j") && body.contains("Hello Bob"), body);
        }
    }

    @Test
    void aGroupSessionGetsItsSessionFolderWithSessionInfoMessagesAndGroupState() throws Exception {
        CpmFolder group = CpmFolder.group(CONVERSATION);
        CpmFolder session = group.session("abcdef-1234");
        ObjectHeaders h = headers(ObjectHeaders.Direction.RECEIVED);
        try (UserStore bob = writer.open(BOB)) {
            bob.store(session, SessionInfoObject.compose("session:abcdef-1234", h,
                    SessionInfoObject.SessionType.GROUP, "v=0\r\nm=message 9 TCP/MSRP *\r\n",
                    List.of("sip:alice@store.test", "sip:bob@store.test")));
            bob.store(session, MessageObject.compose("chat:1", h, "message/cpim", CPIM.getBytes(StandardCharsets.UTF_8),
                    "chat-1", null));
            bob.store(session, GroupStateObject.compose("state:abcdef-1234", h, WHEN, "sip:focus@store.test",
                    GroupStateObject.GroupType.CLOSED, List.of(new GroupStateObject.Participant("Alice",
                            "sip:alice@store.test"))));
            bob.store(group, FileTransferHistoryObject.compose("ft:1", h,
                    FileTransferHistoryObject.TransferType.GROUP, List.of("sip:alice@store.test"),
                    List.of(new FileTransferHistoryObject.TransferredFile("a=file-selector:name:\"a.png\" type:image/png"
                            + " size:4\r\n", "image/png", new ByteArrayDataSource(new byte[] {1, 2, 3, 4}, "image/png")))));
            bob.store(group, MediaObject.compose("media:1", h, "audio/amr", "clip.amr",
                    new ByteArrayDataSource(new byte[] {0, 1}, "audio/amr")));
        }
        try (ImapTestClient imap = login(BOB)) {
            String folder = "Default." + CONVERSATION + ".abcdef-1234";
            ImapTestClient.Response selected = imap.command("SELECT \"" + folder + "\"");
            assertTrue(selected.untagged().contains("* 3 EXISTS"), selected.toString());
            String types = imap.command("FETCH 1:3 (BODY.PEEK[HEADER.FIELDS (Content-Type Contribution-ID)])").toString();
            assertTrue(types.contains("multipart/related") && types.contains("Application/X-CPM-Session"), types);
            assertTrue(types.contains("message/cpim"), types);
            assertTrue(types.contains("application/group-state-object+xml"), types);
            assertTrue(types.contains("Contribution-ID: abcdef-1234"), types);
            String state = imap.command("FETCH 3 (BODY.PEEK[TEXT])").toString();
            assertTrue(state.contains("lastfocussessionid=\"sip:focus@store.test\"") && state.contains("closed"), state);
            ImapTestClient.Response conversation = imap.command("SELECT \"Default." + CONVERSATION + "\"");
            assertTrue(conversation.untagged().contains("* 2 EXISTS"), conversation.toString());
            String objects = imap.command("FETCH 1:2 (BODY.PEEK[HEADER.FIELDS (Content-Type)])").toString();
            assertTrue(objects.contains("Application/X-CPM-File-Transfer") && objects.contains("audio/amr"), objects);
        }
    }

    @Test
    void aRetriedStoreFindsTheObjectInsteadOfStoringItTwice() throws Exception {
        CpmFolder folder = CpmFolder.oneToOne("tel:+15550100");
        StoreResult first;
        StoreResult again;
        StoreResult recomposed;
        try (UserStore alice = writer.open(ALICE)) {
            StoredObject object = MessageObject.compose("retry:1", headers(null), "text/plain",
                    "once".getBytes(StandardCharsets.UTF_8), null, null);
            first = alice.store(folder, object);
            again = alice.store(folder, object);
            recomposed = alice.store(folder, MessageObject.compose("retry:1", headers(null), "text/plain",
                    "once".getBytes(StandardCharsets.UTF_8), null, null));
            alice.store(folder, MessageObject.compose("retry:2", headers(null), "text/plain",
                    "another".getBytes(StandardCharsets.UTF_8), null, null));
            assertTrue(alice.find(folder, object.messageId()).isPresent());
            assertTrue(alice.find(CpmFolder.oneToOne("tel:+15550199"), object.messageId()).isEmpty());
        }
        assertFalse(first.alreadyStored());
        assertTrue(again.alreadyStored() && recomposed.alreadyStored());
        assertEquals(first.uid(), again.uid());
        assertEquals(first.uid(), recomposed.uid());
        try (ImapTestClient imap = login(ALICE)) {
            ImapTestClient.Response status = imap.command("STATUS \"Default.tel:+15550100\" (MESSAGES)");
            assertTrue(status.toString().contains("MESSAGES 2"), status.toString());
        }
    }

    @Test
    void hostileIdentifiersMakeSafeFolders() throws Exception {
        try (UserStore alice = writer.open(ALICE)) {
            assertEquals("Default.sip:j=C3=BCrgen=0D=0A=25=2A@store=2Etest", alice.store(
                    CpmFolder.oneToOne("sip:jürgen\r\n%*@store.test"), message("hostile:1")).mailbox());
            StoreResult longOne = alice.store(CpmFolder.group("x".repeat(300)).session("y".repeat(300)),
                    message("hostile:2"));
            assertTrue(longOne.mailbox().length() <= 200, longOne.mailbox());
        }
        try (ImapTestClient imap = login(ALICE)) {
            String list = imap.command("LIST \"\" \"Default.*\"").toString();
            assertTrue(list.contains("Default.sip:j=C3=BCrgen=0D=0A=25=2A@store=2Etest"), list);
        }
    }

    @Test
    void theObjectsAreTheUsersAndNobodyElses() throws Exception {
        try (UserStore alice = writer.open(ALICE)) {
            alice.store(CpmFolder.oneToOne("sip:carol@store.test"), message("private:1"));
        }
        try (ImapTestClient bob = login(BOB)) {
            assertFalse(bob.command("LIST \"\" \"*\"").toString().contains("carol"));
        }
        try (ImapTestClient admin = new ImapTestClient("127.0.0.1", cms.imapPort())) {
            assertTrue(admin.login(ADMIN, "admin-secret").ok());
            assertFalse(admin.command("LIST \"\" \"*\"").toString().contains("carol"),
                    "the administrator wrote as Alice, not into its own folders");
        }
    }

    @Test
    void nothingIsWrittenForAUserTheStoreDoesNotKnow() throws Exception {
        assertThrows(UnknownStoreUserException.class, () -> writer.open("nobody@" + DOMAIN));
        assertEquals(404, cms.webAdmin("HEAD", "/users/nobody@" + DOMAIN, null).statusCode());
        assertTrue(cms.webAdmin("GET", "/users/nobody@" + DOMAIN + "/mailboxes", null).statusCode() >= 400,
                "no folders were created for the unknown user");
    }

    @Test
    void aWrongAdministratorPasswordIsRefused() throws Exception {
        MessageStoreException refused = assertThrows(MessageStoreException.class,
                () -> writer("wrong").open(ALICE).close());
        assertFalse(refused instanceof UnknownStoreUserException);
        assertThrows(MessageStoreException.class, () -> writer("").open(ALICE), "no password, no writing");
    }

    private MessageStoreWriter writer(String password) {
        return new MessageStoreWriter(new MessageStoreImapSettings("127.0.0.1", cms.imapPort(), ADMIN, password,
                Duration.ofSeconds(10)), new JamesWebAdmin(URI.create(cms.webAdminUrl())));
    }

    private static ObjectHeaders headers(ObjectHeaders.Direction direction) {
        return ObjectHeaders.of("sip:alice@store.test", List.of("sip:bob@store.test"), WHEN, CONVERSATION,
                "abcdef-1234").withInReplyTo("0123-4567").withDirection(direction);
    }

    private static StoredObject message(String key) {
        return MessageObject.compose(key, headers(null), "text/plain", "x".getBytes(StandardCharsets.UTF_8), null,
                null);
    }

    private ImapTestClient login(String user) throws Exception {
        ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort());
        assertTrue(imap.login(user, user.substring(0, user.indexOf('@')) + "-secret").ok(), user);
        return imap;
    }
}
