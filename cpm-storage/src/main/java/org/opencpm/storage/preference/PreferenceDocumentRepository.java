package org.opencpm.storage.preference;

import java.util.Optional;

/** Storage of preference documents; the JPA implementation in WildFly, an in-memory one for tests and tools. */
public interface PreferenceDocumentRepository {

    Optional<PreferenceDocument> find(String username);

    /** Stores a new document; a document returned by {@link #find} is stored as it is changed. */
    void save(PreferenceDocument document);

    /** Removes the user's document, if there is one. */
    void delete(String username);
}
