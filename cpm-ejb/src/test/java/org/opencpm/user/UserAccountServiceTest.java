package org.opencpm.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.deferral.DeferralPolicy;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.deferral.NotificationDeduplicator;
import org.opencpm.storage.deferral.InMemoryDeferredMessageRepository;
import org.opencpm.storage.notification.InMemoryForwardedNotificationRepository;
import org.opencpm.storage.user.DigestHashes;
import org.opencpm.storage.user.DuplicateUserAccountException;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.storage.user.UserAccountRepository;

/** The service's decisions, on an in-memory repository. */
class UserAccountServiceTest {

    private final InMemoryRepository repository = new InMemoryRepository();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    private final DeferralService deferrals = new DeferralService(new InMemoryDeferredMessageRepository(),
            DeferralPolicy.defaults(), clock);
    private final NotificationDeduplicator notifications =
            new NotificationDeduplicator(new InMemoryForwardedNotificationRepository(), clock);
    private final UserAccountService service = new UserAccountService(repository, new HomeDomain("opencpm.test"));

    {
        service.deferrals = deferrals;
        service.notifications = notifications;
    }

    @Test
    void createStoresTheCanonicalAddressAndBothHashes() {
        UserAccountSummary created = service.create("sip:alice@OPENCPM.test;transport=tcp", "Circle Of Life");

        assertEquals("sip:alice@opencpm.test", created.address());
        UserAccount stored = repository.accounts.get(0);
        assertEquals("alice", stored.getUsername());
        assertEquals("opencpm.test", stored.getRealm());
        assertEquals(DigestHashes.ha1Md5("alice", "opencpm.test", "Circle Of Life"), stored.getHa1Md5());
        assertEquals(DigestHashes.ha1Sha256("alice", "opencpm.test", "Circle Of Life"), stored.getHa1Sha256());
    }

    @Test
    void createRefusesADuplicate() {
        service.create("sip:alice@opencpm.test", "password-1");

        UserAlreadyExistsException e = assertThrows(UserAlreadyExistsException.class,
                () -> service.create("sip:alice@opencpm.test;lr", "password-2"));
        assertEquals("sip:alice@opencpm.test", e.address());
    }

    @Test
    void createRefusesADuplicateInsertedConcurrently() {
        repository.failNextPersist = true;

        assertThrows(UserAlreadyExistsException.class, () -> service.create("sip:alice@opencpm.test", "password-1"));
    }

    @Test
    void createValidatesTheAddressBeforeThePassword() {
        InvalidUserException e = assertThrows(InvalidUserException.class, () -> service.create("sip:alice", "short"));
        assertEquals("address", e.field());

        e = assertThrows(InvalidUserException.class, () -> service.create("sip:alice@opencpm.test", "short"));
        assertEquals("password", e.field());
        assertTrue(repository.accounts.isEmpty());
    }

    @Test
    void getAcceptsTheSchemeLessForm() {
        service.create("sip:alice@opencpm.test", "password-1");

        assertEquals("sip:alice@opencpm.test", service.get("alice@opencpm.test").address());
        assertEquals("sip:alice@opencpm.test", service.get("sip:alice@opencpm.test").address());
    }

    @Test
    void unknownUsersAreNotFound() {
        assertThrows(UserNotFoundException.class, () -> service.get("sip:bob@opencpm.test"));
        assertThrows(UserNotFoundException.class, () -> service.updatePassword("bob@opencpm.test", "password-1"));
        assertThrows(UserNotFoundException.class, () -> service.delete("bob@opencpm.test"));
    }

    @Test
    void updatePasswordRehashes() {
        service.create("sip:alice@opencpm.test", "password-1");

        service.updatePassword("alice@opencpm.test", "password-2");

        assertEquals(DigestHashes.ha1Md5("alice", "opencpm.test", "password-2"), repository.accounts.get(0).getHa1Md5());
        InvalidUserException e = assertThrows(InvalidUserException.class,
                () -> service.updatePassword("alice@opencpm.test", "x"));
        assertEquals("password", e.field());
    }

    @Test
    void deleteRemoves() {
        service.create("sip:alice@opencpm.test", "password-1");

        service.delete("sip:alice@opencpm.test");

        assertTrue(repository.accounts.isEmpty());
    }

