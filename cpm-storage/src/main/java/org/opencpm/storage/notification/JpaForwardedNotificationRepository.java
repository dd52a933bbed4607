package org.opencpm.storage.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;

@ApplicationScoped
public class JpaForwardedNotificationRepository implements ForwardedNotificationRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    // Looked up first: a second device's notification is the common case and should not cost a failed insert.
    // Two inserts racing still meet the primary key, and the loser gets false.
    @Override
    public boolean recordFirst(String notifyingUser, String messageId, String type, Instant now) {
        ForwardedNotification record = new ForwardedNotification(notifyingUser, messageId, type, now);
        if (em.find(ForwardedNotification.class, record.key()) != null) {
            return false;
        }
        try {
            em.persist(record);
            em.flush();
            return true;
        } catch (PersistenceException e) {
            if (isIntegrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public int deleteOlderThan(Instant before) {
        return em.createNamedQuery(ForwardedNotification.DELETE_OLDER_THAN)
                .setParameter("before", before)
                .executeUpdate();
    }

    @Override
    public int deleteOfUser(String notifyingUser) {
        return em.createNamedQuery(ForwardedNotification.DELETE_OF_USER)
                .setParameter("user", notifyingUser)
                .executeUpdate();
    }

    // SQLSTATE class 23 is "integrity constraint violation" in every dialect; every NOT NULL column is filled, so
    // here it is the primary key.
    private static boolean isIntegrityViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
