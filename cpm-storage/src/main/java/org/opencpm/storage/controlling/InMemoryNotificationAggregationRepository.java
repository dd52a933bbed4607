package org.opencpm.storage.controlling;

import jakarta.enterprise.inject.Vetoed;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tracked messages and notifications in memory, for tests; never used inside WildFly. Every method holds the
 * one lock; {@link #lock} locks nothing more, which is enough for single-threaded tests.
 */
@Vetoed
public class InMemoryNotificationAggregationRepository implements NotificationAggregationRepository {

    private final Map<UUID, TrackedMessage> tracked = new LinkedHashMap<>();
    private final Map<UUID, CollectedNotification> collected = new LinkedHashMap<>();

    @Override
    public synchronized boolean track(TrackedMessage message) {
        if (find(message.getRouteAddress(), message.getMessageId(), message.getSenderAddress()).isPresent()) {
            return false;
        }
        tracked.put(message.getId(), message);
        return true;
    }

    @Override
    public synchronized Optional<TrackedMessage> lock(String routeAddress, String messageId, String senderAddress) {
        return find(routeAddress, messageId, senderAddress);
    }

    @Override
    public synchronized Optional<TrackedMessage> lock(UUID id) {
        return Optional.ofNullable(tracked.get(id));
    }

    @Override
    public synchronized boolean collect(CollectedNotification notification) {
        boolean exists = collected.values().stream().anyMatch(n -> n.getTrackingId().equals(
                notification.getTrackingId()) && n.getNotifier().equals(notification.getNotifier())
                && n.getType().equals(notification.getType()));
        if (exists) {
            return false;
        }
        collected.put(notification.getId(), notification.copy());
        return true;
    }

    @Override
    public synchronized long count(UUID trackingId, String type) {
        return collected.values().stream()
                .filter(n -> n.getTrackingId().equals(trackingId) && n.getType().equals(type))
                .count();
    }

    @Override
    public synchronized List<CollectedNotification> pending(UUID trackingId) {
        return collected.values().stream()
                .filter(n -> n.getTrackingId().equals(trackingId) && n.getSentAt() == null)
                .sorted(Comparator.comparing(CollectedNotification::getReceivedAt)
                        .thenComparing(CollectedNotification::getId))
                .map(CollectedNotification::copy)
                .toList();
    }

    @Override
    public synchronized void markSent(Collection<UUID> notificationIds, Instant now) {
        for (UUID id : notificationIds) {
            CollectedNotification n = collected.get(id);
            if (n != null && n.getSentAt() == null) {
                n.markSent(now);
            }
        }
    }

    @Override
    public synchronized List<UUID> waitingSince(Instant before, int max) {
        return collected.values().stream()
                .filter(n -> n.getSentAt() == null && !n.getReceivedAt().isAfter(before))
                .map(CollectedNotification::getTrackingId)
                .distinct()
                .limit(max)
                .toList();
    }

    @Override
    public synchronized int deleteExpired(Instant now) {
        List<UUID> expired = tracked.values().stream()
                .filter(t -> !t.getExpiresAt().isAfter(now))
                .map(TrackedMessage::getId)
                .toList();
        collected.values().removeIf(n -> expired.contains(n.getTrackingId()));
        expired.forEach(tracked::remove);
        return expired.size();
    }

    private Optional<TrackedMessage> find(String routeAddress, String messageId, String senderAddress) {
        return tracked.values().stream()
                .filter(t -> t.getRouteAddress().equals(routeAddress) && t.getMessageId().equals(messageId)
                        && t.getSenderAddress().equals(senderAddress))
                .findFirst();
    }
}
