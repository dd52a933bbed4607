package org.opencpm.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpm.testsupport.MutableClock;
import org.opencpm.storage.registration.InMemoryContactBindingRepository;

class LocationServiceTest {

    private static final String AOR = "sip:alice@opencpm.test";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final LocationService location = new LocationService(new InMemoryContactBindingRepository(), clock,
            new RegistrarPolicy(60, 3600, 7200, 3));

    private static RegisterCommand reg(String callId, long cseq, Integer expires, ContactUpdate... contacts) {
        return new RegisterCommand(AOR, callId, cseq, List.of(contacts), false, expires, "UDP 127.0.0.1:5070");
    }

    private static ContactUpdate contact(String uri, String instance, Integer expires) {
        return new ContactUpdate(uri, instance == null ? "" : "+sip.instance=\"<" + instance + ">\"", instance, expires);
    }

    @Test
    void bindsRefreshesExpiresAndRemoves() {
        location.register(reg("c1", 1, 3600, contact("sip:alice@10.0.0.1:5070", "urn:uuid:1", null)));
        location.register(reg("c2", 1, null, contact("sip:alice@10.0.0.2:5070", "urn:uuid:2", 120)));
        assertEquals(2, location.contactsOf(AOR).size());
        clock.advance(Duration.ofSeconds(121));
        List<ActiveContact> left = location.contactsOf(AOR);
        assertEquals(1, left.size(), "the 120 s binding expired");
        assertEquals("sip:alice@10.0.0.1:5070", left.get(0).uri());
        assertTrue(left.get(0).contactHeaderValue().endsWith(";expires=3479"), left.get(0).contactHeaderValue());
        location.register(reg("c1", 2, 0, contact("sip:alice@10.0.0.1:5070", "urn:uuid:1", null)));
        assertEquals(List.of(), location.contactsOf(AOR));
    }

    @Test
    void expiryIsClampedAndTooShortIsRefused() {
        var contacts = location.register(reg("c1", 1, 100000, contact("sip:alice@10.0.0.1", null, null)));
        assertEquals(7200, contacts.get(0).expiresInSeconds());
        var e = assertThrows(RegistrationException.class,
                () -> location.register(reg("c1", 2, 30, contact("sip:alice@10.0.0.1", null, null))));
        assertEquals(423, e.status());
        assertEquals(60, e.minExpires());
    }

    @Test
    void outOfOrderCSeqOfTheSameCallIdIsRefused() {
        location.register(reg("c1", 5, 3600, contact("sip:alice@10.0.0.1", null, null)));
        assertEquals(500, assertThrows(RegistrationException.class,
                () -> location.register(reg("c1", 5, 3600, contact("sip:alice@10.0.0.1", null, null)))).status());
    }

    @Test
    void wildcardNeedsExpiresZeroAndRemovesAll() {
        location.register(reg("c1", 1, 3600, contact("sip:alice@10.0.0.1", "urn:uuid:1", null),
                contact("sip:alice@10.0.0.2", "urn:uuid:2", null)));
        var bad = new RegisterCommand(AOR, "c9", 1, List.of(), true, 3600, "UDP x");
        assertEquals(400, assertThrows(RegistrationException.class, () -> location.register(bad)).status());
        location.register(new RegisterCommand(AOR, "c9", 1, List.of(), true, 0, "UDP x"));
        assertEquals(List.of(), location.contactsOf(AOR));
    }

    @Test
    void contactsPerUserAreBounded() {
        for (int i = 0; i < 3; i++) {
            location.register(reg("c" + i, 1, 3600, contact("sip:alice@10.0.0." + i, "urn:uuid:" + i, null)));
        }
        assertEquals(403, assertThrows(RegistrationException.class,
                () -> location.register(reg("c9", 1, 3600, contact("sip:alice@10.0.0.9", "urn:uuid:9", null)))).status());
    }
}
