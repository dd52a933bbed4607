package org.opencpm.storage.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import org.opencpm.storage.IntegrityViolations;

/** Runs in the caller's transaction. */
@ApplicationScoped
public class JpaGroupDocumentRepository implements GroupDocumentRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    @Override
    public Optional<GroupDocument> find(String address) {
        return em.createNamedQuery(GroupDocument.FIND_BY_ADDRESS, GroupDocument.class)
                .setParameter("address", address)
                .getResultList().stream()
                .findFirst();
    }

    @Override
    public List<GroupDocument> list(int offset, int limit) {
        return em.createNamedQuery(GroupDocument.LIST, GroupDocument.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long count() {
        return em.createNamedQuery(GroupDocument.COUNT, Long.class).getSingleResult();
    }

    @Override
    public List<GroupDocument> listByMember(String memberAddress, int offset, int limit) {
        return em.createNamedQuery(GroupDocument.LIST_BY_MEMBER, GroupDocument.class)
                .setParameter("address", memberAddress)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countByMember(String memberAddress) {
        return em.createNamedQuery(GroupDocument.COUNT_BY_MEMBER, Long.class)
                .setParameter("address", memberAddress)
                .getSingleResult();
    }

    @Override
    public List<GroupDocument> listByOwner(String owner) {
        return em.createNamedQuery(GroupDocument.LIST_BY_OWNER, GroupDocument.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    @Override
    public void persist(GroupDocument document) {
        try {
            em.persist(document);
            em.flush();
        } catch (PersistenceException e) {
            // Every NOT NULL column is filled by the caller, so the violation is the unique address.
            if (IntegrityViolations.causedBy(e)) {
                throw new DuplicateGroupException(document.getAddress(), e);
            }
            throw e;
        }
    }

    // Removing the entity (not a bulk delete) removes its members with it.
    @Override
    public void remove(GroupDocument document) {
        em.remove(document);
    }
}
