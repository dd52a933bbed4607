package org.opencpm.storage.deferral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencpm.storage.deferral.DeferredMessageEntity.State;

/**
 * Claims with one conditional UPDATE that tags the rows it wins with a fresh claim id, then reads back the rows
 * carrying that id. The database re-checks the UPDATE's condition on a row another transaction changed in the
 * meantime (row lock, then re-evaluation), so of two concurrent claims the second finds the row in flight and
 * leaves it: a message is never handed to two deliveries at once.
 */
@ApplicationScoped
public class JpaDeferredMessageRepository implements DeferredMessageRepository {

    private static final int CLAIM_ROUNDS = 3;
    private static final Comparator<DeferredMessageEntity> OLDEST_FIRST =
            Comparator.comparing(DeferredMessageEntity::getDeferredAt).thenComparing(DeferredMessageEntity::getId);

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    @Override
    public void add(DeferredMessageEntity message) {
        em.persist(message);
    }

    @Override
    public long count(String recipient) {
        return em.createNamedQuery(DeferredMessageEntity.COUNT, Long.class)
                .setParameter("recipient", recipient)
                .getSingleResult();
    }

    // A concurrent claim of the same oldest messages leaves this one with fewer than it found: it looks again, a
    // few times, rather than come back empty-handed while messages wait.
    @Override
    public List<DeferredMessageEntity> claimOldest(String recipient, int max, Instant now, Instant leaseUntil) {
        List<DeferredMessageEntity> won = new ArrayList<>();
        for (int round = 0; round < CLAIM_ROUNDS && won.size() < max; round++) {
            List<UUID> candidates = em.createNamedQuery(DeferredMessageEntity.CLAIMABLE_IDS, UUID.class)
                    .setParameter("recipient", recipient)
                    .setParameter("now", now)
                    .setParameter("queued", State.QUEUED)
                    .setMaxResults(max - won.size())
                    .getResultList();
            List<DeferredMessageEntity> claimed = claim(recipient, candidates, now, leaseUntil);
            won.addAll(claimed);
            if (claimed.size() == candidates.size()) {
                break;
            }
        }
        won.sort(OLDEST_FIRST);
        return won;
    }

    @Override
    public List<DeferredMessageEntity> claim(String recipient, Collection<UUID> ids, Instant now,
                                             Instant leaseUntil) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID claimId = UUID.randomUUID();
        int won = em.createNamedQuery(DeferredMessageEntity.CLAIM)
                .setParameter("inFlight", State.IN_FLIGHT)
                .setParameter("leaseUntil", leaseUntil)
                .setParameter("claimId", claimId)
                .setParameter("ids", ids)
                .setParameter("recipient", recipient)
                .setParameter("now", now)
                .setParameter("queued", State.QUEUED)
                .executeUpdate();
        return won == 0 ? List.of() : claimed(ids, claimId);
    }

    @Override
    public void release(UUID id) {
        em.createNamedQuery(DeferredMessageEntity.RELEASE)
                .setParameter("queued", State.QUEUED)
                .setParameter("id", id)
                .setParameter("inFlight", State.IN_FLIGHT)
                .executeUpdate();
    }

    @Override
    public boolean delete(UUID id) {
        return em.createNamedQuery(DeferredMessageEntity.DELETE).setParameter("id", id).executeUpdate() > 0;
    }

    @Override
    public boolean delete(String recipient, UUID id) {
        return em.createNamedQuery(DeferredMessageEntity.DELETE_OF_RECIPIENT)
                .setParameter("id", id)
                .setParameter("recipient", recipient)
                .executeUpdate() > 0;
    }

    @Override
    public int deleteAll(String recipient) {
        return em.createNamedQuery(DeferredMessageEntity.DELETE_ALL_OF_RECIPIENT)
                .setParameter("recipient", recipient)
                .executeUpdate();
    }

    // Tagged first, like a claim, so that of two nodes taking expired messages at once each removes (and reports)
    // only the rows it tagged.
    @Override
    public List<DeferredMessageEntity> takeExpired(Instant now, int max) {
        List<UUID> candidates = em.createNamedQuery(DeferredMessageEntity.EXPIRED_IDS, UUID.class)
                .setParameter("now", now)
                .setParameter("queued", State.QUEUED)
                .setMaxResults(max)
                .getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        UUID claimId = UUID.randomUUID();
        int won = em.createNamedQuery(DeferredMessageEntity.CLAIM_EXPIRED)
                .setParameter("claimId", claimId)
                .setParameter("ids", candidates)
                .setParameter("now", now)
                .setParameter("queued", State.QUEUED)
                .executeUpdate();
        if (won == 0) {
            return List.of();
        }
        List<DeferredMessageEntity> taken = claimed(candidates, claimId);
        em.createNamedQuery(DeferredMessageEntity.DELETE_CLAIMED)
                .setParameter("ids", candidates)
                .setParameter("claimId", claimId)
                .executeUpdate();
        taken.forEach(em::detach);
        return taken;
    }

    @Override
    public List<String> recipientsWithClaimable(Instant now, int max) {
        return em.createNamedQuery(DeferredMessageEntity.RECIPIENTS_WITH_CLAIMABLE, String.class)
                .setParameter("now", now)
                .setParameter("queued", State.QUEUED)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<DeferredMessageEntity> unnotified(String recipient, Instant now, int max) {
        return em.createNamedQuery(DeferredMessageEntity.UNNOTIFIED, DeferredMessageEntity.class)
                .setParameter("recipient", recipient)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public void markNotified(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNamedQuery(DeferredMessageEntity.MARK_NOTIFIED)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @Override
    public List<DeferredMessageEntity> list(String recipient, int offset, int limit) {
        return em.createNamedQuery(DeferredMessageEntity.LIST, DeferredMessageEntity.class)
                .setParameter("recipient", recipient)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Optional<DeferredMessageEntity> find(String recipient, UUID id) {
        return em.createNamedQuery(DeferredMessageEntity.FIND, DeferredMessageEntity.class)
                .setParameter("id", id)
                .setParameter("recipient", recipient)
                .getResultList().stream()
                .findFirst();
    }

    /**
     * The rows tagged with {@code claimId}. Bulk statements bypass the persistence context: a row this transaction
     * had loaded before comes back as that stale managed copy, recognisable by its claim id, and is reloaded.
     */
    private List<DeferredMessageEntity> claimed(Collection<UUID> ids, UUID claimId) {
        List<DeferredMessageEntity> found = em.createNamedQuery(DeferredMessageEntity.CLAIMED,
                        DeferredMessageEntity.class)
                .setParameter("ids", ids)
                .setParameter("claimId", claimId)
                .getResultList();
        for (DeferredMessageEntity message : found) {
            if (!claimId.equals(message.getClaimId())) {
                em.refresh(message);
            }
        }
        return found;
    }
}
