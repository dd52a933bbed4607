package org.opencpm.storage.notification;

import java.time.Instant;

/** Storage of forwarded-notification records; the JPA implementation in WildFly, an in-memory one for tests. */
public interface ForwardedNotificationRepository {

    /**
     * Records the key; true only for the first record of it. A concurrent duplicate insert makes the JPA
     * implementation's transaction rollback-only: call it in a transaction of its own.
     */
    boolean recordFirst(String notifyingUser, String messageId, String type, Instant now);

    /** Removes the records made before {@code before}; returns how many. */
    int deleteOlderThan(Instant before);

    /** Removes every record of the user; returns how many. */
    int deleteOfUser(String notifyingUser);
}
