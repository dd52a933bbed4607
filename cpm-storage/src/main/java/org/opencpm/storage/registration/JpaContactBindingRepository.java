package org.opencpm.storage.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaContactBindingRepository implements ContactBindingRepository {

    @PersistenceContext(unitName = "opencpm")
    private EntityManager em;

    @Override
    public List<ContactBinding> findByAor(String aor) {
        return em.createQuery("select b from ContactBinding b where b.aor = :aor order by b.updatedAt, b.id",
                ContactBinding.class).setParameter("aor", aor).getResultList();
    }

    @Override
    public List<ContactBinding> findActive(String aor, Instant now) {
        return em.createQuery("select b from ContactBinding b where b.aor = :aor and b.expiresAt > :now"
                + " order by b.updatedAt, b.id", ContactBinding.class)
                .setParameter("aor", aor).setParameter("now", now).getResultList();
    }

    @Override
    public void save(ContactBinding binding) {
        if (binding.getId() == null) {
            em.persist(binding);
        }
    }

    @Override
    public void delete(ContactBinding binding) {
        em.remove(em.contains(binding) ? binding : em.merge(binding));
    }

    @Override
    public int deleteExpired(Instant now) {
        return em.createQuery("delete from ContactBinding b where b.expiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
