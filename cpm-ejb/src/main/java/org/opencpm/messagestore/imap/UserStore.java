package org.opencpm.messagestore.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import java.util.OptionalLong;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.objects.StoredObject;

/**
 * One user's folders, open over one IMAP connection as the administrator acting as that user (see
 * {@link MessageStoreWriter}). Stores objects into the CPM folder model below the "default" system folder, whose
 * location it read from the {@code DefaultFolderLocation} server annotation (OMA CPM SD 5.5.1.1: the PF determines
 * it so), creating folders as needed.
 * <p>
 * Storing is idempotent per folder: an object whose {@code Message-ID} the folder already holds (an earlier attempt
 * that stored it but whose answer was lost) is not appended again. Two writers storing the same object into the same
 * folder at the same moment can both append it: one writer per object at a time, as an outbox gives.
 */
public final class UserStore implements AutoCloseable {

    /** The server annotation of SD 5.5.1.1, as cpm-cms publishes it (its full path: docs/message-store.md). */
    public static final String DEFAULT_FOLDER_LOCATION = "/shared/vendor/oma/cpm/DefaultFolderLocation";
    /** The keyword of a temporary stored object (OMA CPM SD 5.2.5.3: a handed-over deferred message). */
    public static final String TEMPORARY = "$CpmTemporary";
    /** A longer location than any configuration gives would not leave room for the folders below it. */
    private static final int MAX_LOCATION_LENGTH = 100;

    private final String user;
    private final IMAPStore store;
    private final String defaultFolder;
    private final char delimiter;

    UserStore(String user, IMAPStore store) throws MessageStoreException {
        this.user = user;
        this.store = store;
        try {
            this.defaultFolder = defaultFolderLocation(store);
            this.delimiter = store.getDefaultFolder().getSeparator();
        } catch (MessagingException e) {
            throw new MessageStoreException("the message store did not tell " + user + "'s default folder: "
                    + e.getMessage(), e);
        }
    }

    public String user() {
        return user;
    }

    /** The "default" system folder, as published by the store. */
    public String defaultFolder() {
        return defaultFolder;
    }

    /** The full mailbox name of {@code folder} in this store. */
    public String mailbox(CpmFolder folder) {
        return folder.path(defaultFolder, delimiter);
    }

    /**
     * Stores {@code object} into {@code folder}, creating the folder (and its parents) when missing, unless the
     * folder holds an object with its {@code Message-ID} already.
     */
    public StoreResult store(CpmFolder folder, StoredObject object) throws MessageStoreException {
        return store(folder, object, true, false);
    }

    /**
     * As {@link #store(CpmFolder, StoredObject)}; without {@code checkFirst} the folder is not searched for the
     * object first (the caller knows no earlier attempt can have stored it: a search per object would make a burst
     * into one folder cost as the square of its size). A {@code temporary} object carries the
     * {@link #TEMPORARY} keyword (a handed-over deferred message, OMA CPM SD 5.2.5.3).
     */
    public StoreResult store(CpmFolder folder, StoredObject object, boolean checkFirst, boolean temporary)
            throws MessageStoreException {
        String mailbox = mailbox(folder);
        try {
            IMAPFolder target = (IMAPFolder) store.getFolder(mailbox);
            if (temporary) {
                object.message().setFlags(new Flags(TEMPORARY), true);
            }
            if (!target.exists()) {
                create(target);
            } else if (checkFirst) {
                OptionalLong stored = find(target, object.messageId());
                if (stored.isPresent()) {
                    return new StoreResult(mailbox, stored.getAsLong(), true);
                }
            }
            AppendUID[] appended = target.appendUIDMessages(new Message[] {object.message()});
            if (appended.length == 1 && appended[0] != null) {
                return new StoreResult(mailbox, appended[0].uid, false);
            }
            // no UIDPLUS answer: look the object up
            return new StoreResult(mailbox, find(target, object.messageId()).orElse(-1), false);
        } catch (MessagingException e) {
            throw new MessageStoreException("storing " + object.kind() + " " + object.messageId() + " into " + user
                    + "'s " + mailbox + " failed: " + e.getMessage(), e);
        }
    }

    /** What became of a temporary object whose time is up ({@link #settleTemporary}). */
    public enum Settled {
        /** The user had read it: it is a stored object now. */
        KEPT_READ,
        /** Unread, and kept as a stored object as the policy says. */
        KEPT_UNREAD,
        /** Unread, and discarded as the policy says. */
        DISCARDED,
        /** Not in the folder any more (the user deleted or moved it). */
        GONE
    }

