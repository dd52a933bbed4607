package org.opencpm.storage.recording;

import jakarta.enterprise.inject.Vetoed;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The recording outbox in memory, for tests outside WildFly. */
@Vetoed
public class InMemoryRecordingOutboxRepository implements RecordingOutboxRepository {

    private static final Comparator<RecordingEntry> RECORDING_ORDER =
            Comparator.comparing(RecordingEntry::getCreatedAt).thenComparingLong(RecordingEntry::getSequence);

    private final Map<UUID, RecordingEntry> entries = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean add(RecordingEntry entry) {
        if (findByKey(entry.getRecordKey()).isPresent()) {
            return false;
        }
        entries.put(entry.getId(), entry);
        return true;
    }

    @Override
    public List<RecordingEntry> due(Instant now, int limit) {
        return entries.values().stream()
                .filter(e -> e.getStoredAt() == null && !e.getNextAttempt().isAfter(now))
                .sorted(RECORDING_ORDER).limit(limit).toList();
    }

    @Override
    public void attempting(Collection<UUID> ids, Instant retryAt) {
        ids.forEach(id -> with(id).ifPresent(e -> e.attempting(retryAt)));
    }

    @Override
    public void stored(UUID id, String mailbox, long uid, Instant at) {
        with(id).ifPresent(e -> e.stored(mailbox, uid, at));
    }

    @Override
    public void postpone(Collection<UUID> ids, String error, Instant next) {
        ids.forEach(id -> failed(id, error, next));
    }

    @Override
    public void failed(UUID id, String error, Instant next) {
        with(id).ifPresent(e -> e.failed(error, next));
    }

    @Override
    public List<RecordingEntry> temporaryDue(Instant now, int limit) {
        return entries.values().stream()
                .filter(e -> e.getStoredAt() != null && e.getTemporaryUntil() != null
                        && !e.getTemporaryUntil().isAfter(now))
                .sorted(Comparator.comparing(RecordingEntry::getTemporaryUntil)).limit(limit).toList();
    }

    @Override
    public void temporaryEnded(UUID id) {
        with(id).ifPresent(RecordingEntry::temporaryEnded);
    }

    @Override
    public int forgetStored(Instant storedBefore, int limit) {
        List<UUID> old = entries.values().stream()
                .filter(e -> e.getStoredAt() != null && e.getStoredAt().isBefore(storedBefore)
                        && e.getTemporaryUntil() == null)
                .limit(limit).map(RecordingEntry::getId).toList();
        old.forEach(entries::remove);
        return old.size();
    }

    @Override
    public List<RecordingEntry> unstoredSince(Instant createdBefore, int limit) {
        return entries.values().stream()
                .filter(e -> e.getStoredAt() == null && e.getCreatedAt().isBefore(createdBefore))
                .sorted(RECORDING_ORDER).limit(limit).toList();
    }

    @Override
    public boolean delete(UUID id) {
        return entries.remove(id) != null;
    }

    @Override
    public long waiting() {
        return entries.values().stream().filter(e -> e.getStoredAt() == null).count();
    }

    @Override
    public Optional<RecordingEntry> findByKey(String recordKey) {
        return entries.values().stream().filter(e -> e.getRecordKey().equals(recordKey)).findFirst();
    }

    @Override
    public List<String> spoolFilesIn(Collection<String> names) {
        return entries.values().stream().map(RecordingEntry::getSpoolFile)
                .filter(f -> f != null && names.contains(f)).toList();
    }

    private Optional<RecordingEntry> with(UUID id) {
        return Optional.ofNullable(entries.get(id));
    }
}
