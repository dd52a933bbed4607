package org.opencpm.storage.cms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * What the message store must come to know about one account: that it exists with this password, or that it is
 * gone. One row per account, the latest change winning (a creation then a removal leaves a removal), so the store is
 * brought to the current state however many changes it missed. The password waits here, in clear, only until the
 * store has taken it: the row is deleted then.
 */
@Entity
@Table(name = "cpm_store_account_change", indexes = @Index(name = "ix_store_account_due", columnList = "next_attempt"))
@NamedQuery(name = StoreAccountChange.DUE,
        query = "select c from StoreAccountChange c where c.nextAttempt <= :now order by c.nextAttempt")
@NamedQuery(name = StoreAccountChange.DELETE_APPLIED,
        query = "delete from StoreAccountChange c where c.login = :login and c.revision = :revision")
public class StoreAccountChange {

    public static final int MAX_LOGIN = 320;
    public static final int MAX_ERROR = 500;

    static final String DUE = "StoreAccountChange.due";
    static final String DELETE_APPLIED = "StoreAccountChange.deleteApplied";

    /** The account's login in the store, {@code user@domain}. */
    @Id
    @Column(length = MAX_LOGIN)
    private String login;

    @Column(nullable = false)
    private boolean present;

    @Column(length = 256)
    private String password;

    /** Grows with every change, so that applying an older one never deletes a newer. */
    @Column(nullable = false)
    private long revision;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "next_attempt", nullable = false)
    private Instant nextAttempt;

    protected StoreAccountChange() {
        // for JPA
    }

    StoreAccountChange(String login) {
        this.login = Objects.requireNonNull(login, "login");
    }

    void change(boolean present, String password, Instant now) {
        this.present = present;
        this.password = present ? Objects.requireNonNull(password, "password") : null;
        this.revision++;
        this.attempts = 0;
        this.lastError = null;
        this.changedAt = now;
        this.nextAttempt = now;
    }

    void failed(String error, Instant next) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
        nextAttempt = next;
    }

    public String getLogin() {
        return login;
    }

    /** Whether the account must exist (with {@link #getPassword()}) or must be gone. */
    public boolean isPresent() {
        return present;
    }

    public String getPassword() {
        return password;
    }

    public long getRevision() {
        return revision;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public Instant getNextAttempt() {
        return nextAttempt;
    }
}
