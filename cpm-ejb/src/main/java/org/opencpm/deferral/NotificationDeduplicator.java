package org.opencpm.deferral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.opencpm.storage.notification.ForwardedNotificationRepository;

/**
 * OMA CPM SD 5.2.6: when several devices of a user send a disposition notification of the same type for the same
 * message, only the first is forwarded to the sender. Remembers which were forwarded, across nodes, until
 * housekeeping forgets them.
 */
@ApplicationScoped
public class NotificationDeduplicator {

    private ForwardedNotificationRepository repository;
    private Clock clock;

    protected NotificationDeduplicator() {
        // for CDI proxies
    }

    @Inject
    public NotificationDeduplicator(ForwardedNotificationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * True if this is the first notification of {@code type} (e.g. {@code delivered}, {@code displayed}) that
     * {@code notifyingUser} sends for the message {@code originalMessageId}; records it. In a transaction of its
     * own, committed on return: a duplicate that loses the race on the key rolls back only that transaction, never
     * the caller's, and a forwarded notification stays recorded whatever the caller does next.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean firstOfItsKind(String notifyingUser, String originalMessageId, String type) {
        return repository.recordFirst(notifyingUser, originalMessageId, type,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Forgets the records older than {@code age}; returns how many. */
    @Transactional
    public int forgetOlderThan(Duration age) {
        return repository.deleteOlderThan(clock.instant().minus(age));
    }

    /** Forgets every record of the user, whose account is being deleted; returns how many. */
    @Transactional
    public int forgetUser(String notifyingUser) {
        return repository.deleteOfUser(notifyingUser);
    }
}
