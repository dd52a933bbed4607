package org.opencpm.storage.controlling;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of tracked messages and their collected notifications; the JPA implementation in WildFly, an in-memory
 * one for tests. Callers run each use in one transaction and {@link #lock} the tracked message first, so that
 * the notifications of one message are collected and sent one caller at a time.
 */
public interface NotificationAggregationRepository {

    /** Stores a tracked message; false when one with the same route, message id and sender exists. */
    boolean track(TrackedMessage message);

    /** The tracked message, locked until the transaction ends. */
    Optional<TrackedMessage> lock(String routeAddress, String messageId, String senderAddress);

    /** The tracked message by id, locked until the transaction ends. */
    Optional<TrackedMessage> lock(UUID id);

    /** Stores a notification; false when its notifier already gave one of its type for that message. */
    boolean collect(CollectedNotification notification);

    /** How many notifications of {@code type} were collected for the tracked message, sent or not. */
    long count(UUID trackingId, String type);

    /** The notifications of the tracked message not sent yet, oldest first. */
    List<CollectedNotification> pending(UUID trackingId);

    void markSent(Collection<UUID> notificationIds, Instant now);

    /** Tracked messages with a notification waiting since {@code before} or earlier, at most {@code max}. */
    List<UUID> waitingSince(Instant before, int max);

    /** Removes the tracked messages expired at {@code now} with their notifications; returns how many messages. */
    int deleteExpired(Instant now);
}
