package org.opencpm.storage.controlling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A disposition notification one recipient sent for a {@link TrackedMessage}: its type, the document as it goes
 * into an aggregate, when it arrived and when it went out to the sender (null while it waits). A recipient
 * gives one notification per type per message: the unique key refuses a second.
 */
@Entity
@Table(name = "cpm_cf_collected_notification",
        uniqueConstraints = @UniqueConstraint(name = "uq_cf_collected_notification",
                columnNames = {"tracking_id", "notifier", "type"}),
        indexes = @Index(name = "ix_cf_collected_pending", columnList = "sent_at, received_at"))
@NamedQuery(name = CollectedNotification.EXISTS, query = "select count(n) from CollectedNotification n"
        + " where n.trackingId = :tracking and n.notifier = :notifier and n.type = :type")
@NamedQuery(name = CollectedNotification.COUNT_OF_TYPE, query = "select count(n) from CollectedNotification n"
        + " where n.trackingId = :tracking and n.type = :type")
@NamedQuery(name = CollectedNotification.PENDING, query = "select n from CollectedNotification n"
        + " where n.trackingId = :tracking and n.sentAt is null order by n.receivedAt, n.id")
@NamedQuery(name = CollectedNotification.MARK_SENT, query = "update CollectedNotification n set n.sentAt = :now"
        + " where n.id in :ids and n.sentAt is null")
@NamedQuery(name = CollectedNotification.DUE, query = "select distinct n.trackingId from CollectedNotification n"
        + " where n.sentAt is null and n.receivedAt <= :before")
@NamedQuery(name = CollectedNotification.DELETE_OF, query = "delete from CollectedNotification n"
        + " where n.trackingId in :ids")
public class CollectedNotification {

    public static final int MAX_NOTIFIER = 256;
    public static final int MAX_TYPE = 32;
    /** Largest document kept; a real one is a few hundred bytes. */
    public static final int MAX_DOCUMENT = 4096;

    static final String EXISTS = "CollectedNotification.exists";
    static final String COUNT_OF_TYPE = "CollectedNotification.countOfType";
    static final String PENDING = "CollectedNotification.pending";
    static final String MARK_SENT = "CollectedNotification.markSent";
    static final String DUE = "CollectedNotification.due";
    static final String DELETE_OF = "CollectedNotification.deleteOf";

    @Id
    private UUID id;

    @Column(name = "tracking_id", nullable = false)
    private UUID trackingId;

    @Column(nullable = false, length = MAX_NOTIFIER)
    private String notifier;

    @Column(nullable = false, length = MAX_TYPE)
    private String type;

    @Column(nullable = false, length = MAX_DOCUMENT)
    private byte[] document;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected CollectedNotification() {
        // for JPA
    }

    public CollectedNotification(UUID id, UUID trackingId, String notifier, String type, byte[] document,
                                 Instant receivedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.trackingId = Objects.requireNonNull(trackingId, "trackingId");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.type = Objects.requireNonNull(type, "type");
        if (document.length > MAX_DOCUMENT) {
            throw new IllegalArgumentException("notification document over " + MAX_DOCUMENT + " bytes");
        }
        this.document = document.clone();
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    }

    CollectedNotification copy() {
        CollectedNotification c = new CollectedNotification(id, trackingId, notifier, type, document, receivedAt);
        c.sentAt = sentAt;
        return c;
    }

    void markSent(Instant now) {
        this.sentAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getTrackingId() {
        return trackingId;
    }

    public String getNotifier() {
        return notifier;
    }

    public String getType() {
        return type;
    }

    public byte[] getDocument() {
        return document.clone();
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
