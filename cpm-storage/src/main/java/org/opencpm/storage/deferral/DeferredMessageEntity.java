package org.opencpm.storage.deferral;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message in a user's deferred queue (OMA CPM SD 5.2.5), stored as it arrived, with its delivery state.
 * <p>
 * A message is <em>free</em> when it is {@link State#QUEUED} or its lease has run out (the delivery that claimed it
 * is presumed dead); a free message that has not expired is <em>claimable</em>. Claiming makes it
 * {@link State#IN_FLIGHT} under a lease and tags it with the claim's id, so the claimer can read back exactly what
 * it won. Every change goes through a conditional bulk statement that also raises {@link #version}, so a stale
 * managed copy can never overwrite it.
 */
@Entity
@Table(name = "cpm_deferred_message", indexes = {
        // Claims, listings, counts and purges all select by recipient, oldest first.
        @Index(name = "ix_deferred_recipient", columnList = "recipient, deferred_at"),
        @Index(name = "ix_deferred_expires", columnList = "expires_at")})
@NamedQuery(name = DeferredMessageEntity.CLAIMABLE_IDS, query = "select m.id from DeferredMessageEntity m"
        + " where m.recipient = :recipient and m.expiresAt > :now and (m.state = :queued or m.leaseUntil <= :now)"
        + " order by m.deferredAt, m.id")
@NamedQuery(name = DeferredMessageEntity.CLAIM, query = "update DeferredMessageEntity m"
        + " set m.state = :inFlight, m.leaseUntil = :leaseUntil, m.claimId = :claimId, m.attempts = m.attempts + 1,"
        + " m.version = m.version + 1"
        + " where m.id in :ids and m.recipient = :recipient and m.expiresAt > :now"
        + " and (m.state = :queued or m.leaseUntil <= :now)")
@NamedQuery(name = DeferredMessageEntity.CLAIMED, query = "select m from DeferredMessageEntity m"
        + " where m.id in :ids and m.claimId = :claimId order by m.deferredAt, m.id")
@NamedQuery(name = DeferredMessageEntity.EXPIRED_IDS, query = "select m.id from DeferredMessageEntity m"
        + " where m.expiresAt <= :now and (m.state = :queued or m.leaseUntil <= :now) order by m.expiresAt, m.id")
@NamedQuery(name = DeferredMessageEntity.CLAIM_EXPIRED, query = "update DeferredMessageEntity m"
        + " set m.claimId = :claimId, m.version = m.version + 1"
        + " where m.id in :ids and m.expiresAt <= :now and (m.state = :queued or m.leaseUntil <= :now)")
@NamedQuery(name = DeferredMessageEntity.DELETE_CLAIMED,
        query = "delete from DeferredMessageEntity m where m.id in :ids and m.claimId = :claimId")
@NamedQuery(name = DeferredMessageEntity.DELETE,
        query = "delete from DeferredMessageEntity m where m.id = :id")
@NamedQuery(name = DeferredMessageEntity.DELETE_OF_RECIPIENT,
        query = "delete from DeferredMessageEntity m where m.id = :id and m.recipient = :recipient")
@NamedQuery(name = DeferredMessageEntity.DELETE_ALL_OF_RECIPIENT,
        query = "delete from DeferredMessageEntity m where m.recipient = :recipient")
@NamedQuery(name = DeferredMessageEntity.RELEASE, query = "update DeferredMessageEntity m"
        + " set m.state = :queued, m.leaseUntil = null, m.claimId = null, m.version = m.version + 1"
        + " where m.id = :id and m.state = :inFlight")
@NamedQuery(name = DeferredMessageEntity.RECIPIENTS_WITH_CLAIMABLE, query = "select distinct m.recipient"
        + " from DeferredMessageEntity m where m.expiresAt > :now and (m.state = :queued or m.leaseUntil <= :now)"
        + " order by m.recipient")
@NamedQuery(name = DeferredMessageEntity.UNNOTIFIED, query = "select m from DeferredMessageEntity m"
        + " where m.recipient = :recipient and m.notifiedAt is null and m.notification = false"
        + " and m.expiresAt > :now order by m.deferredAt, m.id")
@NamedQuery(name = DeferredMessageEntity.MARK_NOTIFIED, query = "update DeferredMessageEntity m"
        + " set m.notifiedAt = :now, m.version = m.version + 1 where m.id in :ids and m.notifiedAt is null")
@NamedQuery(name = DeferredMessageEntity.LIST, query = "select m from DeferredMessageEntity m"
        + " where m.recipient = :recipient order by m.deferredAt, m.id")
@NamedQuery(name = DeferredMessageEntity.FIND, query = "select m from DeferredMessageEntity m"
        + " where m.id = :id and m.recipient = :recipient")
@NamedQuery(name = DeferredMessageEntity.COUNT,
        query = "select count(m) from DeferredMessageEntity m where m.recipient = :recipient")
public class DeferredMessageEntity {

    /** Where a message is in its delivery. */
    public enum State {
        /** Waiting for a delivery. */
        QUEUED,
        /** Claimed by a delivery until its lease runs out. */
        IN_FLIGHT
    }

    public static final int MAX_RECIPIENT = 64;
    public static final int MAX_ADDRESS = 1024;
    public static final int MAX_CONTENT_TYPE = 256;
    public static final int MAX_IMDN = 256;
    public static final int MAX_SUBJECT = 1024;

    static final String CLAIMABLE_IDS = "DeferredMessage.claimableIds";
    static final String CLAIM = "DeferredMessage.claim";
    static final String CLAIMED = "DeferredMessage.claimed";
    static final String EXPIRED_IDS = "DeferredMessage.expiredIds";
    static final String CLAIM_EXPIRED = "DeferredMessage.claimExpired";
    static final String DELETE_CLAIMED = "DeferredMessage.deleteClaimed";
    static final String DELETE = "DeferredMessage.delete";
    static final String DELETE_OF_RECIPIENT = "DeferredMessage.deleteOfRecipient";
    static final String DELETE_ALL_OF_RECIPIENT = "DeferredMessage.deleteAllOfRecipient";
    static final String RELEASE = "DeferredMessage.release";
    static final String RECIPIENTS_WITH_CLAIMABLE = "DeferredMessage.recipientsWithClaimable";
    static final String UNNOTIFIED = "DeferredMessage.unnotified";
    static final String MARK_NOTIFIED = "DeferredMessage.markNotified";
    static final String LIST = "DeferredMessage.list";
    static final String FIND = "DeferredMessage.find";
    static final String COUNT = "DeferredMessage.count";

    private static final String LINE_SEPARATOR = "\n";

    @Id
    private UUID id;

    @Column(nullable = false, length = MAX_RECIPIENT)
    private String recipient;

    @Column(name = "from_header", nullable = false, length = MAX_ADDRESS)
    private String fromHeader;

    @Column(name = "sender_identity", length = MAX_ADDRESS)
    private String senderIdentity;

    /** The end-to-end headers, one {@code Name: value} per line. */
    @Lob
    @Column(name = "header_lines", nullable = false)
    private String headerLines;

    @Column(name = "content_type", nullable = false, length = MAX_CONTENT_TYPE)
    private String contentType;

    @Lob
    @Column(nullable = false)
    private byte[] body;

    @Column(nullable = false)
    private boolean notification;

    @Column(name = "imdn_message_id", length = MAX_IMDN)
    private String imdnMessageId;

    @Column(name = "disposition_request", length = MAX_IMDN)
    private String dispositionRequest;

    @Column(length = MAX_SUBJECT)
    private String subject;

    @Column(name = "deferred_at", nullable = false)
    private Instant deferredAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    /** The claim that holds the message; only meaningful while it is in flight. */
    @Column(name = "claim_id")
    private UUID claimId;

    @Column(nullable = false)
    private int attempts;

    /** When the recipient's clients were told about it in band (OMA CPM SD 5.2.5.1), or null. */
    @Column(name = "notified_at")
    private Instant notifiedAt;

    @Version
    private long version;

    protected DeferredMessageEntity() {
        // for JPA
    }

    /**
     * A new queued message. Header values never contain CR or LF (a SIP parser unfolds them), which is what lets
     * the lines share one text column. A subject longer than {@value #MAX_SUBJECT} characters is cut: it only
     * serves listings, the message keeps its own.
     *
     * @throws IllegalArgumentException if a value does not fit its column or a header line spans lines
     */
    public DeferredMessageEntity(UUID id, String recipient, String fromHeader, String senderIdentity,
                                 List<String> headerLines, String contentType, byte[] body, boolean notification,
                                 String imdnMessageId, String dispositionRequest, String subject,
                                 Instant deferredAt, Instant expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.recipient = fitting("recipient", Objects.requireNonNull(recipient, "recipient"), MAX_RECIPIENT);
        this.fromHeader = fitting("fromHeader", Objects.requireNonNull(fromHeader, "fromHeader"), MAX_ADDRESS);
        this.senderIdentity = fitting("senderIdentity", senderIdentity, MAX_ADDRESS);
        this.headerLines = joined(headerLines);
        this.contentType = fitting("contentType", Objects.requireNonNull(contentType, "contentType"),
                MAX_CONTENT_TYPE);
        this.body = Objects.requireNonNull(body, "body").clone();
        this.notification = notification;
        this.imdnMessageId = fitting("imdnMessageId", imdnMessageId, MAX_IMDN);
        this.dispositionRequest = fitting("dispositionRequest", dispositionRequest, MAX_IMDN);
        this.subject = cut(subject);
        this.deferredAt = Objects.requireNonNull(deferredAt, "deferredAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.state = State.QUEUED;
    }

    /** A copy that shares nothing mutable, for the in-memory repository's callers. */
    DeferredMessageEntity copy() {
        DeferredMessageEntity copy = new DeferredMessageEntity(id, recipient, fromHeader, senderIdentity,
                getHeaderLines(), contentType, body, notification, imdnMessageId, dispositionRequest, subject,
                deferredAt, expiresAt);
        copy.state = state;
        copy.leaseUntil = leaseUntil;
        copy.claimId = claimId;
        copy.attempts = attempts;
        copy.notifiedAt = notifiedAt;
        copy.version = version;
        return copy;
    }

    /** Not in flight under a live lease: a delivery may take it, or expiry may remove it. */
    boolean isFreeAt(Instant now) {
        return state == State.QUEUED || !leaseUntil.isAfter(now);
    }

    boolean isClaimableAt(Instant now) {
        return isFreeAt(now) && expiresAt.isAfter(now);
    }

    // The in-memory repository's counterparts of the bulk statements above.

    void claim(UUID claim, Instant until) {
        state = State.IN_FLIGHT;
        leaseUntil = until;
        claimId = claim;
        attempts++;
        version++;
    }

    void release() {
        state = State.QUEUED;
        leaseUntil = null;
        claimId = null;
        version++;
    }

    void notified(Instant at) {
        notifiedAt = at;
        version++;
    }

    public UUID getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getFromHeader() { return fromHeader; }
    public String getSenderIdentity() { return senderIdentity; }
    public String getContentType() { return contentType; }
    public boolean isNotification() { return notification; }
    public String getImdnMessageId() { return imdnMessageId; }
    public String getDispositionRequest() { return dispositionRequest; }
    public String getSubject() { return subject; }
    public Instant getDeferredAt() { return deferredAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public State getState() { return state; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public UUID getClaimId() { return claimId; }
    public int getAttempts() { return attempts; }
    public Instant getNotifiedAt() { return notifiedAt; }
    public long getVersion() { return version; }

    /** The end-to-end headers in their order, as {@code Name: value}. */
    public List<String> getHeaderLines() {
        return headerLines.isEmpty() ? List.of() : List.of(headerLines.split(LINE_SEPARATOR, -1));
    }

    public byte[] getBody() {
        return body.clone();
    }

    /** The body's length in bytes, without copying it. */
    public int getBodySize() {
        return body.length;
    }

    private static String joined(List<String> lines) {
        for (String line : Objects.requireNonNull(lines, "headerLines")) {
            if (line.isEmpty() || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A header line must be one non-empty line without CR or LF");
            }
        }
        return String.join(LINE_SEPARATOR, lines);
    }

    private static String fitting(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return value;
    }

    private static String cut(String subject) {
        if (subject == null || subject.length() <= MAX_SUBJECT) {
            return subject;
        }
        int end = Character.isHighSurrogate(subject.charAt(MAX_SUBJECT - 1)) ? MAX_SUBJECT - 1 : MAX_SUBJECT;
        return subject.substring(0, end);
    }
}
