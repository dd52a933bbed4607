package org.opencpm.storage.recording;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The recording outbox in the OpenCPM database. A second row with a record key already there is refused by the
 * unique constraint, should two recordings of the same object race past the caller's look-up.
 */
@ApplicationScoped
public class JpaRecordingOutboxRepository implements RecordingOutboxRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    @Override
    public boolean add(RecordingEntry entry) {
        em.persist(entry);
        return true;
    }

    @Override
    public List<RecordingEntry> due(Instant now, int limit) {
        return detached(em.createQuery("select e from RecordingEntry e where e.storedAt is null and e.nextAttempt <= :now"
                        + " order by e.createdAt, e.sequence", RecordingEntry.class)
                .setParameter("now", now).setMaxResults(limit).getResultList());
    }

    @Override
    public void attempting(Collection<UUID> ids, Instant retryAt) {
        if (ids.isEmpty()) {
            return;
        }
        em.createQuery("update RecordingEntry e set e.attempts = e.attempts + 1, e.checkFirst = true,"
                        + " e.nextAttempt = :retryAt where e.id in :ids")
                .setParameter("retryAt", retryAt).setParameter("ids", ids).executeUpdate();
    }

    @Override
    public void stored(UUID id, String mailbox, long uid, Instant at) {
        RecordingEntry e = em.find(RecordingEntry.class, id);
        if (e != null) {
            e.stored(mailbox, uid, at);
        }
    }

    @Override
    public void postpone(Collection<UUID> ids, String error, Instant next) {
        if (ids.isEmpty()) {
            return;
        }
        String cut = error == null ? null : error.substring(0, Math.min(error.length(), RecordingEntry.MAX_ERROR));
        for (int from = 0; from < ids.size(); from += 500) { // bounded IN lists
            List<UUID> chunk = List.copyOf(ids).subList(from, Math.min(ids.size(), from + 500));
            em.createQuery("update RecordingEntry e set e.lastError = :error, e.nextAttempt = :next where e.id in :ids")
                    .setParameter("error", cut).setParameter("next", next).setParameter("ids", chunk).executeUpdate();
        }
    }

    @Override
    public void failed(UUID id, String error, Instant next) {
        RecordingEntry e = em.find(RecordingEntry.class, id);
        if (e != null) {
            e.failed(error, next);
        }
    }

    @Override
    public List<RecordingEntry> temporaryDue(Instant now, int limit) {
        return detached(em.createQuery("select e from RecordingEntry e where e.storedAt is not null"
                        + " and e.temporaryUntil <= :now order by e.temporaryUntil", RecordingEntry.class)
                .setParameter("now", now).setMaxResults(limit).getResultList());
    }

    @Override
    public void temporaryEnded(UUID id) {
        RecordingEntry e = em.find(RecordingEntry.class, id);
        if (e != null) {
            e.temporaryEnded();
        }
    }

    @Override
    public int forgetStored(Instant storedBefore, int limit) {
        List<UUID> old = em.createQuery("select e.id from RecordingEntry e where e.storedAt < :before"
                        + " and e.temporaryUntil is null", UUID.class)
                .setParameter("before", storedBefore).setMaxResults(limit).getResultList();
        if (old.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from RecordingEntry e where e.id in :ids").setParameter("ids", old)
                .executeUpdate();
    }

    @Override
    public List<RecordingEntry> unstoredSince(Instant createdBefore, int limit) {
        return detached(em.createQuery("select e from RecordingEntry e where e.storedAt is null"
                        + " and e.createdAt < :before order by e.createdAt, e.sequence", RecordingEntry.class)
                .setParameter("before", createdBefore).setMaxResults(limit).getResultList());
    }

    @Override
    public boolean delete(UUID id) {
        return em.createQuery("delete from RecordingEntry e where e.id = :id").setParameter("id", id)
                .executeUpdate() > 0;
    }

    @Override
    public long waiting() {
        return em.createQuery("select count(e) from RecordingEntry e where e.storedAt is null", Long.class)
                .getSingleResult();
    }

    @Override
    public Optional<RecordingEntry> findByKey(String recordKey) {
        return em.createQuery("select e from RecordingEntry e where e.recordKey = :key", RecordingEntry.class)
                .setParameter("key", recordKey).getResultStream().findFirst();
    }

    @Override
    public List<String> spoolFilesIn(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e.spoolFile from RecordingEntry e where e.spoolFile in :names", String.class)
                .setParameter("names", names).getResultList();
    }

    private List<RecordingEntry> detached(List<RecordingEntry> found) {
        found.forEach(em::detach);
        return found;
    }
}
