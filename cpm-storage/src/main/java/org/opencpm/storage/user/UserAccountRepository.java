package org.opencpm.storage.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.opencpm.storage.IntegrityViolations;

/** Queries and changes {@link UserAccount}s; runs in the caller's transaction. */
@ApplicationScoped
public class UserAccountRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    public Optional<UserAccount> findByAddress(String address) {
        return em.createNamedQuery(UserAccount.FIND_BY_ADDRESS, UserAccount.class)
                .setParameter("address", address)
                .getResultList().stream()
                .findFirst();
    }

    /**
     * As {@link #findByAddress}, and locks the account's row until the transaction ends: changes to what belongs to
     * the account (its preferences, its deletion) then happen one after the other, in the same lock order.
     */
    public Optional<UserAccount> lockByAddress(String address) {
        return em.createNamedQuery(UserAccount.FIND_BY_ADDRESS, UserAccount.class)
                .setParameter("address", address)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .findFirst();
    }

    public Optional<UserAccount> findByUsernameAndRealm(String username, String realm) {
        return em.createNamedQuery(UserAccount.FIND_BY_USERNAME_AND_REALM, UserAccount.class)
                .setParameter("username", username)
                .setParameter("realm", realm)
                .getResultList().stream()
                .findFirst();
    }

    /** Accounts ordered by address, {@code limit} of them from position {@code offset}. */
    public List<UserAccount> list(int offset, int limit) {
        return em.createNamedQuery(UserAccount.LIST, UserAccount.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count() {
        return em.createNamedQuery(UserAccount.COUNT, Long.class).getSingleResult();
    }

    /**
     * Inserts the account now rather than at commit, so that a concurrent insert of the same address surfaces here.
     *
     * @throws DuplicateUserAccountException if the address (or username and realm) is already taken
     */
    public void persist(UserAccount account) {
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            // The entity fills every NOT NULL column, so on cpm_user it can only be one of the unique constraints.
            if (IntegrityViolations.causedBy(e)) {
                throw new DuplicateUserAccountException(account.getAddress(), e);
            }
            throw e;
        }
    }

    public void remove(UserAccount account) {
        em.remove(account);
    }
}
