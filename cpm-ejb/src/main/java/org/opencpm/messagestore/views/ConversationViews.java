package org.opencpm.messagestore.views;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpm.messagestore.MessageStoreAccess;
import org.opencpm.messagestore.imap.ConversationFolder;
import org.opencpm.messagestore.imap.FolderPath;
import org.opencpm.messagestore.imap.MessageStoreException;
import org.opencpm.messagestore.imap.MessageStoreWriter;
import org.opencpm.messagestore.imap.StoredConversations;
import org.opencpm.messagestore.imap.StoredItem;
import org.opencpm.messagestore.imap.StoredPage;
import org.opencpm.messagestore.imap.UnknownStoreUserException;
import org.opencpm.messagestore.imap.UserStore;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAccountService;
import org.opencpm.user.UserAddress;

/**
 * A user's conversations in the message store, for administrators: the CPM folders and a folder's objects, a page
 * at a time, read with the same settings the server writes with ({@code opencpm.cms.*}). Each call is one IMAP
 * connection, closed before it returns.
 * <p>
 * Refusals, in this order: {@link InvalidUserException} for an address outside the home domain, bad paging or a
 * folder that is not one of the list ({@code address}, {@code offset}, {@code limit}, {@code folder}), a
 * {@code UserNotFoundException} for a user OpenCPM does not have, {@link MessageStoreUnavailableException} when the
 * store cannot be read; an unknown folder is an empty answer.
 */
@ApplicationScoped
public class ConversationViews {

    /** The largest page. */
    public static final int MAX_PAGE_SIZE = StoredConversations.MAX_PAGE_SIZE;

    private static final Logger LOG = Logger.getLogger(ConversationViews.class.getName());

    @Inject
    UserAccountService users;

    @Inject
    HomeDomain homeDomain;

    @Inject
    MessageStoreAccess access;

    /** The user's conversation and session folders, ordered by name, sessions after their conversation. */
    public StoredPage<ConversationFolder> conversations(String address, int offset, int limit) {
        UserAddress user = UserAddress.parseReference(address, homeDomain.name());
        checkPage(offset, limit);
        existing(user);
        return read(user, store -> new StoredConversations(store).folders(offset, limit));
    }

    /**
     * The objects in the user's {@code folder} (a path as {@link #conversations} gives it), newest first; empty when
     * the user has no such folder.
     */
    public Optional<StoredPage<StoredItem>> items(String address, String folder, int offset, int limit) {
        UserAddress user = UserAddress.parseReference(address, homeDomain.name());
        checkPage(offset, limit);
        FolderPath path;
        try {
            path = FolderPath.parse(folder);
        } catch (IllegalArgumentException e) {
            throw new InvalidUserException("folder", "must be a folder of the conversation list: one or two folder "
                    + "names as the server writes them, joined by '" + FolderPath.SEPARATOR + "'");
        }
        existing(user);
        return read(user, store -> new StoredConversations(store).items(path, offset, limit));
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidUserException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidUserException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private void existing(UserAddress user) {
        users.get(user.uri());
    }

    private <T> T read(UserAddress user, Reading<T> reading) {
        String login = user.user() + '@' + user.domain();
        try (UserStore store = reader().open(login)) {
            return reading.read(store);
        } catch (UnknownStoreUserException e) {
            throw new MessageStoreUnavailableException("The message store has no account for this user yet: "
                    + "accounts reach it once it is up.", e);
        } catch (MessageStoreException e) {
            LOG.warning(() -> "Message store views: " + login + " not read: " + e.getMessage());
            throw new MessageStoreUnavailableException("The message store is unreachable or refused the request; "
                    + "the server log says why.", e);
        }
    }

    /** The connection maker: the writer's, as reading is the same connection with the same rights. */
    private MessageStoreWriter reader() {
        return access.writer().orElseThrow(() -> new MessageStoreUnavailableException(
                "There is no message store to read (" + access.whyOff() + ")."));
    }

    /** One reading of a user's store. */
    private interface Reading<T> {
        T read(UserStore store) throws MessageStoreException;
    }
}
