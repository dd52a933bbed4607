package org.opencpm.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.storage.preference.InMemoryPreferenceDocumentRepository;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.testsupport.InMemoryUserAccountRepository;
import org.opencpm.testsupport.ManualTransactions;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserNotFoundException;

/** The service on in-memory storage, with the test ending each transaction. */
class PreferenceServiceTest {

    private final InMemoryUserAccountRepository accounts = new InMemoryUserAccountRepository();
    private final InMemoryPreferenceDocumentRepository documents = new InMemoryPreferenceDocumentRepository();
    private final PreferenceListeners listeners = new PreferenceListeners();
    private final ManualTransactions transactions = new ManualTransactions();
    private final PreferenceService service = new PreferenceService(documents, accounts, new HomeDomain(), listeners,
            transactions);
    private final List<String> heard = new ArrayList<>();

    private static final UserPreferences FULL = new UserPreferences(true,
            List.of("sip:eve@example.com", "tel:+12015550123"), true, MessageHandling.FORWARD, "sip:bob@example.com",
            DeferredDelivery.NOTIFY, ExpiredHandling.DISCARD, MultiDevicePolicy.ALL,
            List.of(new PreferenceProfile("work", "At work", true, 2048L, List.of("text/plain", "image/*")),
                    new PreferenceProfile("night", "Night", false, null, List.of()),
                    new PreferenceProfile("car", "Driving", true, null, List.of("text/plain"))),
            Map.of("urn:uuid:1", "work", "urn:uuid:2", "night"));

    @BeforeEach
    void users() {
        accounts.persist(new UserAccount("sip:alice@opencpm.test", "alice", "opencpm.test", "password-1"));
        listeners.register((user, preferences) -> heard.add(user + " dnd=" + preferences.doNotDisturb()));
    }

    @Test
    void defaultsUntilSomethingIsStored() {
        assertEquals(UserPreferences.defaults(), service.of("alice"));
        assertEquals(UserPreferences.defaults(), service.of("nobody"));
        assertEquals(UserPreferences.defaults(), service.of(null));
    }

    @Test
    void replaceStoresTheWholeDocumentAndReadsItBack() {
        UserPreferences stored = service.replace("alice", FULL);

        assertEquals(FULL, stored);
        assertEquals(FULL, service.of("alice"));

        UserPreferences smaller = new UserPreferences(false, List.of(), false, MessageHandling.DEFER, null, null, null,
                null, List.of(new PreferenceProfile("car", "Driving", true, null, List.of())), Map.of());
        service.replace("alice", smaller);

        assertEquals(smaller, service.of("alice"), "nothing of the earlier document is left");
    }

    @Test
    void replaceReturnsTheCanonicalForm() {
        UserPreferences document = new UserPreferences(false, List.of("SIPS:eve@EXAMPLE.com;transport=tls"), false,
                null, null, null, null, null, List.of(), Map.of());

        UserPreferences stored = service.replace("alice", document);

        assertEquals(List.of("sip:eve@example.com"), stored.blacklist());
        assertEquals(stored, service.of("alice"));
    }

    @Test
    void anInvalidDocumentStoresNothing() {
        UserPreferences selfForward = new UserPreferences(false, List.of(), false, MessageHandling.FORWARD,
                "sip:alice@opencpm.test", null, null, null, List.of(), Map.of());

        InvalidPreferencesException e = assertThrows(InvalidPreferencesException.class,
                () -> service.replace("alice", selfForward));

        assertEquals("forwardTo", e.field());
        assertEquals(UserPreferences.defaults(), service.of("alice"));
    }

    @Test
    void unknownAndImpossibleUsers() {
        assertEquals("No user with address sip:bob@opencpm.test", assertThrows(UserNotFoundException.class,
                () -> service.replace("bob", FULL)).getMessage());
        assertEquals("address", assertThrows(InvalidUserException.class,
                () -> service.replace("alice@elsewhere.test", FULL)).field());
        assertEquals("address", assertThrows(InvalidUserException.class,
                () -> service.replace(null, FULL)).field());
    }

    @Test
    void listenersHearACommittedChangeOnlyAfterTheCommit() {
        service.replace("alice", FULL);
        assertEquals(List.of(), heard);

        transactions.commit();

        assertEquals(List.of("alice dnd=true"), heard);
    }

    @Test
    void listenersNeverHearARolledBackChange() {
        service.replace("alice", FULL);

        transactions.rollback();

        assertEquals(List.of(), heard);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        PreferenceListeners failingFirst = new PreferenceListeners();
        failingFirst.register((user, preferences) -> {
            throw new IllegalStateException("listener bug");
        });
        failingFirst.register((user, preferences) -> heard.add(user));
        PreferenceService withFailing = new PreferenceService(documents, accounts, new HomeDomain(), failingFirst,
                transactions);

        withFailing.replace("alice", FULL);
        transactions.commit();

        assertEquals(List.of("alice"), heard);
    }

    @Test
    void aConditionalReplaceSeesTheStoredDocument() {
        List<UserPreferences> seen = new ArrayList<>();
        service.replace("alice", FULL, current -> seen.add(current));
        service.replace("alice", UserPreferences.defaults(), current -> seen.add(current));

        assertEquals(List.of(UserPreferences.defaults(), FULL), seen);
    }

    @Test
    void aRefusedConditionChangesNothingAndTellsNoOne() {
        service.replace("alice", FULL);
        transactions.commit();
        heard.clear();

        assertThrows(PreferencesChangedException.class,
                () -> service.replace("alice", UserPreferences.defaults(), current -> false));
        transactions.rollback();

        assertEquals(FULL, service.of("alice"));
        assertTrue(heard.isEmpty());
    }

    @Test
    void deleteBringsBackTheDefaults() {
        service.replace("alice", FULL);

        service.delete("alice");
        service.delete("alice");
        service.delete(null);

        assertEquals(UserPreferences.defaults(), service.of("alice"));
        assertSame(false, documents.find("alice").isPresent());
    }
}
