package org.opencpm.storage.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of an address of record. A binding is identified by its {@link #bindingKey}: the
 * {@code +sip.instance} of the device when it sent one (so a device that re-registers from a new address replaces
 * its binding, RFC 5627 section 4.2), else the contact URI.
 */
@Entity
@Table(name = "cpm_contact_binding",
        uniqueConstraints = @UniqueConstraint(name = "uk_binding_aor_key", columnNames = {"aor", "binding_key"}),
        indexes = {@Index(name = "ix_binding_aor", columnList = "aor"),
                   @Index(name = "ix_binding_expires", columnList = "expires_at")})
public class ContactBinding {

    public static final int MAX_URI = 512;
    public static final int MAX_PARAMS = 2048;

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 256)
    private String aor;

    @Column(name = "binding_key", nullable = false, length = MAX_URI)
    private String bindingKey;

    @Column(name = "contact_uri", nullable = false, length = MAX_URI)
    private String contactUri;

    /** The contact's header parameters other than expires and q (feature tags, +sip.instance, reg-id). */
    @Column(name = "contact_params", length = MAX_PARAMS)
    private String contactParams;

    @Column(name = "instance_id", length = 256)
    private String instanceId;

    @Column(name = "call_id", nullable = false, length = 256)
    private String callId;

    @Column(nullable = false)
    private long cseq;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Where the REGISTER came from, e.g. {@code UDP 127.0.0.1:5070}. */
    @Column(name = "received_from", length = 128)
    private String receivedFrom;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContactBinding() {
    }

    public ContactBinding(String aor, String bindingKey) {
        this.aor = Objects.requireNonNull(aor);
        this.bindingKey = Objects.requireNonNull(bindingKey);
    }

    /** Records what a REGISTER said about this binding. */
    public void refresh(String contactUri, String contactParams, String instanceId, String callId, long cseq,
                        Instant expiresAt, String receivedFrom, Instant now) {
        this.contactUri = contactUri;
        this.contactParams = contactParams;
        this.instanceId = instanceId;
        this.callId = callId;
        this.cseq = cseq;
        this.expiresAt = expiresAt;
        this.receivedFrom = receivedFrom;
        this.updatedAt = now;
    }

    public boolean isActiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public Long getId() { return id; }
    public String getAor() { return aor; }
    public String getBindingKey() { return bindingKey; }
    public String getContactUri() { return contactUri; }
    public String getContactParams() { return contactParams; }
    public String getInstanceId() { return instanceId; }
    public String getCallId() { return callId; }
    public long getCseq() { return cseq; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getReceivedFrom() { return receivedFrom; }
    public Instant getUpdatedAt() { return updatedAt; }
}
