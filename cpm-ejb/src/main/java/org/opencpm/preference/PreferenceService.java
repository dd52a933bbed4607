package org.opencpm.preference;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.opencpm.storage.preference.PreferenceDocument;
import org.opencpm.storage.preference.PreferenceDocumentRepository;
import org.opencpm.storage.user.UserAccountRepository;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAddress;
import org.opencpm.user.UserNotFoundException;

/**
 * The CPM user preferences of the home domain's users (OMA CPM SD 5.4), one document per user, named by the user
 * part of the address. Read by the Participating Function on every request; replaced as a whole (the XDM model of
 * OMA XDM Core) by the user or an administrator; removed with the account.
 */
@ApplicationScoped
@Transactional
public class PreferenceService {

    @Inject
    PreferenceDocumentRepository documents;

    @Inject
    UserAccountRepository accounts;

    @Inject
    HomeDomain homeDomain;

    @Inject
    PreferenceListeners listeners;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public PreferenceService() {
        // for the container
    }

    PreferenceService(PreferenceDocumentRepository documents, UserAccountRepository accounts, HomeDomain homeDomain,
                      PreferenceListeners listeners, TransactionSynchronizationRegistry transactions) {
        this.documents = documents;
        this.accounts = accounts;
        this.homeDomain = homeDomain;
        this.listeners = listeners;
        this.transactions = transactions;
    }

    /**
     * The stored document of {@code username}, or {@link UserPreferences#defaults()} when there is none (also for a
     * name that has no account). One primary-key read, and the document's collections when there is one: no account
     * lookup and no validation, as this is on the path of every message.
     */
    public UserPreferences of(String username) {
        if (username == null) {
            return UserPreferences.defaults();
        }
        return documents.find(username).map(StoredPreferences::read).orElseGet(UserPreferences::defaults);
    }

    /**
     * Validates {@code document} and stores it in place of the user's document, whatever that was.
     *
     * @return the document as stored: canonical addresses and content types, no repeated blacklist entries
     * @throws InvalidPreferencesException naming the first value of the document that breaks a rule
     * @throws InvalidUserException        if {@code username} cannot be the user part of an address
     * @throws UserNotFoundException       if the home domain has no such user
     */
    public UserPreferences replace(String username, UserPreferences document) {
        return replace(username, document, current -> true);
    }

    /**
     * As {@link #replace(String, UserPreferences)}, on condition that {@code precondition} accepts the document
     * stored at the time of the change (the defaults if none). The condition is checked with the account locked, so
     * no other change comes in between: the XDM conditional replace (HTTP If-Match).
     *
     * @throws PreferencesChangedException if the precondition refused the stored document; nothing changed
     */
    public UserPreferences replace(String username, UserPreferences document,
                                   Predicate<UserPreferences> precondition) {
        Objects.requireNonNull(document, "document");
        UserAddress address = addressOf(username);
        UserPreferences canonical = PreferenceRules.canonical(document, address.uri());
        accounts.lockByAddress(address.uri()).orElseThrow(() -> new UserNotFoundException(address.uri()));
        Optional<PreferenceDocument> stored = documents.find(address.user());
        UserPreferences current = stored.map(StoredPreferences::read).orElseGet(UserPreferences::defaults);
        if (!precondition.test(current)) {
            throw new PreferencesChangedException(address.uri());
        }
        PreferenceDocument target = stored.orElseGet(() -> StoredPreferences.newDocument(address.user()));
        StoredPreferences.write(canonical, target);
        documents.save(target);
        transactions.registerInterposedSynchronization(new AfterCommit(
                () -> listeners.changed(address.user(), canonical)));
        return canonical;
    }

    /** Removes the user's document, if any: the user has the defaults again. Joins the caller's transaction. */
    public void delete(String username) {
        if (username != null) {
            documents.delete(username);
        }
    }

    private UserAddress addressOf(String username) {
        if (username == null) {
            throw new InvalidUserException("address", "is required");
        }
        String domain = homeDomain.name();
        return UserAddress.parse("sip:" + username + '@' + domain, domain);
    }

    /** Runs the action once the transaction has committed, and never when it rolled back. */
    private record AfterCommit(Runnable action) implements Synchronization {

        @Override
        public void beforeCompletion() {
            // nothing to do before the outcome is known
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        }
    }
}