    /**
     * Ends the temporary state of the object {@code messageId} in {@code folder} (OMA CPM SD 5.2.5.3 item 3): a
     * read one (\Seen) becomes a stored object; an unread one is discarded when {@code discardUnread}, else also
     * becomes a stored object.
     */
    public Settled settleTemporary(CpmFolder folder, String messageId, boolean discardUnread)
            throws MessageStoreException {
        String mailbox = mailbox(folder);
        try {
            IMAPFolder target = (IMAPFolder) store.getFolder(mailbox);
            if (!target.exists()) {
                return Settled.GONE;
            }
            target.open(Folder.READ_WRITE);
            try {
                Message found = null;
                for (Message m : target.search(new HeaderTerm("Message-ID", messageId))) {
                    String[] ids = m.getHeader("Message-ID");
                    if (ids != null && ids.length == 1 && ids[0].trim().equals(messageId)) {
                        found = m;
                    }
                }
                if (found == null) {
                    return Settled.GONE;
                }
                if (!found.isSet(Flags.Flag.SEEN) && discardUnread) {
                    found.setFlag(Flags.Flag.DELETED, true);
                    target.expunge(new Message[] {found}); // UID EXPUNGE: only this one
                    return Settled.DISCARDED;
                }
                Settled settled = found.isSet(Flags.Flag.SEEN) ? Settled.KEPT_READ : Settled.KEPT_UNREAD;
                found.setFlags(new Flags(TEMPORARY), false);
                return settled;
            } finally {
                target.close(false);
            }
        } catch (MessagingException e) {
            throw new MessageStoreException("settling the temporary object " + messageId + " in " + user + "'s "
                    + mailbox + " failed: " + e.getMessage(), e);
        }
    }

    /** The UID of the object with {@code messageId} in {@code folder}, if the folder exists and holds it. */
    public OptionalLong find(CpmFolder folder, String messageId) throws MessageStoreException {
        String mailbox = mailbox(folder);
        try {
            IMAPFolder target = (IMAPFolder) store.getFolder(mailbox);
            return target.exists() ? find(target, messageId) : OptionalLong.empty();
        } catch (MessagingException e) {
            throw new MessageStoreException("searching " + user + "'s " + mailbox + " failed: " + e.getMessage(), e);
        }
    }

    private static OptionalLong find(IMAPFolder folder, String messageId) throws MessagingException {
        folder.open(Folder.READ_ONLY);
        try {
            for (Message found : folder.search(new HeaderTerm("Message-ID", messageId))) {
                String[] ids = found.getHeader("Message-ID");
                // SEARCH HEADER matches substrings: make sure it is this identifier
                if (ids != null && ids.length == 1 && ids[0].trim().equals(messageId)) {
                    return OptionalLong.of(folder.getUID(found));
                }
            }
            return OptionalLong.empty();
        } finally {
            folder.close(false);
        }
    }

    /** Creates {@code folder}; another writer creating it at the same moment is no failure. */
    private static void create(IMAPFolder folder) throws MessagingException {
        if (!folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS) && !folder.exists()) {
            throw new MessagingException("the store did not create " + folder.getFullName());
        }
    }

    /** {@code GETMETADATA "" (DefaultFolderLocation)} (RFC 5464 server annotation). */
    private static String defaultFolderLocation(IMAPStore store) throws MessagingException, MessageStoreException {
        if (!store.hasCapability("METADATA") && !store.hasCapability("METADATA-SERVER")) {
            throw new MessageStoreException("the message store has no server METADATA (RFC 5464): no "
                    + "DefaultFolderLocation");
        }
        IMAPFolder root = (IMAPFolder) store.getDefaultFolder();
        Object location = root.doCommand(protocol -> {
            Argument args = new Argument().writeString("").writeAtom(DEFAULT_FOLDER_LOCATION);
            Response[] responses = protocol.command("GETMETADATA", args);
            Response completion = responses[responses.length - 1];
            String value = null;
            for (Response r : responses) {
                if (r instanceof IMAPResponse ir && ir.keyEquals("METADATA")) {
                    ir.readAtomString(); // the mailbox, ""
                    String[] entries = ir.readAtomStringList();
                    for (int i = 0; entries != null && i + 1 < entries.length; i += 2) {
                        if (entries[i].equalsIgnoreCase(DEFAULT_FOLDER_LOCATION)) {
                            value = entries[i + 1];
                        }
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(completion);
            return value;
        });
        if (!(location instanceof String folder) || folder.isEmpty() || folder.length() > MAX_LOCATION_LENGTH
                || folder.chars().anyMatch(c -> c < 0x20 || c == 0x7F) || folder.equalsIgnoreCase("NIL")) {
            throw new MessageStoreException("the message store publishes no usable " + DEFAULT_FOLDER_LOCATION);
        }
        return folder;
    }

    /** The connection, for the readers of this package ({@link StoredConversations}). */
    IMAPStore imap() {
        return store;
    }

    @Override
    public void close() {
        closeQuietly(store);
    }

    static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException e) {
            // the connection is gone either way
        }
    }
}
