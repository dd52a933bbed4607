package org.opencpm.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencpm.cms.testkit.ImapTestClient;

/**
 * What a user sees in their message store over IMAP, read as the user with their SIP password: the objects of a
 * folder with their header fields and flags. Folder names as the folder model writes them (docs/message-store.md):
 * below {@code Default}, with {@code .} escaped as {@code =2E}.
 */
final class StoredItems {

    private static final Pattern FLAGS = Pattern.compile("FLAGS \\(([^)]*)\\)");

    /** One stored object: its header fields (names lower case, first value) and flags. */
    record Item(Map<String, String> headers, List<String> flags) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private StoredItems() {
    }

    /** The mailbox of a conversation or session folder named after these identifiers, below {@code Default}. */
    static String mailbox(String... identifiers) {
        StringBuilder b = new StringBuilder("Default");
        for (String id : identifiers) {
            b.append('.').append(id.replace("=", "=3D").replace(".", "=2E").replace("/", "=2F"));
        }
        return b.toString();
    }

    /** The objects of {@code mailbox} in UID order; empty when the folder does not exist. */
    static List<Item> read(int imapPort, String login, String password, String mailbox) throws IOException {
        try (ImapTestClient imap = new ImapTestClient("127.0.0.1", imapPort)) {
            if (!imap.login(login, password).ok()) {
                throw new AssertionError(login + " cannot log in to the store");
            }
            if (!imap.command("EXAMINE " + ImapTestClient.quote(mailbox)).ok()) {
                return List.of();
            }
            ImapTestClient.Response fetched = imap.command("UID FETCH 1:* (FLAGS BODY.PEEK[HEADER])");
            List<Item> items = new ArrayList<>();
            for (String line : fetched.untagged()) {
                if (!line.startsWith("* ") || !line.contains(" FETCH (")) {
                    continue;
                }
                Matcher flags = FLAGS.matcher(line);
                List<String> flagList = flags.find() && !flags.group(1).isBlank()
                        ? List.of(flags.group(1).trim().split(" ")) : List.of();
                int start = line.indexOf("\r\n");
                items.add(new Item(headers(start < 0 ? "" : line.substring(start + 2)), flagList));
            }
            return items;
        }
    }

    /**
     * Whether {@code login} may open {@code mailbox} at all. James 3.8 answers a name in another user's namespace by
     * closing the connection (docs/message-store.md, "Access control"): that is a refusal too.
     */
    static boolean canSelect(int imapPort, String login, String password, String mailbox) throws IOException {
        ImapTestClient imap = new ImapTestClient("127.0.0.1", imapPort);
        try {
            if (!imap.login(login, password).ok()) {
                throw new AssertionError(login + " cannot log in to the store");
            }
            return imap.command("SELECT " + ImapTestClient.quote(mailbox)).ok();
        } catch (IOException closedByTheServer) {
            return false;
        } finally {
            imap.close();
        }
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        String unfolded = block.replaceAll("\r\n[ \t]+", " ");
        for (String line : unfolded.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }
}
