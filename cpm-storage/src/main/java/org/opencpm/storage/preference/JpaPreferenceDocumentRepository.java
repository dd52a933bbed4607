package org.opencpm.storage.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Runs in the caller's transaction. */
@ApplicationScoped
public class JpaPreferenceDocumentRepository implements PreferenceDocumentRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    @Override
    public Optional<PreferenceDocument> find(String username) {
        return Optional.ofNullable(em.find(PreferenceDocument.class, username));
    }

    @Override
    public void save(PreferenceDocument document) {
        if (!em.contains(document)) {
            em.persist(document);
        }
    }

    // Removing the entity (not a bulk delete) removes its element collections with it.
    @Override
    public void delete(String username) {
        find(username).ifPresent(em::remove);
    }
}
