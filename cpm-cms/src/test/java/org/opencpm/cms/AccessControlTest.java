package org.opencpm.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.cms.testkit.ImapTestClient;

/**
 * A user reaches only their own folders (issue 6 item 5, OMA CPM SD 5.5.2: the store validates the authorization
 * of every request), shown with a real IMAP client against the store in its own JVM: Bob tries every way IMAP
 * offers to name, open, list, write or grant himself Alice's conversation folder. And what the ACL commands
 * (RFC 4314) do on one's own folders (SD 5.5.1.2 note 3: ACLs belong to folders), gaps included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

    private static final String DOMAIN = "acl.test";
    private static final String ALICE = "alice@" + DOMAIN;
    private static final String BOB = "bob@" + DOMAIN;
    private static final String ADMIN = "opencpm$admin@" + DOMAIN;
    private static final String FOLDER = "Default.secret";
    /** Alice's folder, named from outside her namespace (James' '.' hierarchy delimiter). */
    private static final String[] ALICE_FOLDER_FROM_OUTSIDE = {
        "#user." + ALICE + "." + FOLDER, "#user.alice." + FOLDER, "#shared." + FOLDER, "#private." + ALICE + "." + FOLDER,
        "#private.alice." + FOLDER, "#user/" + ALICE + "/" + FOLDER, "Other Users." + ALICE + "." + FOLDER,
    };

    @TempDir
    static Path data;

    private CmsProcess cms;

    @BeforeAll
    void start() throws Exception {
        cms = CmsProcess.onFreePorts(data, DOMAIN).property("opencpm.cms.admin.password", "admin-secret");
        cms.start();
        for (String user : new String[] {ALICE, BOB}) {
            assertEquals(204, cms.webAdmin("PUT", "/users/" + user + "?force",
                    "{\"password\":\"" + user.substring(0, user.indexOf('@')) + "-secret\"}").statusCode());
        }
        try (ImapTestClient alice = login(ALICE)) {
            assertTrue(alice.command("CREATE " + FOLDER).ok());
            assertTrue(alice.append(FOLDER, null, "From: tel:+15550100\r\nSubject: secret\r\n\r\nfor Alice only\r\n").ok());
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (cms != null) {
            cms.stop();
        }
    }

    @Test
    void bobCannotSelectExamineStatusOrWriteAlicesFolder() throws Exception {
        for (String name : ALICE_FOLDER_FROM_OUTSIDE) {
            String quoted = ImapTestClient.quote(name);
            for (String command : new String[] {"SELECT " + quoted, "EXAMINE " + quoted, "STATUS " + quoted
                    + " (MESSAGES)", "GETMETADATA " + quoted + " /private/comment", "DELETE " + quoted,
                    "RENAME " + quoted + " stolen", "SETACL " + quoted + " " + BOB + " lrswipkxte",
                    "GETACL " + quoted, "MYRIGHTS " + quoted}) {
                assertRefused(BOB, command);
            }
            assertAppendRefused(BOB, name);
        }
        // the same name in Bob's own namespace is Bob's (and does not exist)
        assertRefused(BOB, "SELECT " + FOLDER);
        try (ImapTestClient alice = login(ALICE)) {
            ImapTestClient.Response kept = alice.command("SELECT " + FOLDER);
            assertTrue(kept.untagged().contains("* 1 EXISTS"), "Alice's folder is untouched: " + kept);
        }
    }

    @Test
    void bobListsOnlyHisOwnFolders() throws Exception {
        for (String list : new String[] {"LIST \"\" \"*\"", "LIST \"\" \"%\"", "LIST \"#user\" \"*\"",
                "LIST \"\" \"#user.*\"", "LIST \"#private\" \"*\"", "LSUB \"\" \"*\"",
                "LIST (SUBSCRIBED) \"\" \"*\"", "LIST \"\" \"*\" RETURN (STATUS (MESSAGES))", "NAMESPACE"}) {
            try (ImapTestClient bob = login(BOB)) {
                ImapTestClient.Response r = bob.command(list);
                assertFalse(r.toString().contains("secret") || r.toString().contains("alice"), list + ": " + r);
            } catch (IOException closed) {
                // James 3.8 closes the connection on some references to other namespaces: nothing listed either
                assertTrue(closed.getMessage().contains("closed"), list + ": " + closed);
            }
        }
    }

    @Test
    void onlyTheAdministratorActsAsAnotherUserAndThenWithThatUsersRightsOnly() throws Exception {
        try (ImapTestClient bob = new ImapTestClient("127.0.0.1", cms.imapPort())) {
            assertFalse(bob.authenticatePlain(ALICE, BOB, "bob-secret").ok(), "Bob cannot log in as Alice");
        }
        try (ImapTestClient admin = new ImapTestClient("127.0.0.1", cms.imapPort())) {
            assertFalse(admin.authenticatePlain("nobody@" + DOMAIN, ADMIN, "admin-secret").ok(),
                    "not as a user who does not exist");
        }
        try (ImapTestClient adminAsBob = new ImapTestClient("127.0.0.1", cms.imapPort())) {
            assertTrue(adminAsBob.authenticatePlain(BOB, ADMIN, "admin-secret").ok());
            assertFalse(adminAsBob.command("LIST \"\" \"*\"").toString().contains("secret"));
        }
        assertRefused(ADMIN, "SELECT " + ImapTestClient.quote("#user." + ALICE + "." + FOLDER));
        try (ImapTestClient admin = login(ADMIN)) {
            assertFalse(admin.command("LIST \"\" \"*\"").toString().contains("secret"),
                    "as itself, the administrator has folders of its own only");
        }
    }

    @Test
    void aclCommandsOnOnesOwnFolderAnswerButJamesJpaKeepsNoGrant() throws Exception {
        try (ImapTestClient alice = login(ALICE)) {
            ImapTestClient.Response mine = alice.command("MYRIGHTS " + FOLDER);
            assertTrue(mine.ok() && mine.untagged().get(0).startsWith("* MYRIGHTS \"" + FOLDER + "\" "), mine.toString());
            ImapTestClient.Response rights = alice.command("LISTRIGHTS " + FOLDER + " " + BOB);
            assertTrue(rights.ok(), rights.toString());
            ImapTestClient.Response granted = alice.command("SETACL " + FOLDER + " " + BOB + " lr");
            assertTrue(granted.ok(), "SETACL answers OK: " + granted);
            ImapTestClient.Response acl = alice.command("GETACL " + FOLDER);
            assertTrue(acl.ok(), acl.toString());
            // the gap written down in docs/message-store.md: the JPA mailbox does not keep the grant
            assertFalse(acl.toString().contains(BOB), "James' JPA mailbox keeps no ACL: " + acl);
            assertTrue(alice.command("DELETEACL " + FOLDER + " " + BOB).ok());
        }
        // whatever the grant did, Bob still cannot open the folder
        assertRefused(BOB, "SELECT " + ImapTestClient.quote("#user." + ALICE + "." + FOLDER));
        assertRefused(BOB, "EXAMINE " + ImapTestClient.quote("#user." + ALICE + "." + FOLDER));
    }

    private ImapTestClient login(String user) throws IOException {
        ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort());
        String password = user.equals(ADMIN) ? "admin-secret" : user.substring(0, user.indexOf('@')) + "-secret";
        assertTrue(imap.login(user, password).ok(), user);
        return imap;
    }

    /**
     * {@code command} as {@code user} on a fresh connection does not succeed and shows nothing of the folder: a
     * NO or BAD, or (James 3.8 for some names of other users' folders) the connection closed.
     */
    private void assertRefused(String user, String command) throws IOException {
        try (ImapTestClient imap = login(user)) {
            ImapTestClient.Response r = imap.command(command);
            assertFalse(r.ok(), user + " " + command + ": " + r);
            assertFalse(r.toString().contains("EXISTS") || r.toString().contains("secret"), command + ": " + r);
        } catch (IOException closed) {
            assertTrue(closed.getMessage().contains("closed"), command + ": " + closed);
        }
    }

    private void assertAppendRefused(String user, String mailbox) throws IOException {
        try (ImapTestClient imap = login(user)) {
            assertFalse(imap.append(mailbox, null, "Subject: planted\r\n\r\nfrom Bob\r\n").ok(), "APPEND " + mailbox);
        } catch (IOException refusedOrClosed) {
            // the literal refused, or the connection closed: nothing was written either way
        }
        try (ImapTestClient alice = login(ALICE)) {
            ImapTestClient.Response r = alice.command("STATUS " + FOLDER + " (MESSAGES)");
            assertTrue(r.toString().contains("MESSAGES 1"), "nothing planted in Alice's folder: " + r);
        }
    }
}
