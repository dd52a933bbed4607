package org.opencpm.storage.notification;

import jakarta.enterprise.inject.Vetoed;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Forwarded-notification records in memory, for tests; never used inside WildFly. Each call is atomic. */
@Vetoed
public class InMemoryForwardedNotificationRepository implements ForwardedNotificationRepository {

    private final Map<ForwardedNotification.Key, ForwardedNotification> records = new HashMap<>();

    @Override
    public synchronized boolean recordFirst(String notifyingUser, String messageId, String type, Instant now) {
        ForwardedNotification record = new ForwardedNotification(notifyingUser, messageId, type, now);
        return records.putIfAbsent(record.key(), record) == null;
    }

    @Override
    public synchronized int deleteOlderThan(Instant before) {
        int size = records.size();
        records.values().removeIf(r -> r.getCreatedAt().isBefore(before));
        return size - records.size();
    }

    @Override
    public synchronized int deleteOfUser(String notifyingUser) {
        int size = records.size();
        records.keySet().removeIf(k -> k.notifyingUser().equals(notifyingUser));
        return size - records.size();
    }
}
