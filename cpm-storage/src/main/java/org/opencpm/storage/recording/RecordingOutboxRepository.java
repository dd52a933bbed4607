package org.opencpm.storage.recording;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Storage of the recording outbox; the JPA implementation in WildFly, an in-memory one for tests. Runs in the
 * caller's transaction. One uploader works through it at a time (the uploader is a singleton).
 */
public interface RecordingOutboxRepository {

    /**
     * Adds the entry; the caller has looked for its record key ({@link #findByKey}) in the same transaction. A second
     * entry with the key is refused all the same: false, or (JPA) the unique constraint when the transaction commits.
     */
    boolean add(RecordingEntry entry);

    /** Up to {@code limit} entries not stored yet whose next attempt is due at {@code now}, in recording order. */
    List<RecordingEntry> due(Instant now, int limit);

    /** Marks an upload of these entries as begun; a later attempt looks for the object first. */
    void attempting(Collection<UUID> ids, Instant retryAt);

    /** The entry is in the store: its content goes, the row stays as the memory of the recording. */
    void stored(UUID id, String mailbox, long uid, Instant at);

    /** These entries are not attempted now: try them at {@code next}. */
    void postpone(Collection<UUID> ids, String error, Instant next);

    /** The upload failed; try again at {@code next}. */
    void failed(UUID id, String error, Instant next);

    /** Up to {@code limit} stored entries whose time as a temporary object is up at {@code now}. */
    List<RecordingEntry> temporaryDue(Instant now, int limit);

    /** The object is no longer temporary (made a stored object, or discarded). */
    void temporaryEnded(UUID id);

    /** Forgets up to {@code limit} entries stored before {@code storedBefore} and no longer temporary. */
    int forgetStored(Instant storedBefore, int limit);

    /** Up to {@code limit} entries still not stored that were recorded before {@code createdBefore}. */
    List<RecordingEntry> unstoredSince(Instant createdBefore, int limit);

    /** Removes the entry; false if there was none. */
    boolean delete(UUID id);

    /** How many entries wait for their upload. */
    long waiting();

    /** The entry with this record key, if any. */
    java.util.Optional<RecordingEntry> findByKey(String recordKey);

    /** The names of the spool files entries refer to, among {@code names}. */
    List<String> spoolFilesIn(Collection<String> names);
}
