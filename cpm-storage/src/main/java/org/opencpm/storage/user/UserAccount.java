package org.opencpm.storage.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A user: one SIP address of record ({@code sip:user@domain}, canonical form, validated by the caller) with the
 * HTTP Digest HA1 values the registrar checks credentials against. The password itself is only ever hashed.
 * The digest realm is fixed at creation, so a later change of the home domain does not invalidate the hashes.
 */
@Entity
@Table(name = "cpm_user", uniqueConstraints = {
        @UniqueConstraint(name = "uk_cpm_user_address", columnNames = "address"),
        @UniqueConstraint(name = "uk_cpm_user_username_realm", columnNames = {"username", "realm"})})
@NamedQuery(name = UserAccount.FIND_BY_ADDRESS,
        query = "select u from UserAccount u where u.address = :address")
@NamedQuery(name = UserAccount.FIND_BY_USERNAME_AND_REALM,
        query = "select u from UserAccount u where u.username = :username and u.realm = :realm")
@NamedQuery(name = UserAccount.LIST, query = "select u from UserAccount u order by u.address")
@NamedQuery(name = UserAccount.COUNT, query = "select count(u) from UserAccount u")
public class UserAccount {

    public static final int MAX_ADDRESS_LENGTH = 256;
    public static final int MAX_USERNAME_LENGTH = 64;
    /** A DNS name is at most 253 characters. */
    public static final int MAX_REALM_LENGTH = 253;

    static final String FIND_BY_ADDRESS = "UserAccount.findByAddress";
    static final String FIND_BY_USERNAME_AND_REALM = "UserAccount.findByUsernameAndRealm";
    static final String LIST = "UserAccount.list";
    static final String COUNT = "UserAccount.count";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_ADDRESS_LENGTH)
    private String address;

    @Column(nullable = false, length = MAX_USERNAME_LENGTH)
    private String username;

    @Column(nullable = false, length = MAX_REALM_LENGTH)
    private String realm;

    @Column(name = "ha1_md5", nullable = false, length = 32)
    private String ha1Md5;

    @Column(name = "ha1_sha256", nullable = false, length = 64)
    private String ha1Sha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String address, String username, String realm, String password) {
        this.address = Objects.requireNonNull(address, "address");
        this.username = Objects.requireNonNull(username, "username");
        this.realm = Objects.requireNonNull(realm, "realm");
        this.createdAt = now();
        setPassword(password, createdAt);
    }

    /** Replaces the digest hashes; the realm stays the one of the creation. */
    public void changePassword(String password) {
        setPassword(password, now());
    }

    private void setPassword(String password, Instant at) {
        this.ha1Md5 = DigestHashes.ha1Md5(username, realm, password);
        this.ha1Sha256 = DigestHashes.ha1Sha256(username, realm, password);
        this.updatedAt = at;
    }

    // Millisecond precision: what every supported database keeps, so a value reads back as it was returned.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public String getUsername() {
        return username;
    }

    public String getRealm() {
        return realm;
    }

    public String getHa1Md5() {
        return ha1Md5;
    }

    public String getHa1Sha256() {
        return ha1Sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
