package org.opencpm.storage.controlling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message the Controlling Function distributed with a request for notifications routed back through it
 * (OMA CPM SD 5.2.6.1): where the notifications come back to ({@code routeAddress}: the group's or the ad-hoc
 * address), the message's {@code imdn.Message-ID}, its sender, the From the aggregates carry, the recipients it
 * went to, and which notifications every recipient is expected to send.
 */
@Entity
@Table(name = "cpm_cf_tracked_message",
        uniqueConstraints = @UniqueConstraint(name = "uq_cf_tracked_message",
                columnNames = {"route_address", "message_id", "sender_address"}),
        indexes = @Index(name = "ix_cf_tracked_expires", columnList = "expires_at"))
@NamedQuery(name = TrackedMessage.FIND, query = "select t from TrackedMessage t where t.routeAddress = :route"
        + " and t.messageId = :messageId and t.senderAddress = :sender")
@NamedQuery(name = TrackedMessage.EXPIRED, query = "select t.id from TrackedMessage t where t.expiresAt <= :now")
@NamedQuery(name = TrackedMessage.DELETE, query = "delete from TrackedMessage t where t.id in :ids")
public class TrackedMessage {

    public static final int MAX_ADDRESS = 256;
    public static final int MAX_MESSAGE_ID = 256;
    public static final int MAX_FROM = 512;

    static final String FIND = "TrackedMessage.find";
    static final String EXPIRED = "TrackedMessage.expired";
    static final String DELETE = "TrackedMessage.delete";

    @Id
    private UUID id;

    @Column(name = "route_address", nullable = false, length = MAX_ADDRESS)
    private String routeAddress;

    @Column(name = "message_id", nullable = false, length = MAX_MESSAGE_ID)
    private String messageId;

    @Column(name = "sender_address", nullable = false, length = MAX_ADDRESS)
    private String senderAddress;

    @Column(name = "from_header", nullable = false, length = MAX_FROM)
    private String fromHeader;

    /** One address per line; read whole when a notification is checked, never queried by content. */
    @Lob
    @Column(nullable = false)
    private String recipients;

    @Column(name = "recipient_count", nullable = false)
    private int recipientCount;

    @Column(name = "expects_delivery", nullable = false)
    private boolean expectsDelivery;

    @Column(name = "expects_display", nullable = false)
    private boolean expectsDisplay;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected TrackedMessage() {
        // for JPA
    }

    /**
     * @param expectsDelivery every recipient will send a delivery notification (positive-delivery was asked for)
     * @param expectsDisplay  every recipient may send a display notification (display was asked for)
     */
    public TrackedMessage(UUID id, String routeAddress, String messageId, String senderAddress, String fromHeader,
                          List<String> recipients, boolean expectsDelivery, boolean expectsDisplay,
                          Instant createdAt, Instant expiresAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.routeAddress = Objects.requireNonNull(routeAddress, "routeAddress");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.senderAddress = Objects.requireNonNull(senderAddress, "senderAddress");
        this.fromHeader = Objects.requireNonNull(fromHeader, "fromHeader");
        if (recipients.stream().anyMatch(r -> r.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("a recipient address contains a line break");
        }
        this.recipients = String.join("\n", recipients);
        this.recipientCount = recipients.size();
        this.expectsDelivery = expectsDelivery;
        this.expectsDisplay = expectsDisplay;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public UUID getId() {
        return id;
    }

    public String getRouteAddress() {
        return routeAddress;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getSenderAddress() {
        return senderAddress;
    }

    public String getFromHeader() {
        return fromHeader;
    }

    public List<String> getRecipients() {
        return recipients.isEmpty() ? List.of() : List.of(recipients.split("\n"));
    }

    public int getRecipientCount() {
        return recipientCount;
    }

    public boolean isExpectsDelivery() {
        return expectsDelivery;
    }

    public boolean isExpectsDisplay() {
        return expectsDisplay;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
