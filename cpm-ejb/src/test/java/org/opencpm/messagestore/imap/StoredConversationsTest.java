package org.opencpm.messagestore.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.cms.testkit.ImapTestClient;
import org.opencpm.messagestore.accounts.JamesWebAdmin;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.folders.FolderNames;
import org.opencpm.messagestore.objects.FileTransferHistoryObject;
import org.opencpm.messagestore.objects.GroupStateObject;
import org.opencpm.messagestore.objects.MessageObject;
import org.opencpm.messagestore.objects.ObjectHeaders;
import org.opencpm.messagestore.objects.SessionInfoObject;
import org.opencpm.messagestore.objects.StoredObject;

/**
 * The read side against the real message store (cpm-cms in its own JVM): objects stored with the writer into
 * Alice's CPM folders, folders a client made by hand beside them, then read back through the administrator acting
 * as Alice, a page at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredConversationsTest {

    private static final String DOMAIN = "browse.test";
    private static final String ALICE = "alice@" + DOMAIN;
    private static final String BOB = "bob@" + DOMAIN;
    private static final String ADMIN = "opencpm$admin@" + DOMAIN;
    private static final Instant WHEN = Instant.parse("2025-06-03T10:15:30Z");
    private static final String CONVERSATION = "f81d4fae-7dec-11d0-a765-00a0c91e6bf6";
    private static final String GROUP_SESSION = "abcdef-1234";
    private static final String ONE_TO_ONE_SESSION = "c0ffee-5678";
    private static final String WITH_BOB = "sip:bob@browse=2Etest";
    private static final String HOSTILE = "sip:j\u00fcrgen\r\n%*@browse.test";
    private static final String LONG_GROUP = "g".repeat(120);
    private static final String HELLO = "From: <sip:alice@browse.test>\r\nTo: <sip:bob@browse.test>\r\n"
            + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: m-1\r\n\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello Bob, gr\u00fc\u00df dich\r\n";
    private static final String IMDN = "From: <sip:bob@browse.test>\r\nTo: <sip:alice@browse.test>\r\n"
            + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: d-1\r\n\r\n"
            + "Content-Type: message/imdn+xml\r\n\r\n<imdn><message-id>m-1</message-id></imdn>\r\n";

    @TempDir
    static Path data;

    private CmsProcess cms;
    private MessageStoreWriter writer;
    private long helloUid;

    @BeforeAll
    void start() throws Exception {
        cms = CmsProcess.onFreePorts(data, DOMAIN).property("opencpm.cms.admin.password", "admin-secret");
        cms.start();
        for (String user : List.of(ALICE, BOB)) {
            assertEquals(204, cms.webAdmin("PUT", "/users/" + user + "?force",
                    "{\"password\":\"" + user.substring(0, user.indexOf('@')) + "-secret\"}").statusCode());
        }
        writer = new MessageStoreWriter(new MessageStoreImapSettings("127.0.0.1", cms.imapPort(), ADMIN,
                "admin-secret", Duration.ofSeconds(10)), new JamesWebAdmin(URI.create(cms.webAdminUrl())));

        CpmFolder withBob = CpmFolder.oneToOne("sip:bob@browse.test");
        CpmFolder group = CpmFolder.group(CONVERSATION);
        ObjectHeaders sent = headers().withSubject("Gr\u00fc\u00dfe").withDirection(ObjectHeaders.Direction.SENT);
        ObjectHeaders received = headers().withDirection(ObjectHeaders.Direction.RECEIVED);
        try (UserStore alice = writer.open(ALICE)) {
            helloUid = alice.store(withBob, MessageObject.compose("hello", sent, "message/cpim",
                    HELLO.getBytes(StandardCharsets.UTF_8), "m-1", null)).uid();
            alice.store(withBob, MessageObject.compose("long", received, "text/plain; charset=utf-8",
                    ("\u00e9".repeat(300) + "\r\n" + ("x".repeat(99) + "\r\n").repeat(30))
                            .getBytes(StandardCharsets.UTF_8), null, null));
            alice.store(withBob, MessageObject.compose("imdn", received, "message/cpim",
                    IMDN.getBytes(StandardCharsets.UTF_8), "d-1", null));
            alice.store(withBob.session(ONE_TO_ONE_SESSION), SessionInfoObject.compose("session:1-1", received,
                    SessionInfoObject.SessionType.ONE_TO_ONE, "v=0\r\n", List.of("sip:bob@browse.test")));
            alice.store(group, FileTransferHistoryObject.compose("ft", received,
                    FileTransferHistoryObject.TransferType.GROUP, List.of("sip:bob@browse.test"),
                    List.of(new FileTransferHistoryObject.TransferredFile("a=file-selector:name:\"a.png\"\r\n",
                            "image/png", new ByteArrayDataSource(new byte[] {1, 2, 3}, "image/png")))));
            alice.store(group.session(GROUP_SESSION), GroupStateObject.compose("state", received, WHEN,
                    "sip:focus@browse.test", GroupStateObject.GroupType.CLOSED,
                    List.of(new GroupStateObject.Participant("Bob", "sip:bob@browse.test"))));
            alice.store(CpmFolder.oneToOne(HOSTILE), message("hostile"));
            alice.store(CpmFolder.group(LONG_GROUP), message("long-group"));
        }
        try (ImapTestClient imap = login(ALICE)) {
            assertTrue(imap.command("SELECT \"Default." + WITH_BOB + "\"").ok());
            assertTrue(imap.command("UID STORE " + helloUid + " +FLAGS (\\Seen " + UserStore.TEMPORARY + ")").ok());
            // folders no PF writes, beside the CPM ones
            for (String foreign : List.of("Default.not=2ecanonical", "Default.Notes", "Default.Notes.a.b", "Other",
                    "Default.two words")) {
                assertTrue(imap.command("CREATE " + ImapTestClient.quote(foreign)).ok(), foreign);
            }
            assertTrue(imap.append("Default.Notes", "\\Seen", "Subject: =?UTF-8?Q?evil=0D=0AX-Injected:_1?=\r\n"
                    + "Date: not a date\r\nConversation-ID: " + "c".repeat(5000) + "\r\nContent-Type: text/plain\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n").ok());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (cms != null) {
            cms.stop();
        }
    }

    @Test
    void theCpmFoldersAreListedWithTheirIdentifiersKindsAndCounts() throws Exception {
        StoredPage<ConversationFolder> page;
        try (UserStore alice = writer.open(ALICE)) {
            page = new StoredConversations(alice).folders(0, 100);
        }
        String hostile = FolderNames.of(HOSTILE);
        assertEquals(List.of("Notes", "Notes.a", CONVERSATION, CONVERSATION + "." + GROUP_SESSION,
                        FolderNames.of(LONG_GROUP), WITH_BOB, WITH_BOB + "." + ONE_TO_ONE_SESSION, hostile),
                page.items().stream().map(f -> f.path().toString()).toList(),
                "ordered by name, sessions after their conversation; names the PF does not write and a third level "
                        + "left out");
        assertEquals(8, page.total());
        Map<String, ConversationFolder> byPath = page.items().stream()
                .collect(Collectors.toMap(f -> f.path().toString(), Function.identity()));

        ConversationFolder bob = byPath.get(WITH_BOB);
        assertEquals("Default." + WITH_BOB, bob.mailbox());
        assertEquals(Optional.of("sip:bob@browse.test"), bob.path().identifier());
        assertEquals(FolderPath.Kind.ONE_TO_ONE, bob.path().kind());
        assertEquals(3, bob.objects());
        assertEquals(2, bob.unseen(), "the first message was marked \\Seen");

        ConversationFolder session = byPath.get(WITH_BOB + "." + ONE_TO_ONE_SESSION);
        assertEquals(FolderPath.Kind.SESSION, session.path().kind());
        assertEquals(Optional.of(ONE_TO_ONE_SESSION), session.path().identifier());
        assertEquals("Default." + WITH_BOB + "." + ONE_TO_ONE_SESSION, session.mailbox());
        assertEquals(1, session.objects());

        ConversationFolder group = byPath.get(CONVERSATION);
        assertEquals(FolderPath.Kind.GROUP, group.path().kind());
        assertEquals(Optional.of(CONVERSATION), group.path().identifier());
        assertEquals(FolderPath.Kind.SESSION, byPath.get(CONVERSATION + "." + GROUP_SESSION).path().kind());

        assertEquals(Optional.of(HOSTILE), byPath.get(hostile).path().identifier(), "escapes decoded");
        assertEquals(FolderPath.Kind.ONE_TO_ONE, byPath.get(hostile).path().kind());
        ConversationFolder shortened = byPath.get(FolderNames.of(LONG_GROUP));
        assertEquals(Optional.empty(), shortened.path().identifier(), "a hash has no identifier");
        assertEquals(FolderPath.Kind.GROUP, shortened.path().kind());
        assertEquals(1, shortened.objects());
        assertEquals(0, byPath.get("Notes").unseen());
    }

    @Test
    void foldersComeAPageAtATime() throws Exception {
        try (UserStore alice = writer.open(ALICE)) {
            StoredConversations conversations = new StoredConversations(alice);
            StoredPage<ConversationFolder> second = conversations.folders(2, 3);
            assertEquals(8, second.total());
            assertEquals(List.of(CONVERSATION, CONVERSATION + "." + GROUP_SESSION, FolderNames.of(LONG_GROUP)),
                    second.items().stream().map(f -> f.path().toString()).toList());
            assertEquals(2, conversations.folders(6, 3).items().size());
            StoredPage<ConversationFolder> beyond = conversations.folders(8, 3);
            assertEquals(List.of(), beyond.items());
            assertEquals(8, beyond.total());
        }
        try (UserStore bob = writer.open(BOB)) {
            StoredPage<ConversationFolder> none = new StoredConversations(bob).folders(0, 10);
            assertEquals(0, none.total(), "Bob has stored nothing, and sees nothing of Alice's");
        }
    }

    @Test
    void aFoldersObjectsComeNewestFirstWithTheirCpmHeaders() throws Exception {
        StoredPage<StoredItem> page;
        try (UserStore alice = writer.open(ALICE)) {
            page = new StoredConversations(alice).items(FolderPath.parse(WITH_BOB), 0, 10).orElseThrow();
        }
        assertEquals(3, page.total());
        List<StoredItem> items = page.items();
        assertEquals(3, items.size());
        assertTrue(items.get(0).uid() > items.get(1).uid() && items.get(1).uid() > items.get(2).uid(), "newest first");

        StoredItem imdn = items.get(0);
        assertEquals("d-1", imdn.imdnMessageId());
        assertNull(imdn.excerpt(), "a notification has no text to show");
        assertEquals(List.of(), imdn.flags());

        StoredItem longText = items.get(1);
        assertTrue(longText.excerpt().truncated());
        assertEquals("\u00e9".repeat(300) + "\n" + "x".repeat(99) + "\n" + "x".repeat(99), longText.excerpt().text());
        assertTrue(longText.size() > 3600, "the whole object's size: " + longText.size());

        StoredItem hello = items.get(2);
        assertEquals(helloUid, hello.uid());
        assertTrue(hello.messageId().matches("<[0-9a-f]{32}@opencpm>"), hello.messageId());
        assertEquals("message/cpim", hello.contentType());
        assertEquals("sip:alice@browse.test", hello.from());
        assertEquals("sip:bob@browse.test", hello.to());
        assertEquals(WHEN, hello.date());
        assertEquals("Gr\u00fc\u00dfe", hello.subject(), "RFC 2047 decoded");
        assertEquals(CONVERSATION, hello.conversationId());
        assertEquals("contribution-1", hello.contributionId());
        assertEquals("reply-to-0", hello.inReplyToContributionId());
        assertEquals("m-1", hello.imdnMessageId());
        assertEquals("sent", hello.direction());
        assertEquals(List.of("\\Seen", UserStore.TEMPORARY), hello.flags(), "a handed-over object's keyword too");
        assertEquals(new StoredItem.Excerpt("Hello Bob, gr\u00fc\u00df dich", false), hello.excerpt(),
                "the text inside the CPIM");
    }

    @Test
    void objectsComeAPageAtATime() throws Exception {
        try (UserStore alice = writer.open(ALICE)) {
            StoredConversations conversations = new StoredConversations(alice);
            FolderPath withBob = FolderPath.parse(WITH_BOB);
            List<StoredItem> all = conversations.items(withBob, 0, 3).orElseThrow().items();
            StoredPage<StoredItem> first = conversations.items(withBob, 0, 2).orElseThrow();
            StoredPage<StoredItem> second = conversations.items(withBob, 2, 2).orElseThrow();
            assertEquals(all.subList(0, 2), first.items());
            assertEquals(all.subList(2, 3), second.items());
            assertEquals(3, second.total());
            assertEquals(all.subList(1, 2), conversations.items(withBob, 1, 1).orElseThrow().items());
            StoredPage<StoredItem> beyond = conversations.items(withBob, 3, 2).orElseThrow();
            assertEquals(List.of(), beyond.items());
            assertEquals(3, beyond.total());
            assertThrows(IllegalArgumentException.class, () -> conversations.items(withBob, -1, 2));
            assertThrows(IllegalArgumentException.class, () -> conversations.items(withBob, 0, 0));
            assertThrows(IllegalArgumentException.class,
                    () -> conversations.folders(0, StoredConversations.MAX_PAGE_SIZE + 1));
        }
    }

    @Test
    void sessionFoldersHoldTheirObjects() throws Exception {
        try (UserStore alice = writer.open(ALICE)) {
            StoredConversations conversations = new StoredConversations(alice);
            StoredItem sessionInfo = conversations.items(FolderPath.parse(WITH_BOB + "." + ONE_TO_ONE_SESSION), 0, 10)
                    .orElseThrow().items().get(0);
            assertTrue(sessionInfo.contentType().startsWith("multipart/related"), sessionInfo.contentType());
            assertNull(sessionInfo.excerpt());
            StoredItem state = conversations.items(FolderPath.parse(CONVERSATION + "." + GROUP_SESSION), 0, 10)
                    .orElseThrow().items().get(0);
            assertTrue(state.contentType().startsWith("application/group-state-object+xml"), state.contentType());
            assertEquals("received", state.direction());
        }
    }

    @Test
    void whatTheStoreHoldsIsShownBounded() throws Exception {
        StoredItem odd;
        try (UserStore alice = writer.open(ALICE)) {
            odd = new StoredConversations(alice).items(FolderPath.parse("Notes"), 0, 10).orElseThrow().items().get(0);
        }
        assertEquals("evil  X-Injected: 1", odd.subject(), "a decoded CR LF is no line break");
        assertNull(odd.date(), "not a date");
        assertEquals(StoredConversations.MAX_VALUE_LENGTH, odd.conversationId().length());
        assertNull(odd.excerpt(), "base64 is not decoded for a glance");
        assertNull(odd.messageId());
        assertEquals(List.of("\\Seen"), odd.flags());
    }

    @Test
    void unknownFoldersAreEmptyAndReadingMarksNothingSeen() throws Exception {
        try (UserStore alice = writer.open(ALICE)) {
            StoredConversations conversations = new StoredConversations(alice);
            assertEquals(Optional.empty(), conversations.items(FolderPath.parse("sip:nobody@browse=2Etest"), 0, 10));
            assertEquals(Optional.empty(), conversations.items(FolderPath.parse(WITH_BOB + ".nosession"), 0, 10));
            conversations.items(FolderPath.parse(WITH_BOB), 0, 10);
        }
        try (UserStore bob = writer.open(BOB)) {
            assertEquals(Optional.empty(), new StoredConversations(bob).items(FolderPath.parse(WITH_BOB), 0, 10),
                    "Alice's folder is not Bob's");
        }
        try (ImapTestClient imap = login(ALICE)) {
            String status = imap.command("STATUS \"Default." + WITH_BOB + "\" (UNSEEN)").toString();
            assertTrue(status.contains("UNSEEN 2"), status);
        }
    }

    private static ObjectHeaders headers() {
        return ObjectHeaders.of("sip:alice@browse.test", List.of("sip:bob@browse.test"), WHEN, CONVERSATION,
                "contribution-1").withInReplyTo("reply-to-0");
    }

    private static StoredObject message(String key) {
        return MessageObject.compose(key, headers(), "text/plain", "x".getBytes(StandardCharsets.UTF_8), null, null);
    }

    private ImapTestClient login(String user) throws Exception {
        ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort());
        assertTrue(imap.login(user, user.substring(0, user.indexOf('@')) + "-secret").ok(), user);
        return imap;
    }
}
