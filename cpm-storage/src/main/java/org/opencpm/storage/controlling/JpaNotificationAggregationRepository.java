package org.opencpm.storage.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencpm.storage.IntegrityViolations;

/**
 * The tracked message's row lock (SELECT ... FOR UPDATE) serialises everything done for one message, across
 * nodes too: a collect and a flush of the same message never interleave, so no notification is sent twice.
 */
@ApplicationScoped
public class JpaNotificationAggregationRepository implements NotificationAggregationRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    // Looked up first: a retransmitted message finds its tracking; two inserts racing meet the unique key.
    @Override
    public boolean track(TrackedMessage message) {
        if (!em.createNamedQuery(TrackedMessage.FIND, TrackedMessage.class)
                .setParameter("route", message.getRouteAddress())
                .setParameter("messageId", message.getMessageId())
                .setParameter("sender", message.getSenderAddress())
                .getResultList().isEmpty()) {
            return false;
        }
        try {
            em.persist(message);
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (IntegrityViolations.causedBy(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<TrackedMessage> lock(String routeAddress, String messageId, String senderAddress) {
        return em.createNamedQuery(TrackedMessage.FIND, TrackedMessage.class)
                .setParameter("route", routeAddress)
                .setParameter("messageId", messageId)
                .setParameter("sender", senderAddress)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().findFirst();
    }

    @Override
    public Optional<TrackedMessage> lock(UUID id) {
        return Optional.ofNullable(em.find(TrackedMessage.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean collect(CollectedNotification notification) {
        long existing = em.createNamedQuery(CollectedNotification.EXISTS, Long.class)
                .setParameter("tracking", notification.getTrackingId())
                .setParameter("notifier", notification.getNotifier())
                .setParameter("type", notification.getType())
                .getSingleResult();
        if (existing > 0) {
            return false;
        }
        em.persist(notification);
        return true;
    }

    @Override
    public long count(UUID trackingId, String type) {
        em.flush(); // count what this transaction collected too
        return em.createNamedQuery(CollectedNotification.COUNT_OF_TYPE, Long.class)
                .setParameter("tracking", trackingId)
                .setParameter("type", type)
                .getSingleResult();
    }

    @Override
    public List<CollectedNotification> pending(UUID trackingId) {
        em.flush();
        return em.createNamedQuery(CollectedNotification.PENDING, CollectedNotification.class)
                .setParameter("tracking", trackingId)
                .getResultList();
    }

    @Override
    public void markSent(Collection<UUID> notificationIds, Instant now) {
        if (notificationIds.isEmpty()) {
            return;
        }
        em.flush();
        em.createNamedQuery(CollectedNotification.MARK_SENT)
                .setParameter("ids", notificationIds)
                .setParameter("now", now)
                .executeUpdate();
    }

    @Override
    public List<UUID> waitingSince(Instant before, int max) {
        return em.createNamedQuery(CollectedNotification.DUE, UUID.class)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public int deleteExpired(Instant now) {
        List<UUID> expired = em.createNamedQuery(TrackedMessage.EXPIRED, UUID.class)
                .setParameter("now", now)
                .getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        em.createNamedQuery(CollectedNotification.DELETE_OF).setParameter("ids", expired).executeUpdate();
        return em.createNamedQuery(TrackedMessage.DELETE).setParameter("ids", expired).executeUpdate();
    }
}
