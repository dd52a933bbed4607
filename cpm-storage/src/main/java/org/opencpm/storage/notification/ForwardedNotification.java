package org.opencpm.storage.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * That a disposition notification of one type for one message, sent by one user, was forwarded
 * (OMA CPM SD 5.2.6). The key is the primary key, so two nodes recording the same notification at once cannot
 * both succeed.
 */
@Entity
@Table(name = "cpm_forwarded_notification",
        indexes = @Index(name = "ix_forwarded_notification_created", columnList = "created_at"))
@IdClass(ForwardedNotification.Key.class)
@NamedQuery(name = ForwardedNotification.DELETE_OLDER_THAN,
        query = "delete from ForwardedNotification n where n.createdAt < :before")
@NamedQuery(name = ForwardedNotification.DELETE_OF_USER,
        query = "delete from ForwardedNotification n where n.notifyingUser = :user")
public class ForwardedNotification {

    public static final int MAX_USER = 64;
    public static final int MAX_MESSAGE_ID = 256;
    public static final int MAX_TYPE = 32;

    static final String DELETE_OLDER_THAN = "ForwardedNotification.deleteOlderThan";
    static final String DELETE_OF_USER = "ForwardedNotification.deleteOfUser";

    @Id
    @Column(name = "notifying_user", length = MAX_USER)
    private String notifyingUser;

    @Id
    @Column(name = "message_id", length = MAX_MESSAGE_ID)
    private String messageId;

    @Id
    @Column(length = MAX_TYPE)
    private String type;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ForwardedNotification() {
        // for JPA
    }

    public ForwardedNotification(String notifyingUser, String messageId, String type, Instant createdAt) {
        this.notifyingUser = Objects.requireNonNull(notifyingUser, "notifyingUser");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.type = Objects.requireNonNull(type, "type");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Key key() {
        return new Key(notifyingUser, messageId, type);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The identity: notifying user name, original {@code imdn.Message-ID}, notification type. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String notifyingUser;
        private String messageId;
        private String type;

        protected Key() {
            // for JPA
        }

        public Key(String notifyingUser, String messageId, String type) {
            this.notifyingUser = notifyingUser;
            this.messageId = messageId;
            this.type = type;
        }

        public String notifyingUser() {
            return notifyingUser;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && notifyingUser.equals(that.notifyingUser)
                    && messageId.equals(that.messageId) && type.equals(that.type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(notifyingUser, messageId, type);
        }
    }
}
