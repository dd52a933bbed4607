package org.opencpm.storage.recording;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One object to store into one user's folder: its composed bytes (or the spool file holding them when large), where
 * it goes, and how far its upload got. The row outlives the upload, without its content, for as long as the
 * recording must not be repeated ({@link #getStoredAt()}); a handed-over deferred message also keeps it until its
 * time as a temporary object is up ({@link #getTemporaryUntil()}, OMA CPM SD 5.2.5.3).
 */
@Entity
@Table(name = "cpm_recording_outbox",
        uniqueConstraints = @UniqueConstraint(name = "uk_recording_key", columnNames = "record_key"),
        indexes = {@Index(name = "ix_recording_due", columnList = "stored_at, next_attempt"),
                @Index(name = "ix_recording_temporary", columnList = "temporary_until")})
public class RecordingEntry {

    public static final int MAX_OWNER = 320;
    public static final int MAX_FOLDER = 400;
    public static final int MAX_ERROR = 500;

    @Id
    private UUID id;

    /** Hex SHA-256 of owner, folder and Message-ID: the same recording twice is one row. */
    @Column(name = "record_key", length = 64, nullable = false)
    private String recordKey;

    /** The store account, {@code user@domain}. */
    @Column(length = MAX_OWNER, nullable = false)
    private String owner;

    /** The folder below the default folder, as {@code CpmFolder} writes it. */
    @Column(length = MAX_FOLDER, nullable = false)
    private String folder;

    @Column(name = "object_kind", length = 32, nullable = false)
    private String objectKind;

    @Column(name = "message_id", length = 100, nullable = false)
    private String messageId;

    @Lob
    @Column(name = "content")
    private byte[] content;

    /** Name of the file in the spool directory holding the content, when it is too large for a row. */
    @Column(name = "spool_file", length = 100)
    private String spoolFile;

    /** Until when the stored object stays temporary (a handed-over deferred message); null for the others. */
    @Column(name = "temporary_until")
    private Instant temporaryUntil;

    /** Whether the object may be in the folder already (so the upload looks for it first). */
    @Column(name = "check_first", nullable = false)
    private boolean checkFirst;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Increases when the creation time is the same: uploads keep the order of recording. */
    @Column(nullable = false)
    private long sequence;

    @Column(name = "next_attempt", nullable = false)
    private Instant nextAttempt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "stored_at")
    private Instant storedAt;

    @Column(name = "stored_uid")
    private Long storedUid;

    @Column(name = "stored_mailbox", length = 500)
    private String storedMailbox;

    protected RecordingEntry() {
        // for JPA
    }

    public RecordingEntry(String recordKey, String owner, String folder, String objectKind, String messageId,
                          byte[] content, String spoolFile, Instant temporaryUntil, boolean checkFirst,
                          Instant createdAt, long sequence) {
        if ((content == null) == (spoolFile == null)) {
            throw new IllegalArgumentException("the content is either in the row or in a spool file");
        }
        this.id = UUID.randomUUID();
        this.recordKey = Objects.requireNonNull(recordKey, "recordKey");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.objectKind = Objects.requireNonNull(objectKind, "objectKind");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.content = content;
        this.spoolFile = spoolFile;
        this.temporaryUntil = temporaryUntil;
        this.checkFirst = checkFirst;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.sequence = sequence;
        this.nextAttempt = createdAt;
    }

    /** An upload begins: from now on the object may be in the folder whatever happens to this attempt. */
    void attempting(Instant retryAt) {
        attempts++;
        checkFirst = true;
        nextAttempt = retryAt;
    }

    void failed(String error, Instant next) {
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
        nextAttempt = next;
    }

    void stored(String mailbox, long uid, Instant at) {
        storedAt = at;
        storedMailbox = mailbox == null ? null : mailbox.substring(0, Math.min(mailbox.length(), 500));
        storedUid = uid;
        content = null;
        spoolFile = null;
        lastError = null;
    }

    void temporaryEnded() {
        temporaryUntil = null;
    }

    public UUID getId() {
        return id;
    }

    public String getRecordKey() {
        return recordKey;
    }

    public String getOwner() {
        return owner;
    }

    public String getFolder() {
        return folder;
    }

    public String getObjectKind() {
        return objectKind;
    }

    public String getMessageId() {
        return messageId;
    }

    public byte[] getContent() {
        return content;
    }

    public String getSpoolFile() {
        return spoolFile;
    }

    public Instant getTemporaryUntil() {
        return temporaryUntil;
    }

    public boolean isCheckFirst() {
        return checkFirst;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getSequence() {
        return sequence;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getStoredAt() {
        return storedAt;
    }

    public Long getStoredUid() {
        return storedUid;
    }

    public String getStoredMailbox() {
        return storedMailbox;
    }
}
