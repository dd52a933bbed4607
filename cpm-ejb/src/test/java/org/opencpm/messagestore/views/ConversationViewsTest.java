package org.opencpm.messagestore.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencpm.messagestore.MessageStoreAccess;
import org.opencpm.messagestore.accounts.MessageStoreSettings;
import org.opencpm.messagestore.imap.MessageStoreImapSettings;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAccountService;
import org.opencpm.user.UserAccountSummary;
import org.opencpm.user.UserNotFoundException;

/**
 * The checks before the store is read, and how a store that cannot be read is told; reading itself is
 * StoredConversationsTest's and ConversationsApiIT's.
 */
class ConversationViewsTest {

    private static final String ALICE = "alice@opencpm.test";

    private static ConversationViews views(boolean enabled, String adminPassword, int port) {
        ConversationViews views = new ConversationViews();
        views.users = new OnlyAlice();
        views.homeDomain = new HomeDomain();
        views.access = new MessageStoreAccess(new MessageStoreSettings(enabled,
                URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(15)),
                new MessageStoreImapSettings("127.0.0.1", port, "opencpm$admin@opencpm.test", adminPassword,
                        Duration.ofSeconds(2)));
        return views;
    }

    private static ConversationViews views() {
        return views(true, "secret", 1);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        ConversationViews views = views();
        String[][] cases = {{"alice@elsewhere.test", "0", "10", "a", "address"}, {ALICE, "-1", "10", "a", "offset"},
                {ALICE, "0", "0", "a", "limit"}, {ALICE, "0", "101", "a", "limit"}, {ALICE, "0", "10", "a.b.c", "folder"},
                {ALICE, "0", "10", "", "folder"}, {ALICE, "0", "10", "a=2e", "folder"}, {ALICE, "0", "10", "..", "folder"},
                {ALICE, "0", "10", "a/b", "folder"}, {ALICE, "0", "10", null, "folder"},
                {"nobody@opencpm.test", "0", "10", "a b", "folder"}};
        for (String[] c : cases) {
            InvalidUserException e = assertThrows(InvalidUserException.class, () -> views.items(c[0], c[3],
                    Integer.parseInt(c[1]), Integer.parseInt(c[2])), c[0] + " " + c[3]);
            assertEquals(c[4], e.field());
        }
        assertEquals("limit", assertThrows(InvalidUserException.class,
                () -> views.conversations(ALICE, 0, ConversationViews.MAX_PAGE_SIZE + 1)).field());
        assertEquals("address", assertThrows(InvalidUserException.class,
                () -> views.conversations("sip:", 0, 10)).field());
    }

    @Test
    void anUnknownUserIsNotFoundBeforeTheStoreIsAsked() {
        ConversationViews views = views(false, "", 1);
        assertThrows(UserNotFoundException.class, () -> views.conversations("nobody@opencpm.test", 0, 10));
        assertThrows(UserNotFoundException.class, () -> views.items("sip:nobody@opencpm.test", "a", 0, 10));
    }

    @Test
    void aStoreThatCannotBeReadIsUnavailable() throws Exception {
        assertTrue(assertThrows(MessageStoreUnavailableException.class,
                () -> views(false, "secret", 1).conversations(ALICE, 0, 10)).getMessage().contains("enabled=false"));
        assertTrue(assertThrows(MessageStoreUnavailableException.class,
                () -> views(true, "", 1).items(ALICE, "a", 0, 10)).getMessage().contains("administrator password"));
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        ConversationViews nothingThere = views(true, "secret", closed);
        assertThrows(MessageStoreUnavailableException.class, () -> nothingThere.conversations(ALICE, 0, 10));
        assertThrows(MessageStoreUnavailableException.class, () -> nothingThere.items(ALICE, "a", 0, 10));
    }

    private static final class OnlyAlice extends UserAccountService {

        @Override
        public UserAccountSummary get(String address) {
            if (!address.equals("sip:" + ALICE)) {
                throw new UserNotFoundException(address);
            }
            Instant created = Instant.parse("2026-01-01T00:00:00Z");
            return new UserAccountSummary(address, created, created);
        }
    }
}
