package org.opencpm.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.deferral.DeferralPolicy;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.deferral.NotificationDeduplicator;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupRole;
import org.opencpm.group.GroupService;
import org.opencpm.preference.InMemoryPreferences;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.UserPreferences;
import org.opencpm.storage.deferral.InMemoryDeferredMessageRepository;
import org.opencpm.storage.group.InMemoryGroupDocumentRepository;
import org.opencpm.storage.notification.InMemoryForwardedNotificationRepository;
import org.opencpm.storage.user.DigestHashes;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.testsupport.InMemoryUserAccountRepository;
import org.opencpm.testsupport.ManualTransactions;

/** The service's decisions, on an in-memory repository. */
class UserAccountServiceTest {

    private final InMemoryUserAccountRepository repository = new InMemoryUserAccountRepository();
    private final HomeDomain domain = new HomeDomain("opencpm.test");
    private final PreferenceService preferences =
            InMemoryPreferences.service(repository, domain, new ManualTransactions());
    private final UserAccountService service = new UserAccountService(repository, domain, preferences);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    private final DeferralService deferrals = new DeferralService(new InMemoryDeferredMessageRepository(),
            DeferralPolicy.defaults(), clock);
    private final NotificationDeduplicator notifications =
            new NotificationDeduplicator(new InMemoryForwardedNotificationRepository(), clock);
    private final GroupService groups = new GroupService(new InMemoryGroupDocumentRepository(), repository, domain);

    {
        service.deferrals = deferrals;
        service.notifications = notifications;
        service.groups = groups;
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
    void theAdHocAddressIsNoUsersAddress() {
        InvalidUserException e = assertThrows(InvalidUserException.class,
                () -> service.create("sip:adhoc@opencpm.test", "password-1"));
        assertEquals("address", e.field());
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
    void deleteRemovesThePreferencesToo() {
        service.create("sip:alice@opencpm.test", "password-1");
        UserPreferences dnd = new UserPreferences(true, List.of(), false, null, null, null, null, null, List.of(),
                Map.of());
        preferences.replace("alice", dnd);

        service.delete("alice@opencpm.test");
        service.create("sip:alice@opencpm.test", "password-1");

        assertEquals(UserPreferences.defaults(), preferences.of("alice"));
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
    void deleteTakesTheGroupsTheUserOwnsAndTheirMemberships() {
        service.create("sip:alice@opencpm.test", "password-1");
        service.create("sip:bob@opencpm.test", "password-1");
        groups.create("alice", new GroupDraft("alices", "Alice's", null, null));
        groups.create("bob", new GroupDraft("bobs", "Bob's", null,
                List.of(new GroupMember("sip:alice@opencpm.test", GroupRole.PARTICIPANT, null))));

        service.delete("alice@opencpm.test");

        assertTrue(groups.find("alices@opencpm.test").isEmpty());
        assertEquals(List.of("sip:bob@opencpm.test"), groups.find("bobs@opencpm.test").orElseThrow().members()
                .stream().map(GroupMember::address).toList());
    }

    private static DeferredMessage deferred(String recipient) {
        return new DeferredMessage(null, recipient, "<sip:bob@opencpm.test>", null, List.of(), "text/plain",
                new byte[] {'h', 'i'}, false, null, null, null, null, null);
    }

    @Test
    void verifyPasswordChecksTheHomeDomainsUser() {
        service.create("sip:alice@opencpm.test", "Circle Of Life");

        assertTrue(service.verifyPassword("alice", "Circle Of Life"));
        assertFalse(service.verifyPassword("alice", "circle of life"));
        assertFalse(service.verifyPassword("alice", ""));
        assertFalse(service.verifyPassword("alice", null));
        assertFalse(service.verifyPassword("Alice", "Circle Of Life"));
        assertFalse(service.verifyPassword("bob", "Circle Of Life"));
        assertFalse(service.verifyPassword(null, "Circle Of Life"));
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
}
