package org.opencpm.deferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencpm.storage.notification.InMemoryForwardedNotificationRepository;
import org.opencpm.testsupport.MutableClock;

class NotificationDeduplicatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final NotificationDeduplicator deduplicator =
            new NotificationDeduplicator(new InMemoryForwardedNotificationRepository(), clock);

    @Test
    void onlyTheFirstOfEachKindIsForwarded() {
        assertTrue(deduplicator.firstOfItsKind("alice", "m1", "delivered"));
        assertFalse(deduplicator.firstOfItsKind("alice", "m1", "delivered"), "alice's second device");
        assertTrue(deduplicator.firstOfItsKind("alice", "m1", "displayed"), "another type");
        assertTrue(deduplicator.firstOfItsKind("alice", "m2", "delivered"), "another message");
        assertTrue(deduplicator.firstOfItsKind("carol", "m1", "delivered"), "another user (a group message)");
    }

    @Test
    void oldRecordsAreForgotten() {
        deduplicator.firstOfItsKind("alice", "m1", "delivered");
        clock.advance(Duration.ofDays(20));
        deduplicator.firstOfItsKind("alice", "m2", "delivered");
        clock.advance(Duration.ofDays(11));

        assertEquals(1, deduplicator.forgetOlderThan(Duration.ofDays(30)));
        assertTrue(deduplicator.firstOfItsKind("alice", "m1", "delivered"));
        assertFalse(deduplicator.firstOfItsKind("alice", "m2", "delivered"));
    }

    @Test
    void aUsersRecordsGoWithTheUser() {
        deduplicator.firstOfItsKind("alice", "m1", "delivered");
        deduplicator.firstOfItsKind("alice", "m1", "displayed");
        deduplicator.firstOfItsKind("carol", "m1", "delivered");

        assertEquals(2, deduplicator.forgetUser("alice"));
        assertTrue(deduplicator.firstOfItsKind("alice", "m1", "delivered"));
        assertFalse(deduplicator.firstOfItsKind("carol", "m1", "delivered"));
    }
}
