package org.opencpm.deferral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opencpm.storage.deferral.DeferredMessageEntity;
import org.opencpm.storage.deferral.DeferredMessageRepository;

/**
 * The deferred message queue of the Participating Function (OMA CPM SD 5.2.5). Recipients are user names of the
 * home domain.
 * <p>
 * A delivery {@linkplain #claim claims} messages, which holds them for it for the policy's lease, then reports each
 * as {@linkplain #delivered delivered} (removed) or {@linkplain #release released} (queued again). A claim whose
 * delivery died runs out and the messages become claimable again, so each message is delivered at least once and
 * never by two deliveries at once. Expired messages are taken out by the SIP side ({@link #takeExpired}), which
 * owes their senders a negative delivery notification.
 * <p>
 * A full queue is an answer, not a failure: it leaves the caller's transaction alone.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = DeferralQueueFullException.class)
public class DeferralService {

    /** The most messages one call claims, takes out or reports unnotified; larger requests get this many. */
    public static final int MAX_BATCH = 500;
    /** The most messages on one admin page. */
    public static final int MAX_PAGE_SIZE = 200;

    private DeferredMessageRepository repository;
    private DeferralPolicy policy;
    private Clock clock;

    protected DeferralService() {
        // for CDI proxies
    }

    @Inject
    public DeferralService(DeferredMessageRepository repository, DeferralPolicy policy, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Queues the message for its recipient: with a new id, deferred now, expiring when the message says or else
     * after the policy's expiry.
     *
     * @return the message as queued
     * @throws DeferralQueueFullException if the recipient already has the policy's maximum of messages queued
     * @throws IllegalArgumentException   if a value is too long to store or a header line spans lines
     */
    public DeferredMessage defer(DeferredMessage message) {
        String recipient = Objects.requireNonNull(message.recipient(), "recipient");
        // A limit on storage, not an exact quota: two messages deferred at the same moment may both pass it.
        if (repository.count(recipient) >= policy.maxPerUser()) {
            throw new DeferralQueueFullException(recipient, policy.maxPerUser());
        }
        Instant now = now();
        Instant expiresAt = message.expiresAt() != null ? millis(message.expiresAt()) : now.plus(policy.expiry());
        DeferredMessageEntity stored = new DeferredMessageEntity(UUID.randomUUID(), recipient, message.fromHeader(),
                message.senderIdentity(), message.headerLines(), message.contentType(), message.body(),
                message.notification(), message.imdnMessageId(), message.dispositionRequest(), message.subject(),
                now, expiresAt);
        repository.add(stored);
        return message(stored);
    }

    /**
     * Claims up to {@code max} (at most {@value #MAX_BATCH}) of the recipient's unexpired messages that no live
     * claim holds, oldest first, for one delivery (OMA CPM SD 5.2.5.2, pushing on registration).
     */
    public List<DeferredMessage> claim(String recipient, int max) {
        Instant now = now();
        return messages(repository.claimOldest(recipient, batch(max), now, now.plus(policy.lease())));
    }

    /**
     * Claims those of the given messages that are the recipient's, unexpired and not held by a live claim, oldest
     * first (OMA CPM SD 5.2.5.1: the client names the messages it retrieves).
     */
    public List<DeferredMessage> claim(String recipient, Collection<UUID> ids) {
        Instant now = now();
        Instant leaseUntil = now.plus(policy.lease());
        List<UUID> wanted = List.copyOf(ids);
        List<DeferredMessageEntity> claimed = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += MAX_BATCH) {
            List<UUID> chunk = wanted.subList(from, Math.min(wanted.size(), from + MAX_BATCH));
            claimed.addAll(repository.claim(recipient, chunk, now, leaseUntil));
        }
        return messages(claimed);
    }

    /** The message reached the recipient (or was otherwise handled): it leaves the queue. Idempotent. */
    public void delivered(UUID id) {
        repository.delete(id);
    }

    /**
     * The delivery holding the message gave up on it: it is queued again for the next claim. Idempotent; nothing
     * happens to a message that is gone. Only the holder of the current claim may release it.
     */
    public void release(UUID id) {
        repository.release(id);
    }

    /**
     * Removes and returns up to {@code max} (at most {@value #MAX_BATCH}) expired messages that no live claim
     * holds (OMA CPM SD 5.2.5 note 2), soonest expired first.
     */
    public List<DeferredMessage> takeExpired(int max) {
        return messages(repository.takeExpired(now(), batch(max)));
    }

    /** Up to {@code max} recipients, in name order, with messages a delivery could claim now; for retry sweeps. */
    public List<String> recipientsWithQueuedMessages(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return repository.recipientsWithClaimable(now(), max);
    }

    /**
     * Up to {@code max} (at most {@value #MAX_BATCH}) of the recipient's unexpired messages its clients have not
     * been told about in band yet, oldest first (OMA CPM SD 5.2.5.1). Deferred disposition notifications are not
     * among them: the client chooses among standalone messages, notifications simply follow.
     */
    public List<DeferredMessage> unnotified(String recipient, int max) {
        return messages(repository.unnotified(recipient, now(), batch(max)));
    }

    /** Records that the recipient's clients were told about these messages (OMA CPM SD 5.2.5.1). */
    public void markNotified(Collection<UUID> ids) {
        Instant now = now();
        List<UUID> told = List.copyOf(ids);
        for (int from = 0; from < told.size(); from += MAX_BATCH) {
            repository.markNotified(told.subList(from, Math.min(told.size(), from + MAX_BATCH)), now);
        }
    }

    /**
     * The recipient's queue, oldest first, {@code limit} (1 to {@value #MAX_PAGE_SIZE}) messages from position
     * {@code offset}, expired ones included until they are taken out.
     */
    public DeferredPage list(String recipient, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("offset must be 0 or more, limit 1 to " + MAX_PAGE_SIZE);
        }
        List<QueuedMessage> items = repository.list(recipient, offset, limit).stream()
                .map(m -> new QueuedMessage(message(m), m.getAttempts()))
                .toList();
        return new DeferredPage(items, repository.count(recipient));
    }

    /** The recipient's message with this id. */
    public Optional<QueuedMessage> find(String recipient, UUID id) {
        return repository.find(recipient, id).map(m -> new QueuedMessage(message(m), m.getAttempts()));
    }

    /** Removes the recipient's message with this id, whatever its state; false if there was none. */
    public boolean remove(String recipient, UUID id) {
        return repository.delete(recipient, id);
    }

    /** Empties the recipient's queue, in-flight messages included; returns how many messages went. */
    public int purge(String recipient) {
        return repository.deleteAll(recipient);
    }

    public long count(String recipient) {
        return repository.count(recipient);
    }

    // Millisecond precision, what every supported database keeps: a time reads back as it was returned.
    private Instant now() {
        return millis(clock.instant());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static int batch(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return Math.min(max, MAX_BATCH);
    }

    private static List<DeferredMessage> messages(List<DeferredMessageEntity> entities) {
        return entities.stream().map(DeferralService::message).toList();
    }

    private static DeferredMessage message(DeferredMessageEntity m) {
        return new DeferredMessage(m.getId(), m.getRecipient(), m.getFromHeader(), m.getSenderIdentity(),
                m.getHeaderLines(), m.getContentType(), m.getBody(), m.isNotification(), m.getImdnMessageId(),
                m.getDispositionRequest(), m.getSubject(), m.getDeferredAt(), m.getExpiresAt());
    }
}
