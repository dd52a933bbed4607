package org.opencpm.storage.cms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox of account changes for the message store; every method runs in the caller's transaction. */
@ApplicationScoped
public class StoreAccountChangeRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    /** Records that {@code login} must exist with {@code password} ({@code present}) or be gone, due at once. */
    public void record(String login, boolean present, String password, Instant now) {
        StoreAccountChange change = em.find(StoreAccountChange.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (change == null) {
            change = new StoreAccountChange(login);
            change.change(present, password, now);
            em.persist(change);
        } else {
            change.change(present, password, now);
        }
    }

    /** Up to {@code limit} changes whose next attempt is due at {@code now}, the longest waiting first. */
    public List<StoreAccountChange> due(Instant now, int limit) {
        List<StoreAccountChange> due = em.createNamedQuery(StoreAccountChange.DUE, StoreAccountChange.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        due.forEach(em::detach);
        return due;
    }

    /** Forgets the change, unless a newer one has replaced it meanwhile. */
    public void applied(String login, long revision) {
        em.createNamedQuery(StoreAccountChange.DELETE_APPLIED)
                .setParameter("login", login)
                .setParameter("revision", revision)
                .executeUpdate();
    }

    /** Counts a failed attempt and when to try again, unless a newer change has replaced it meanwhile. */
    public void failed(String login, long revision, String error, Instant next) {
        StoreAccountChange change = em.find(StoreAccountChange.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (change != null && change.getRevision() == revision) {
            change.failed(error, next);
        }
    }

    public Optional<StoreAccountChange> find(String login) {
        return Optional.ofNullable(em.find(StoreAccountChange.class, login));
    }

    public long count() {
        return em.createQuery("select count(c) from StoreAccountChange c", Long.class).getSingleResult();
    }
}
