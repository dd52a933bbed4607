package org.opencpm.recording;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.objects.StoredObject;
import org.opencpm.storage.recording.RecordingEntry;
import org.opencpm.storage.recording.RecordingOutboxRepository;

/**
 * The durable outbox of recordings: {@link #add} takes an object for a user's folder in a transaction of its own
 * (a database write, no call to the store), and the uploader works through what waits. The same object (owner,
 * folder, {@code Message-ID}) recorded again while its row is remembered is taken once. The composed object is kept
 * in its row, or in a spool file when larger than {@link RecordingPolicy#INLINE_LIMIT}.
 */
@ApplicationScoped
@Transactional
public class RecordingOutbox {

    /** Writing a message needs a session: one without properties, as the composers use. */
    private static final Session SESSION = Session.getInstance(new Properties());

    private RecordingOutboxRepository repository;
    private RecordingPolicy policy;
    private RecordingSpool spool;
    private Clock clock;
    private Event<RecordingQueued> queued;
    private final AtomicLong sequence = new AtomicLong(System.nanoTime());

    protected RecordingOutbox() {
    }

    @Inject
    public RecordingOutbox(RecordingOutboxRepository repository, RecordingPolicy policy, Clock clock,
                           Event<RecordingQueued> queued) {
        this.repository = repository;
        this.policy = policy;
        this.spool = new RecordingSpool(policy.spool());
        this.clock = clock;
        this.queued = queued;
    }

    /**
     * Takes {@code object} for {@code owner}'s {@code folder}; a temporary object until {@code temporaryUntil} when
     * that is not null. Returns false when the same object was recorded before (nothing taken).
     *
     * @throws IllegalArgumentException when the object is larger than the policy allows
     * @param checkFirst whether the object may already be in the store (it is then looked for before it is stored)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean add(String owner, CpmFolder folder, StoredObject object, Instant temporaryUntil,
                       boolean checkFirst) {
        String key = recordKey(owner, folder, object.messageId());
        if (repository.findByKey(key).isPresent()) {
            return false;
        }
        byte[] content = null;
        String spoolFile = null;
        long size;
        if (object.kind() == StoredObject.Kind.FILE_TRANSFER_HISTORY || object.kind() == StoredObject.Kind.MEDIA) {
            spoolFile = spool.write(out -> write(object, out)); // files are streamed, never held whole
            size = spool.size(spoolFile);
        } else {
            content = object.toBytes();
            size = content.length;
            if (size > RecordingPolicy.INLINE_LIMIT) {
                byte[] bytes = content;
                spoolFile = spool.write(out -> out.write(bytes));
                content = null;
            }
        }
        if (size > policy.maxObjectSize()) {
            if (spoolFile != null) {
                spool.delete(spoolFile);
            }
            throw new IllegalArgumentException(object.kind() + " " + object.messageId() + " of " + size
                    + " bytes is larger than " + RecordingPolicy.MAX_OBJECT_SIZE + " (" + policy.maxObjectSize() + ")");
        }
        boolean added = repository.add(new RecordingEntry(key, owner, folder.key(), object.kind().name(),
                object.messageId(), content, spoolFile, temporaryUntil, checkFirst, clock.instant(),
                sequence.incrementAndGet()));
        if (!added && spoolFile != null) {
            spool.delete(spoolFile);
        }
        if (added && queued != null) {
            queued.fire(new RecordingQueued());
        }
        return added;
    }

    /** What waits for its upload and is due now, in recording order. */
    public List<RecordingEntry> due(int limit) {
        return repository.due(clock.instant(), limit);
    }

    /** What an upload stored: the entry, and where the store put its object. */
    public record Stored(RecordingEntry entry, String mailbox, long uid) {
    }

    /**
     * The upload of {@code next} begins: it is due again after the retry time should it not finish, and looked for in
     * the store before its next APPEND. The upload before it, {@code previous} (null if none), is marked stored in the
     * same transaction: the uploader's two marks per object share one commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void attempting(UUID next, Stored previous) {
        if (previous != null) {
            markStored(previous);
        }
        repository.attempting(List.of(next), clock.instant().plus(policy.retry()));
    }

    /** The entry is in the store; its spool file goes. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stored(Stored stored) {
        markStored(stored);
    }

    private void markStored(Stored stored) {
        String spoolFile = stored.entry().getSpoolFile();
        repository.stored(stored.entry().getId(), stored.mailbox(), stored.uid(), clock.instant());
        if (spoolFile != null) {
            spool.delete(spoolFile);
        }
    }

    /** These entries wait for the next attempt after the retry time (the store is down, or has no such account). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void postpone(Collection<UUID> ids, String error) {
        repository.postpone(ids, error, clock.instant().plus(policy.retry()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(RecordingEntry entry, String error) {
        repository.failed(entry.getId(), error, clock.instant().plus(policy.retry()));
    }

    /** The entry's object as it was composed. */
    public StoredObject object(RecordingEntry entry) throws IOException {
        try {
            MimeMessage message = entry.getContent() != null
                    ? new MimeMessage(SESSION, new ByteArrayInputStream(entry.getContent()))
                    // a shared stream: the content stays in the file, and is read from it as it is sent
                    : new MimeMessage(SESSION, new SharedFileInputStream(spool.file(entry.getSpoolFile()).toFile()));
            return new StoredObject(StoredObject.Kind.valueOf(entry.getObjectKind()), entry.getMessageId(), message);
        } catch (MessagingException e) {
            throw new IOException("the recorded object " + entry.getMessageId() + " cannot be read back", e);
        }
    }

    public List<RecordingEntry> temporaryDue(int limit) {
        return repository.temporaryDue(clock.instant(), limit);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void temporaryEnded(RecordingEntry entry) {
        repository.temporaryEnded(entry.getId());
    }

    /**
     * Housekeeping: forgets recordings stored longer ago than the policy remembers them, drops the ones the store
     * never took within the give-up time (returned, for the log), and removes spool files no row refers to.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<RecordingEntry> housekeeping(int limit) {
        Instant now = clock.instant();
        repository.forgetStored(now.minus(policy.remember()), limit);
        List<RecordingEntry> abandoned = repository.unstoredSince(now.minus(policy.giveUp()), limit);
        for (RecordingEntry e : abandoned) {
            repository.delete(e.getId());
            if (e.getSpoolFile() != null) {
                spool.delete(e.getSpoolFile());
            }
        }
        List<String> files = spool.names().stream().filter(n -> !n.endsWith(".part")).toList();
        List<String> referred = repository.spoolFilesIn(files);
        // a file written by a recording whose transaction has not committed yet is young: leave those
        Instant young = now.minusSeconds(600);
        files.stream().filter(f -> !referred.contains(f))
                .filter(f -> spool.lastModified(f).isBefore(young))
                .forEach(spool::remove);
        return abandoned;
    }

    public long waiting() {
        return repository.waiting();
    }

    private static void write(StoredObject object, java.io.OutputStream out) throws IOException {
        try {
            object.message().writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("a composed object cannot be written: " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of owner, folder and Message-ID. */
    static String recordKey(String owner, CpmFolder folder, String messageId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((owner + '\n' + folder.key() + '\n' + messageId)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
