package org.opencpm.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.NotificationDeduplicator;
import org.opencpm.group.GroupService;
import org.opencpm.messagestore.accounts.MessageStoreAccounts;
import org.opencpm.preference.PreferenceService;
import org.opencpm.storage.user.DigestHashes;
import org.opencpm.storage.user.DuplicateUserAccountException;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.storage.user.UserAccountRepository;

/**
 * Administration of the home domain's user accounts, the credential lookup of the SIP registrar, and the password
 * check of clients that use HTTP BASIC.
 * Methods that name an account accept {@code sip:user@domain} or the scheme-less {@code user@domain}.
 * Refusals are {@link UserAccountException}s: {@link InvalidUserException}, {@link UserAlreadyExistsException},
 * {@link UserNotFoundException}.
 */
@Stateless
public class UserAccountService {

    public static final int MAX_PAGE_SIZE = 200;

    /** Compared with when there is no such user: as long as a SHA-256 HA1, and never equal to one (not hex). */
    private static final String UNKNOWN_USER_HA1 = "x".repeat(64);

    @Inject
    UserAccountRepository repository;

    @Inject
    HomeDomain homeDomain;

    @Inject
    PreferenceService preferences;

    @Inject
    DeferralService deferrals;

    @Inject
    NotificationDeduplicator notifications;

    @Inject
    GroupService groups;

    @Inject
    ControllingPolicy controlling = ControllingPolicy.defaults();

    /** The account in the message store (James), told in the same transaction. */
    @Inject
    MessageStoreAccounts messageStore = MessageStoreAccounts.NONE;

    public UserAccountService() {
        // for the container
    }

    UserAccountService(UserAccountRepository repository, HomeDomain homeDomain, PreferenceService preferences) {
        this.repository = repository;
        this.homeDomain = homeDomain;
        this.preferences = preferences;
    }

    /** Creates the account of {@code address} (a {@code sip:} URI in the home domain, realm = home domain). */
    public UserAccountSummary create(String address, String password) {
        String realm = homeDomain.name();
        UserAddress parsed = UserAddress.parse(address, realm);
        if (parsed.user().equals(controlling.adHocUser())) {
            throw new InvalidUserException("address", "is the Controlling Function's ad-hoc address");
        }
        PasswordPolicy.check(password);
        String uri = parsed.uri();
        if (repository.findByAddress(uri).isPresent()) {
            throw new UserAlreadyExistsException(uri);
        }
        UserAccount account = new UserAccount(uri, parsed.user(), realm, password);
        try {
            repository.persist(account);
        } catch (DuplicateUserAccountException e) {
            throw new UserAlreadyExistsException(uri);
        }
        messageStore.present(parsed.user(), parsed.domain(), password);
        return summary(account);
    }

    public UserAccountSummary get(String address) {
        return summary(find(address));
    }

    /** Page {@code page} (from 0) of {@code size} accounts (1 to {@value #MAX_PAGE_SIZE}), ordered by address. */
    public UserAccountPage list(int page, int size) {
        if (page < 0) {
            throw new InvalidUserException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidUserException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw new InvalidUserException("page", "is too large for this page size");
        }
        List<UserAccountSummary> items = repository.list((int) offset, size).stream()
                .map(UserAccountService::summary)
                .toList();
        return new UserAccountPage(items, page, size, repository.count());
    }

    public void updatePassword(String address, String password) {
        UserAddress parsed = reference(address);
        PasswordPolicy.check(password);
        find(parsed).changePassword(password);
        messageStore.present(parsed.user(), parsed.domain(), password);
    }

    /**
     * Deletes the account and what belongs to it (its preferences, deferred messages and notification records,
     * OMA CPM SD 5.4, 5.2.5, 5.2.6; the groups it owns and its group memberships, 5.2.3.4) in one transaction,
     * which also records that the message store must remove the account and its mailboxes.
     * The account is locked first, as a change of the preferences or a group's creation does, so that they never
     * wait for each other.
     */
    public void delete(String address) {
        UserAddress parsed = reference(address);
        String uri = parsed.uri();
        UserAccount account = repository.lockByAddress(uri).orElseThrow(() -> new UserNotFoundException(uri));
        preferences.delete(account.getUsername());
        deferrals.purge(account.getUsername());
        notifications.forgetUser(account.getUsername());
        groups.forgetUser(account.getUsername());
        repository.remove(account);
        messageStore.removed(parsed.user(), parsed.domain());
    }

    /**
     * The digest credentials of {@code username} in {@code realm}, as a registrar receives them in an Authorization
     * header: unvalidated, so anything that cannot name an account simply finds none.
     */
    public Optional<DigestCredentials> credentials(String username, String realm) {
        if (username == null || realm == null || username.isEmpty()
                || username.length() > UserAccount.MAX_USERNAME_LENGTH
                || realm.length() > UserAccount.MAX_REALM_LENGTH) {
            return Optional.empty();
        }
        return repository.findByUsernameAndRealm(username, realm)
                .map(a -> new DigestCredentials(a.getUsername(), a.getRealm(), a.getHa1Md5(), a.getHa1Sha256(),
                        a.getAddress()));
    }

    /**
     * Whether {@code password} is the password of the home domain's user {@code username} (the user part of the
     * address), for clients that authenticate with it over HTTP BASIC. Checked against the stored SHA-256 HA1 in
     * constant time; an unknown user costs the same hashing, so the answer's timing does not tell who exists.
     */
    public boolean verifyPassword(String username, String password) {
        if (password == null) {
            return false;
        }
        // The realm of the user's digest credentials, as the registrar looks them up (RFC 3261 22.1).
        String realm = homeDomain.name();
        Optional<DigestCredentials> credentials = credentials(username, realm);
        String offered = DigestHashes.ha1Sha256(username == null ? "" : username, realm, password);
        String expected = credentials.map(DigestCredentials::ha1Sha256).orElse(UNKNOWN_USER_HA1);
        boolean equal = MessageDigest.isEqual(offered.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
        return equal && credentials.isPresent();
    }

    private UserAddress reference(String address) {
        return UserAddress.parseReference(address, homeDomain.name());
    }

    private UserAccount find(String address) {
        return find(reference(address));
    }

    private UserAccount find(UserAddress address) {
        String uri = address.uri();
        return repository.findByAddress(uri).orElseThrow(() -> new UserNotFoundException(uri));
    }

    private static UserAccountSummary summary(UserAccount account) {
        return new UserAccountSummary(account.getAddress(), account.getCreatedAt(), account.getUpdatedAt());
    }
}
