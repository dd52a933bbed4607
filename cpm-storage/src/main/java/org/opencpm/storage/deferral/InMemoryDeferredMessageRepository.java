package org.opencpm.storage.deferral;

import jakarta.enterprise.inject.Vetoed;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Deferred messages in memory, for tests; never used inside WildFly. Every method holds the one lock, which makes
 * claims atomic, and hands out copies, so callers see a snapshot as the database would give them.
 */
@Vetoed
public class InMemoryDeferredMessageRepository implements DeferredMessageRepository {

    private static final Comparator<DeferredMessageEntity> OLDEST_FIRST =
            Comparator.comparing(DeferredMessageEntity::getDeferredAt).thenComparing(DeferredMessageEntity::getId);

    private final Map<UUID, DeferredMessageEntity> messages = new LinkedHashMap<>();

    @Override
    public synchronized void add(DeferredMessageEntity message) {
        if (messages.putIfAbsent(message.getId(), message.copy()) != null) {
            throw new IllegalStateException("Duplicate id " + message.getId());
        }
    }

    @Override
    public synchronized long count(String recipient) {
        return of(recipient).count();
    }

    @Override
    public synchronized List<DeferredMessageEntity> claimOldest(String recipient, int max, Instant now,
                                                                Instant leaseUntil) {
        return claim(of(recipient).filter(m -> m.isClaimableAt(now)).sorted(OLDEST_FIRST).limit(max), leaseUntil);
    }

    @Override
    public synchronized List<DeferredMessageEntity> claim(String recipient, Collection<UUID> ids, Instant now,
                                                          Instant leaseUntil) {
        Set<UUID> wanted = new HashSet<>(ids);
        return claim(of(recipient).filter(m -> wanted.contains(m.getId()) && m.isClaimableAt(now))
                .sorted(OLDEST_FIRST), leaseUntil);
    }

    @Override
    public synchronized void release(UUID id) {
        DeferredMessageEntity message = messages.get(id);
        if (message != null && message.getState() == DeferredMessageEntity.State.IN_FLIGHT) {
            message.release();
        }
    }

    @Override
    public synchronized boolean delete(UUID id) {
        return messages.remove(id) != null;
    }

    @Override
    public synchronized boolean delete(String recipient, UUID id) {
        DeferredMessageEntity message = messages.get(id);
        return message != null && message.getRecipient().equals(recipient) && messages.remove(id) != null;
    }

    @Override
    public synchronized int deleteAll(String recipient) {
        int before = messages.size();
        messages.values().removeIf(m -> m.getRecipient().equals(recipient));
        return before - messages.size();
    }

    @Override
    public synchronized List<DeferredMessageEntity> takeExpired(Instant now, int max) {
        List<DeferredMessageEntity> expired = messages.values().stream()
                .filter(m -> m.isFreeAt(now) && !m.getExpiresAt().isAfter(now))
                .sorted(Comparator.comparing(DeferredMessageEntity::getExpiresAt)
                        .thenComparing(DeferredMessageEntity::getId))
                .limit(max)
                .toList();
        expired.forEach(m -> messages.remove(m.getId()));
        return expired;
    }

    @Override
    public synchronized List<String> recipientsWithClaimable(Instant now, int max) {
        return messages.values().stream().filter(m -> m.isClaimableAt(now))
                .map(DeferredMessageEntity::getRecipient).distinct().sorted().limit(max).toList();
    }

    @Override
    public synchronized List<DeferredMessageEntity> unnotified(String recipient, Instant now, int max) {
        return of(recipient)
                .filter(m -> m.getNotifiedAt() == null && !m.isNotification() && m.getExpiresAt().isAfter(now))
                .sorted(OLDEST_FIRST).limit(max).map(DeferredMessageEntity::copy).toList();
    }

    @Override
    public synchronized void markNotified(Collection<UUID> ids, Instant now) {
        for (UUID id : ids) {
            DeferredMessageEntity message = messages.get(id);
            if (message != null && message.getNotifiedAt() == null) {
                message.notified(now);
            }
        }
    }

    @Override
    public synchronized List<DeferredMessageEntity> list(String recipient, int offset, int limit) {
        return of(recipient).sorted(OLDEST_FIRST).skip(offset).limit(limit).map(DeferredMessageEntity::copy).toList();
    }

    @Override
    public synchronized Optional<DeferredMessageEntity> find(String recipient, UUID id) {
        return Optional.ofNullable(messages.get(id)).filter(m -> m.getRecipient().equals(recipient))
                .map(DeferredMessageEntity::copy);
    }

    private Stream<DeferredMessageEntity> of(String recipient) {
        return messages.values().stream().filter(m -> m.getRecipient().equals(recipient));
    }

    private static List<DeferredMessageEntity> claim(Stream<DeferredMessageEntity> claimable, Instant leaseUntil) {
        UUID claimId = UUID.randomUUID();
        return claimable.toList().stream().map(m -> {
            m.claim(claimId, leaseUntil);
            return m.copy();
        }).toList();
    }
}
