package org.opencpm.storage.registration;

import jakarta.enterprise.inject.Vetoed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Bindings in memory, for the embedded container (tests and tools); never used inside WildFly. */
@Vetoed
public class InMemoryContactBindingRepository implements ContactBindingRepository {

    private final List<ContactBinding> bindings = new CopyOnWriteArrayList<>();

    @Override
    public List<ContactBinding> findByAor(String aor) {
        List<ContactBinding> found = new ArrayList<>(bindings.stream().filter(b -> b.getAor().equals(aor)).toList());
        found.sort(Comparator.comparing(ContactBinding::getUpdatedAt));
        return found;
    }

    @Override
    public List<ContactBinding> findActive(String aor, Instant now) {
        return findByAor(aor).stream().filter(b -> b.isActiveAt(now)).toList();
    }

    @Override
    public void save(ContactBinding binding) {
        if (!bindings.contains(binding)) {
            bindings.add(binding);
        }
    }

    @Override
    public void delete(ContactBinding binding) {
        bindings.remove(binding);
    }

    @Override
    public int deleteExpired(Instant now) {
        List<ContactBinding> expired = bindings.stream().filter(b -> !b.isActiveAt(now)).toList();
        bindings.removeAll(expired);
        return expired.size();
    }
}
