package org.opencpm.recording;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.imap.MessageStoreException;
import org.opencpm.messagestore.imap.MessageStoreWriter;
import org.opencpm.messagestore.imap.StoreResult;
import org.opencpm.messagestore.imap.UnknownStoreUserException;
import org.opencpm.messagestore.imap.UserStore;
import org.opencpm.messagestore.objects.StoredObject;
import org.opencpm.storage.recording.RecordingEntry;

/**
 * Uploads what the outbox holds into the users' stores, one pass at a time (the caller makes sure of that: one
 * uploader per outbox is what keeps "nothing stored twice" true, see {@link UserStore}).
 * <p>
 * Before its upload an entry is marked as attempted, so that whatever happens next (the store dies after taking
 * the object, this server dies) the next attempt looks for the object before appending it. An object's first attempt
 * appends without looking: nothing can have stored it before. Entries of one owner go over one IMAP connection, in
 * the order they were recorded. A store that fails ends the pass: what is left is due again after the retry time.
 */
public final class RecordingUploads {

    private static final Logger LOG = Logger.getLogger(RecordingUploads.class.getName());

    private final RecordingOutbox outbox;
    private final MessageStoreWriter writer;
    private final RecordingPolicy policy;
    private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

    private int failuresLogged;
    private long lastWarning;

    public RecordingUploads(RecordingOutbox outbox, MessageStoreWriter writer, RecordingPolicy policy) {
        this.outbox = outbox;
        this.writer = writer;
        this.policy = policy;
    }

    /** What one pass did; {@code storeFailed}: the store was unreachable or refused us (not: had no such account). */
    public record Pass(int due, int stored, boolean storeFailed) {
    }

    /** Uploads up to {@code batch} due entries. */
    public Pass upload(int batch) {
        List<RecordingEntry> due = outbox.due(batch);
        if (due.isEmpty()) {
            return new Pass(0, 0, false);
        }
        Map<String, List<RecordingEntry>> byOwner = new LinkedHashMap<>();
        for (RecordingEntry e : due) {
            byOwner.computeIfAbsent(e.getOwner(), o -> new ArrayList<>()).add(e);
        }
        int stored = 0;
        int handled = 0; // entries of the pass stored or given a later attempt
        boolean failed = false;
        boolean unknownUser = false; // the others' recordings still go
        for (Map.Entry<String, List<RecordingEntry>> owner : byOwner.entrySet()) {
            List<RecordingEntry> entries = owner.getValue();
            int done = 0;
            try (UserStore store = writer.open(owner.getKey())) {
                Marks marks = new Marks();
                try {
                    for (RecordingEntry entry : entries) {
                        if (upload(store, entry, marks)) {
                            stored++;
                        }
                        done++;
                    }
                } finally {
                    marks.flush(); // also when the store failed: what it took before is stored
                }
                handled += done;
            } catch (UnknownStoreUserException e) {
                // the account may not have reached the store yet (its sync retries too)
                outbox.postpone(ids(entries.subList(done, entries.size())), e.getMessage());
                handled += entries.size();
                logFailure("the message store has no account " + owner.getKey() + " yet", e);
                unknownUser = true;
            } catch (MessageStoreException e) {
                // the store is down or refuses us: the rest of the pass would fail alike, and waits
                outbox.postpone(ids(due.subList(handled + done, due.size())), e.getMessage());
                logFailure("the message store did not take " + owner.getKey() + "'s recordings", e);
                failed = true;
                break;
            }
        }
        if (!failed && !unknownUser && failuresLogged > 0) {
            LOG.info("Recording: the message store takes recordings again");
            failuresLogged = 0;
        }
        return new Pass(due.size(), stored, failed);
    }

    /**
     * Stores one entry; false when its object cannot be read back (logged, retried until given up). The entry is
     * marked as attempted before its APPEND: should the answer never come (the store or this server dies), the next
     * attempt looks for the object first. Only that entry pays for the search.
     */
    private boolean upload(UserStore store, RecordingEntry entry, Marks marks) throws MessageStoreException {
        boolean checkFirst = entry.isCheckFirst(); // as it was before this attempt
        try {
            CpmFolder folder = CpmFolder.fromKey(entry.getFolder());
            StoredObject object = outbox.object(entry);
            marks.attempting(entry);
            StoreResult result = store.store(folder, object, checkFirst, entry.getTemporaryUntil() != null);
            marks.stored(new RecordingOutbox.Stored(entry, result.mailbox(), result.uid()));
            LOG.fine(() -> "Recording: " + entry.getObjectKind() + " " + entry.getMessageId() + " stored in "
                    + entry.getOwner() + "'s " + result.mailbox() + (result.alreadyStored() ? " (was there)" : ""));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            outbox.failed(entry, e.getMessage());
            LOG.log(Level.SEVERE, "Recording: entry " + entry.getId() + " for " + entry.getOwner()
                    + " cannot be uploaded", e);
            return false;
        }
    }

    /**
     * The outbox's marks for one owner's uploads, two per object: "attempting" before its APPEND, "stored" after. The
     * "stored" mark waits for the next object's "attempting" and is written in its transaction, or alone at the end:
     * one commit per object instead of two. Until it is written, the object is one the next attempt looks for first,
     * so a mark lost with this server costs a search, never a second copy.
     */
    private final class Marks {

        private RecordingOutbox.Stored pending;

        void attempting(RecordingEntry entry) {
            outbox.attempting(entry.getId(), pending);
            pending = null;
        }

        void stored(RecordingOutbox.Stored stored) {
            pending = stored;
        }

        void flush() {
            if (pending != null) {
                outbox.stored(pending);
                pending = null;
            }
        }
    }

    private static List<UUID> ids(List<RecordingEntry> entries) {
        return entries.stream().map(RecordingEntry::getId).toList();
    }

    /** Ends the temporary objects whose time is up (OMA CPM SD 5.2.5.3 item 3); returns how many. */
    public int settleTemporaries(int batch) {
        int settled = 0;
        for (RecordingEntry entry : outbox.temporaryDue(batch)) {
            try (UserStore store = writer.open(entry.getOwner())) {
                UserStore.Settled outcome = store.settleTemporary(CpmFolder.fromKey(entry.getFolder()),
                        entry.getMessageId(), policy.discardUnread());
                outbox.temporaryEnded(entry);
                settled++;
                LOG.info(() -> "Recording: temporary object " + entry.getMessageId() + " of " + entry.getOwner()
                        + " expired: " + outcome);
            } catch (UnknownStoreUserException e) {
                outbox.temporaryEnded(entry); // the account is gone, and its folders with it
            } catch (MessageStoreException e) {
                logFailure("temporary objects cannot be settled now", e);
                break;
            }
        }
        return settled;
    }

    /**
     * A warning on the first failure after success, then at most one a minute (the rest at FINE), so a store that is
     * off does not flood the log.
     */
    private void logFailure(String what, Exception e) {
        failuresLogged++;
        long now = System.nanoTime();
        boolean warn = failuresLogged == 1 || now - lastWarning > WARNING_INTERVAL_NANOS;
        if (warn) {
            lastWarning = now;
        }
        Level level = warn ? Level.WARNING : Level.FINE;
        int failures = failuresLogged;
        LOG.log(level, () -> "Recording: " + what + " (will retry every " + policy.retry() + "; " + failures
                + " failed pass(es) so far): " + e.getMessage());
    }
}
