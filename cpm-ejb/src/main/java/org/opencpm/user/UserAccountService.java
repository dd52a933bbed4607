package org.opencpm.user;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.NotificationDeduplicator;
import org.opencpm.storage.user.DuplicateUserAccountException;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.storage.user.UserAccountRepository;

/**
 * Administration of the home domain's user accounts, and the credential lookup of the SIP registrar.
 * Methods that name an account accept {@code sip:user@domain} or the scheme-less {@code user@domain}.
 * Refusals are {@link UserAccountException}s: {@link InvalidUserException}, {@link UserAlreadyExistsException},
 * {@link UserNotFoundException}.
 */
@Stateless
public class UserAccountService {

    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    UserAccountRepository repository;

    @Inject
    HomeDomain homeDomain;

    @Inject
    DeferralService deferrals;

    @Inject
    NotificationDeduplicator notifications;

    public UserAccountService() {
        // for the container
    }

    UserAccountService(UserAccountRepository repository, HomeDomain homeDomain) {
        this.repository = repository;
        this.homeDomain = homeDomain;
    }

    /** Creates the account of {@code address} (a {@code sip:} URI in the home domain, realm = home domain). */
    public UserAccountSummary create(String address, String password) {
        String realm = homeDomain.name();
        UserAddress parsed = UserAddress.parse(address, realm);
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
    }

    public void delete(String address) {
        UserAccount account = find(address);
        // What is kept for the user goes with the account, in this transaction (OMA CPM SD 5.2.5, 5.2.6).
        deferrals.purge(account.getUsername());
        notifications.forgetUser(account.getUsername());
        repository.remove(account);
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
