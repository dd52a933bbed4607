package org.opencpm.storage.deferral;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Storage of deferred messages; the JPA implementation in WildFly, an in-memory one for tests. Claims are atomic:
 * of two callers claiming the same message at once, at most one gets it, whether they run in one JVM or on two
 * nodes sharing the database. Runs in the caller's transaction.
 */
public interface DeferredMessageRepository {

    void add(DeferredMessageEntity message);

    long count(String recipient);

    /**
     * Claims up to {@code max} of the recipient's claimable messages, oldest first: in flight until
     * {@code leaseUntil}, one more attempt. Returns what this call won, which may be fewer than were claimable
     * when another claim took some at the same time.
     */
    List<DeferredMessageEntity> claimOldest(String recipient, int max, Instant now, Instant leaseUntil);

    /** As {@link #claimOldest}, for the recipient's messages among {@code ids}. */
    List<DeferredMessageEntity> claim(String recipient, Collection<UUID> ids, Instant now, Instant leaseUntil);

    /** Back to queued if in flight; nothing when it is queued or gone. */
    void release(UUID id);

    /** Removes the message; false if there was none. */
    boolean delete(UUID id);

    /** Removes the message if it is the recipient's; false if there was none. */
    boolean delete(String recipient, UUID id);

    /** Removes all the recipient's messages, in flight or not; returns how many. */
    int deleteAll(String recipient);

    /** Removes and returns up to {@code max} free messages expired at {@code now}, soonest expired first. */
    List<DeferredMessageEntity> takeExpired(Instant now, int max);

    /** Up to {@code max} recipients that have claimable messages, in name order. */
    List<String> recipientsWithClaimable(Instant now, int max);

    /** Up to {@code max} of the recipient's unexpired messages (not notifications) not announced yet, oldest first. */
    List<DeferredMessageEntity> unnotified(String recipient, Instant now, int max);

    /** Records that these messages were announced at {@code now}; those announced before keep their time. */
    void markNotified(Collection<UUID> ids, Instant now);

    /** The recipient's messages, oldest first, {@code limit} of them from position {@code offset}. */
    List<DeferredMessageEntity> list(String recipient, int offset, int limit);

    Optional<DeferredMessageEntity> find(String recipient, UUID id);
}
