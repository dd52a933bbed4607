package org.opencpm.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.cms.testkit.ImapTestClient;

/**
 * The assembled store in its own JVM, as run.sh starts it, on free ports and a fresh data directory (H2 file
 * database): users provisioned over WebAdmin, messages appended over real IMAP, the IMAP extensions CPM relies on,
 * and what survives a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CmsStoreTest {

    private static final String DOMAIN = "cms.test";
    private static final String ALICE = "alice@" + DOMAIN;
    private static final String ADMIN = "opencpm$admin@" + DOMAIN;
    private static final String DEFAULT_FOLDER_LOCATION = "/shared/vendor/oma/cpm/DefaultFolderLocation";
    private static final String MESSAGE = "From: bob@cms.test\r\nTo: alice@cms.test\r\nSubject: kept\r\n"
            + "Conversation-ID: f81d4fae-7dec-11d0-a765-00a0c91e6bf6\r\nContent-Type: text/plain\r\n\r\nHello Alice\r\n";

    @TempDir
    static Path data;

    private CmsProcess cms;

    @BeforeAll
    void start() throws Exception {
        cms = CmsProcess.onFreePorts(data, DOMAIN).property("opencpm.cms.admin.password", "admin-secret")
                .property("opencpm.cms.default.folder", "CPM.Default");
        cms.start();
        assertEquals(204, cms.webAdmin("PUT", "/users/" + ALICE + "?force", "{\"password\":\"alice-secret\"}")
                .statusCode());
    }

    @AfterAll
    void stop() throws Exception {
        if (cms != null) {
            cms.stop();
        }
    }

    @Test
    @Order(1)
    void advertisesTheImapExtensionsCpmUses() throws Exception {
        try (ImapTestClient imap = imap()) {
            ImapTestClient.Response before = imap.command("CAPABILITY");
            assertTrue(before.ok(), before.toString());
            List<String> capabilities = List.of(before.untagged().get(0).split(" "));
            for (String expected : List.of("IMAP4REV1", "IDLE", "CONDSTORE", "QRESYNC", "METADATA", "ACL", "UIDPLUS",
                    "MOVE", "AUTH=PLAIN")) {
                assertTrue(capabilities.contains(expected), expected + " in " + capabilities);
            }
            assertFalse(imap.login(ALICE, "wrong-password").ok(), "a wrong password is refused");
            assertTrue(imap.login(ALICE, "alice-secret").ok());
            ImapTestClient.Response condstore = imap.command("SELECT INBOX (CONDSTORE)");
            assertTrue(condstore.ok() && condstore.toString().contains("HIGHESTMODSEQ"), condstore.toString());
        }
    }

    @Test
    @Order(2)
    void theDefaultFolderLocationIsAServerAnnotationEveryUserReads() throws Exception {
        try (ImapTestClient imap = imap()) {
            assertFalse(imap.command("GETMETADATA \"\" " + DEFAULT_FOLDER_LOCATION).ok(), "not before login");
            assertTrue(imap.login(ALICE, "alice-secret").ok());
            ImapTestClient.Response location = imap.command("GETMETADATA \"\" " + DEFAULT_FOLDER_LOCATION);
            assertTrue(location.ok(), location.toString());
            // James writes entry names lower-case, as for its mailbox annotations
            assertEquals(List.of("* METADATA \"\" (/shared/vendor/oma/cpm/defaultfolderlocation \"CPM.Default\")"),
                    location.untagged());
            ImapTestClient.Response below = imap.command("GETMETADATA \"\" (DEPTH infinity) /shared/vendor/oma/cpm");
            assertTrue(below.toString().contains("\"CPM.Default\""), below.toString());
            ImapTestClient.Response tooBig = imap.command("GETMETADATA \"\" (MAXSIZE 4) " + DEFAULT_FOLDER_LOCATION);
            assertTrue(tooBig.untagged().isEmpty() && tooBig.completion().contains("[METADATA LONGENTRIES 11]"),
                    tooBig.toString());
            assertTrue(imap.command("GETMETADATA \"\" /shared/comment").untagged().isEmpty(), "no such entry");
            assertFalse(imap.command("SETMETADATA \"\" (/shared/comment \"mine\")").ok(), "users do not set them");
            ImapTestClient.Response mailbox = imap.command("GETMETADATA INBOX /shared/comment");
            assertTrue(mailbox.ok(), "mailbox METADATA is still James': " + mailbox);
        }
    }

    @Test
    @Order(3)
    void theAdministratorSetsServerAnnotationsAndActsAsAUser() throws Exception {
        try (ImapTestClient admin = imap()) {
            assertTrue(admin.login(ADMIN, "admin-secret").ok(), "provisioned at start");
            assertTrue(admin.command("SETMETADATA \"\" (/shared/comment \"OpenCPM store\")").ok());
            assertFalse(admin.command("SETMETADATA \"\" (/private/comment \"x\")").ok(), "only /shared is kept");
            assertFalse(admin.command("SETMETADATA \"\" (/shared/comment \"" + "x".repeat(1025) + "\")").ok(),
                    "values are bounded");
            assertTrue(admin.command("SETMETADATA \"\" (/shared/vendor/oma/cpm/gone \"1\")").ok());
            assertTrue(admin.command("SETMETADATA \"\" (/shared/vendor/oma/cpm/gone NIL)").ok());
            ImapTestClient.Response all = admin.command("GETMETADATA \"\" (DEPTH 1) (/shared/comment /shared/vendor/oma/cpm)");
            assertTrue(all.toString().contains("/shared/comment \"OpenCPM store\""), all.toString());
            assertFalse(all.toString().contains("gone"), all.toString());
        }
        try (ImapTestClient asAlice = imap()) {
            assertTrue(asAlice.authenticatePlain(ALICE, ADMIN, "admin-secret").ok(), "the administrator acts as Alice");
            assertTrue(asAlice.command("CREATE CPM.Default").ok());
            assertFalse(asAlice.command("SETMETADATA \"\" (/shared/comment \"as alice\")").ok(),
                    "acting as a user, the administrator has that user's rights");
        }
        try (ImapTestClient alice = imap()) {
            assertTrue(alice.login(ALICE, "alice-secret").ok());
            ImapTestClient.Response list = alice.command("LIST \"\" \"CPM*\"");
            assertTrue(list.toString().contains("CPM.Default"), "created in Alice's folders: " + list);
        }
    }

    @Test
    @Order(4)
    void idleTellsOfMessagesAppendedBySomeoneElse() throws Exception {
        try (ImapTestClient watcher = imap(); ImapTestClient writer = imap()) {
            assertTrue(watcher.login(ALICE, "alice-secret").ok());
            assertTrue(writer.login(ALICE, "alice-secret").ok());
            assertTrue(watcher.command("CREATE Watched").ok());
            assertTrue(watcher.command("SELECT Watched").ok());
            String idle = watcher.idle();
            assertTrue(writer.append("Watched", null, MESSAGE).ok());
            String pushed = watcher.readIdleLine(10_000);
            assertTrue(pushed.matches("\\* \\d+ (EXISTS|RECENT)"), pushed);
            assertTrue(watcher.done(idle).ok());
        }
    }

    @Test
    @Order(5)
    void messagesFoldersAndAnnotationsSurviveARestart() throws Exception {
        try (ImapTestClient imap = imap()) {
            assertTrue(imap.login(ALICE, "alice-secret").ok());
            ImapTestClient.Response appended = imap.append("INBOX", "\\Seen", MESSAGE);
            assertTrue(appended.ok() && appended.completion().contains("APPENDUID"), appended.toString());
            assertTrue(imap.command("CREATE \"Conversations\"").ok());
            assertTrue(imap.command("SETMETADATA Conversations (/private/vendor/cpm/kind \"history\")").ok());
            assertTrue(imap.command("SELECT INBOX").ok());
            assertTrue(imap.append("INBOX", null, MESSAGE.replace("kept", "moved")).ok());
            ImapTestClient.Response moved = imap.command("UID MOVE 2 Conversations");
            assertTrue(moved.ok() && moved.completion().contains("COPYUID"), moved.toString());
        }

        cms.stop();
        cms.start();

        try (ImapTestClient imap = imap()) {
            assertTrue(imap.login(ALICE, "alice-secret").ok(), "the user is still there");
            ImapTestClient.Response inbox = imap.command("SELECT INBOX");
            assertTrue(inbox.untagged().contains("* 1 EXISTS"), inbox.toString());
            ImapTestClient.Response fetched = imap.command("UID FETCH 1 (FLAGS BODY.PEEK[])");
            assertTrue(fetched.toString().contains("Subject: kept"), fetched.toString());
            assertTrue(fetched.toString().contains("Conversation-ID: f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));
            assertTrue(fetched.toString().contains("\\Seen"), fetched.toString());
            ImapTestClient.Response folder = imap.command("SELECT Conversations");
            assertTrue(folder.untagged().contains("* 1 EXISTS"), folder.toString());
            ImapTestClient.Response metadata = imap.command("GETMETADATA Conversations /private/vendor/cpm/kind");
            assertTrue(metadata.toString().contains("\"history\""), metadata.toString());
            ImapTestClient.Response server = imap.command("GETMETADATA \"\" (DEPTH 1) (/shared/comment /shared/vendor/oma/cpm)");
            assertTrue(server.toString().contains("/shared/comment \"OpenCPM store\"")
                    && server.toString().contains("\"CPM.Default\""), "server annotations are kept: " + server);
        }
    }

    @Test
    @Order(6)
    void aRemovedUserCanNoLongerLogIn() throws Exception {
        String carol = "carol@" + DOMAIN;
        assertEquals(204, cms.webAdmin("PUT", "/users/" + carol + "?force", "{\"password\":\"carol-secret\"}")
                .statusCode());
        assertEquals(200, cms.webAdmin("HEAD", "/users/" + carol, null).statusCode());
        try (ImapTestClient imap = imap()) {
            assertTrue(imap.login(carol, "carol-secret").ok());
            assertTrue(imap.append("INBOX", null, MESSAGE).ok());
        }
        assertEquals(204, cms.webAdmin("DELETE", "/users/" + carol + "/mailboxes", null).statusCode());
        assertEquals(204, cms.webAdmin("DELETE", "/users/" + carol, null).statusCode());
        assertEquals(404, cms.webAdmin("HEAD", "/users/" + carol, null).statusCode());
        try (ImapTestClient imap = imap()) {
            assertFalse(imap.login(carol, "carol-secret").ok());
        }
    }

    private ImapTestClient imap() throws Exception {
        return new ImapTestClient("127.0.0.1", cms.imapPort());
    }
}
