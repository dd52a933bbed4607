package org.opencpm.storage.registration;

import java.time.Instant;
import java.util.List;

/** Storage of contact bindings; the JPA implementation in WildFly, an in-memory one for the embedded container. */
public interface ContactBindingRepository {

    /** Every binding of the address of record, expired ones included, oldest update first. */
    List<ContactBinding> findByAor(String aor);

    /** Bindings of the address of record that have not expired at {@code now}. */
    List<ContactBinding> findActive(String aor, Instant now);

    void save(ContactBinding binding);

    void delete(ContactBinding binding);

    /** Removes bindings expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
