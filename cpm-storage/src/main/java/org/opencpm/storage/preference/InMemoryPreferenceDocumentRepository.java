package org.opencpm.storage.preference;

import jakarta.enterprise.inject.Vetoed;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Documents in memory, for the embedded container (tests and tools); never used inside WildFly. */
@Vetoed
public class InMemoryPreferenceDocumentRepository implements PreferenceDocumentRepository {

    private final Map<String, PreferenceDocument> documents = new ConcurrentHashMap<>();

    @Override
    public Optional<PreferenceDocument> find(String username) {
        return Optional.ofNullable(documents.get(username));
    }

    @Override
    public void save(PreferenceDocument document) {
        documents.put(document.getUsername(), document);
    }

    @Override
    public void delete(String username) {
        documents.remove(username);
    }
}
