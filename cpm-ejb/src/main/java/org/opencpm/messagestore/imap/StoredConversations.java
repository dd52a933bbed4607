package org.opencpm.messagestore.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * Reads a user's CPM folders for a view of the store (an administrator's, over REST), through a {@link UserStore}:
 * the conversation and session folders below the default folder with their counts, and a folder's objects a page
 * at a time, newest first. Nothing is changed: folders are opened with {@code EXAMINE} and bodies read with
 * {@code BODY.PEEK}, so no object becomes {@code \Seen}.
 * <p>
 * The store's traffic stays proportional to a page: the folders are listed by name ({@code LIST}, two levels),
 * counted with {@code STATUS} for the folders of the page only; objects are fetched for the page only (UID, flags,
 * size and the CPM headers in one {@code FETCH}), and the first {@value Excerpts#MAX_OCTETS} octets of text bodies
 * for their excerpt. What the store answers is not trusted either: a folder whose names the PF does not write is
 * left out, at most {@value #MAX_FOLDERS} folders are looked at, header values and flags are bounded.
 */
public final class StoredConversations {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The most folders looked at for a list: a user with more sees these only. */
    public static final int MAX_FOLDERS = 10_000;
    /** The longest header value returned. */
    public static final int MAX_VALUE_LENGTH = 1000;
    /** The most keywords returned for an object. */
    public static final int MAX_KEYWORDS = 32;

    private static final String[] HEADERS = {"Message-ID", "Content-Type", "Content-Transfer-Encoding", "From", "To",
            "Date", "Subject", "Conversation-ID", "Contribution-ID", "InReplyTo-Contribution-ID", "IMDN-Message-ID",
            "Message-Direction"};
    /** An IMAP atom (RFC 3501) of reasonable length: what a keyword is. */
    private static final Pattern KEYWORD = Pattern.compile("[\\x21-\\x7E&&[^(){ %*\"\\\\\\]]]{1,64}");
    private static final Map<Flags.Flag, String> SYSTEM_FLAGS = systemFlags();

    private final UserStore store;

    public StoredConversations(UserStore store) {
        this.store = store;
    }

    /**
     * The CPM folders below the default folder, ordered by name with each conversation folder followed by its
     * session folders, and the counts of this page's.
     *
     * @throws IllegalArgumentException for an offset below 0 or a limit outside 1..{@value #MAX_PAGE_SIZE}
     */
    public StoredPage<ConversationFolder> folders(int offset, int limit) throws MessageStoreException {
        checkPage(offset, limit);
        try {
            IMAPFolder root = (IMAPFolder) store.imap().getDefaultFolder();
            char delimiter = root.getSeparator();
            TreeMap<FolderPath, Boolean> all = list(root, delimiter);
            List<ConversationFolder> page = new ArrayList<>();
            for (Map.Entry<FolderPath, Boolean> folder : all.entrySet().stream().skip(offset).limit(limit).toList()) {
                String mailbox = folder.getKey().mailbox(store.defaultFolder(), delimiter);
                // a folder that cannot be opened (\Noselect) has nothing to count
                Status status = folder.getValue()
                        ? (Status) root.doCommand(p -> p.status(mailbox, new String[] {"MESSAGES", "UNSEEN"}))
                        : null;
                page.add(new ConversationFolder(folder.getKey(), mailbox, status == null ? 0 : Math.max(0, status.total),
                        status == null ? 0 : Math.max(0, status.unseen)));
            }
            return new StoredPage<>(page, all.size());
        } catch (MessagingException e) {
            throw new MessageStoreException("listing " + store.user() + "'s folders failed: " + e.getMessage(), e);
        }
    }

    /**
     * A page of the objects in {@code folder}, newest first (in the order the store received them: highest UID
     * first), or empty when the user has no such folder.
     *
     * @throws IllegalArgumentException for an offset below 0 or a limit outside 1..{@value #MAX_PAGE_SIZE}
     */
    public Optional<StoredPage<StoredItem>> items(FolderPath folder, int offset, int limit)
            throws MessageStoreException {
        checkPage(offset, limit);
        String mailbox = folder.toString();
        try {
            mailbox = folder.mailbox(store.defaultFolder(), store.imap().getDefaultFolder().getSeparator());
            IMAPFolder target = (IMAPFolder) store.imap().getFolder(mailbox);
            if (!target.exists()) {
                return Optional.empty();
            }
            try {
                target.open(Folder.READ_ONLY);
            } catch (FolderNotFoundException e) {
                return Optional.empty();
            }
            try {
                return Optional.of(page(target, offset, limit));
            } finally {
                target.close(false);
            }
        } catch (MessagingException e) {
            throw new MessageStoreException("reading " + store.user() + "'s " + mailbox + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The CPM folders of the two levels below the default folder, and whether each can be opened. */
    private TreeMap<FolderPath, Boolean> list(IMAPFolder root, char delimiter) throws MessagingException {
        String base = store.defaultFolder() + delimiter;
        TreeMap<FolderPath, Boolean> found = new TreeMap<>();
        for (String pattern : List.of("%", "%" + delimiter + "%")) {
            ListInfo[] listed = (ListInfo[]) root.doCommand(p -> p.list("", base + pattern));
            for (ListInfo info : listed == null ? new ListInfo[0] : listed) {
                if (found.size() >= MAX_FOLDERS) {
                    break;
                }
                if (info.name != null && info.name.startsWith(base)) {
                    Optional<FolderPath> path = path(info.name.substring(base.length()), delimiter);
                    if (path.isPresent()) {
                        found.put(path.get(), info.canOpen);
                    }
                }
            }
        }
        return found;
    }

    /** The folder a mailbox name below the default folder is, if the PF could have made it. */
    private static Optional<FolderPath> path(String belowDefault, char delimiter) {
        int split = belowDefault.indexOf(delimiter);
        try {
            return Optional.of(new FolderPath(split < 0 ? List.of(belowDefault)
                    : List.of(belowDefault.substring(0, split), belowDefault.substring(split + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static StoredPage<StoredItem> page(IMAPFolder folder, int offset, int limit) throws MessagingException {
        int count = folder.getMessageCount();
        if (offset >= count) {
            return new StoredPage<>(List.of(), Math.max(0, count));
        }
        // message numbers follow the UIDs: the newest is the highest
        int newest = count - offset;
        Message[] messages = folder.getMessages(Math.max(1, newest - limit + 1), newest);
        folder.fetch(messages, profile());
        List<StoredItem> items = new ArrayList<>(messages.length);
        for (int i = messages.length - 1; i >= 0; i--) {
            IMAPMessage message = (IMAPMessage) messages[i];
            if (!message.isExpunged()) {
                items.add(item(folder, message));
            }
        }
        return new StoredPage<>(items, count);
    }

    private static FetchProfile profile() {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        for (String header : HEADERS) {
            profile.add(header);
        }
        return profile;
    }

    private static StoredItem item(IMAPFolder folder, IMAPMessage message) throws MessagingException {
        String contentType = header(message, "Content-Type");
        String transferEncoding = header(message, "Content-Transfer-Encoding");
        StoredItem.Excerpt excerpt = null;
        if (Excerpts.wanted(contentType, transferEncoding)) {
            excerpt = Excerpts.of(contentType, transferEncoding, start(folder, message.getMessageNumber()));
        }
        return new StoredItem(folder.getUID(message), header(message, "Message-ID"), contentType,
                header(message, "From"), header(message, "To"), date(header(message, "Date")),
                header(message, "Subject"), header(message, "Conversation-ID"), header(message, "Contribution-ID"),
                header(message, "InReplyTo-Contribution-ID"), header(message, "IMDN-Message-ID"),
                header(message, "Message-Direction"), Math.max(0, message.getSize()), flags(message.getFlags()),
                excerpt);
    }

    /** The first octets of the body ({@code BODY.PEEK[TEXT]<0.n>}), one more than an excerpt reads. */
    private static byte[] start(IMAPFolder folder, int number) throws MessagingException {
        BODY body = (BODY) folder.doCommand(p -> p.peekBody(number, "TEXT", 0, Excerpts.MAX_OCTETS + 1));
        ByteArray octets = body == null ? null : body.getByteArray();
        if (octets == null) {
            return new byte[0];
        }
        // the store may send more than was asked
        int length = Math.min(octets.getCount(), Excerpts.MAX_OCTETS + 1);
        return Arrays.copyOfRange(octets.getBytes(), octets.getStart(), octets.getStart() + length);
    }

    private static String header(IMAPMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 || values[0] == null ? null : value(values[0]);
    }

    /** A header value to show: unfolded, encoded words decoded, control characters made spaces, bounded. */
    static String value(String raw) {
        String text = MimeUtility.unfold(raw.length() > 4 * MAX_VALUE_LENGTH ? raw.substring(0, 4 * MAX_VALUE_LENGTH)
                : raw);
        try {
            text = MimeUtility.decodeText(text);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            // an unknown charset or a broken encoded word: shown as stored
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_VALUE_LENGTH));
        for (int i = 0; i < text.length() && clean.length() < MAX_VALUE_LENGTH; i++) {
            char c = text.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (clean.length() > 0 && Character.isHighSurrogate(clean.charAt(clean.length() - 1))) {
            clean.setLength(clean.length() - 1);
        }
        return clean.toString().strip();
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            Date date = new MailDateFormat().parse(value);
            return date == null ? null : date.toInstant();
        } catch (ParseException e) {
            return null;
        }
    }

    /**
     * System flags as IMAP writes them, then the keywords in order, bounded. Not {@code \Recent}: it belongs to the
     * session that first sees an object, here the view's own.
     */
    private static List<String> flags(Flags flags) {
        List<String> names = new ArrayList<>();
        SYSTEM_FLAGS.forEach((flag, name) -> {
            if (flags.contains(flag)) {
                names.add(name);
            }
        });
        Arrays.stream(flags.getUserFlags()).filter(k -> k != null && KEYWORD.matcher(k).matches()).sorted()
                .limit(MAX_KEYWORDS).forEach(names::add);
        return names;
    }

    private static Map<Flags.Flag, String> systemFlags() {
        Map<Flags.Flag, String> flags = new LinkedHashMap<>();
        flags.put(Flags.Flag.SEEN, "\\Seen");
        flags.put(Flags.Flag.ANSWERED, "\\Answered");
        flags.put(Flags.Flag.FLAGGED, "\\Flagged");
        flags.put(Flags.Flag.DELETED, "\\Deleted");
        flags.put(Flags.Flag.DRAFT, "\\Draft");
        return flags;
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("offset must be 0 or more, limit 1 to " + MAX_PAGE_SIZE);
        }
    }
}