    @Test
    void deleteTakesTheUsersDeferredMessagesAndNotificationRecords() {
        service.create("sip:alice@opencpm.test", "password-1");
        deferrals.defer(deferred("alice"));
        deferrals.defer(deferred("carol"));
        notifications.firstOfItsKind("alice", "m1", "delivered");

        service.delete("alice@opencpm.test");

        assertEquals(0, deferrals.count("alice"));
        assertEquals(1, deferrals.count("carol"));
        assertTrue(notifications.firstOfItsKind("alice", "m1", "delivered"), "the record went with the user");
    }

    @Test
    void listPagesByAddress() {
        for (String user : List.of("carol", "alice", "bob")) {
            service.create("sip:" + user + "@opencpm.test", "password-1");
        }

        UserAccountPage page = service.list(1, 2);

        assertEquals(List.of("sip:carol@opencpm.test"), page.items().stream().map(UserAccountSummary::address).toList());
        assertEquals(1, page.page());
        assertEquals(2, page.size());
        assertEquals(3, page.total());
    }

    @ParameterizedTest
    @CsvSource({"-1, 50, page", "0, 0, size", "0, 201, size", "2147483647, 200, page"})
    void listValidatesPaging(int page, int size, String field) {
        InvalidUserException e = assertThrows(InvalidUserException.class, () -> service.list(page, size));
        assertEquals(field, e.field());
    }

    @Test
    void credentialsForTheRegistrar() {
        service.create("sip:alice@opencpm.test", "Circle Of Life");

        DigestCredentials credentials = service.credentials("alice", "opencpm.test").orElseThrow();

        assertEquals(new DigestCredentials("alice", "opencpm.test",
                DigestHashes.ha1Md5("alice", "opencpm.test", "Circle Of Life"),
                DigestHashes.ha1Sha256("alice", "opencpm.test", "Circle Of Life"),
                "sip:alice@opencpm.test"), credentials);
        assertFalse(credentials.toString().contains(credentials.ha1Md5()));
    }

    @Test
    void credentialsOfNobody() {
        service.create("sip:alice@opencpm.test", "Circle Of Life");

        assertEquals(Optional.empty(), service.credentials("Alice", "opencpm.test"));
        assertEquals(Optional.empty(), service.credentials("alice", "example.com"));
        assertEquals(Optional.empty(), service.credentials(null, "opencpm.test"));
        assertEquals(Optional.empty(), service.credentials("", "opencpm.test"));
        assertEquals(Optional.empty(), service.credentials("a".repeat(65), "opencpm.test"));
        assertEquals(Optional.empty(), service.credentials("alice", "x".repeat(254)));
    }

    private static DeferredMessage deferred(String recipient) {
        return new DeferredMessage(null, recipient, "<sip:bob@opencpm.test>", null, List.of(), "text/plain",
                new byte[] {'h', 'i'}, false, null, null, null, null, null);
    }

    private static final class InMemoryRepository extends UserAccountRepository {

        final List<UserAccount> accounts = new ArrayList<>();
        boolean failNextPersist;

        @Override
        public Optional<UserAccount> findByAddress(String address) {
            return accounts.stream().filter(a -> a.getAddress().equals(address)).findFirst();
        }

        @Override
        public Optional<UserAccount> findByUsernameAndRealm(String username, String realm) {
            return accounts.stream()
                    .filter(a -> a.getUsername().equals(username) && a.getRealm().equals(realm))
                    .findFirst();
        }

        @Override
        public List<UserAccount> list(int offset, int limit) {
            return accounts.stream()
                    .sorted(Comparator.comparing(UserAccount::getAddress))
                    .skip(offset)
                    .limit(limit)
                    .toList();
        }

        @Override
        public long count() {
            return accounts.size();
        }

        @Override
        public void persist(UserAccount account) {
            if (failNextPersist) {
                failNextPersist = false;
                throw new DuplicateUserAccountException(account.getAddress(), null);
            }
            accounts.add(account);
        }

        @Override
        public void remove(UserAccount account) {
            accounts.remove(account);
        }
    }
}
