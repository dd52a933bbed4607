package org.opencpm.cms;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.apache.james.mailbox.model.MailboxAnnotation;
import org.apache.james.mailbox.model.MailboxAnnotationKey;

/**
 * The server annotations (RFC 5464 METADATA on mailbox {@code ""}), kept in the store's database beside James'
 * tables. James 3.8 keeps annotations per mailbox only; the CPM folder model needs one on the server: the
 * {@code DefaultFolderLocation} (OMA CPM SD 5.5.1.1). Only {@code /shared} entries are kept (the same for every
 * user); entry names are kept lower-case, as James writes its mailbox annotations.
 * <p>
 * A table of our own ({@value #TABLE}) written with plain SQL that H2 and PostgreSQL both understand, through the
 * store's persistence unit: no entity of ours to enhance, no second connection configuration.
 */
@Singleton
final class ServerAnnotations {

    static final String TABLE = "OPENCPM_SERVER_METADATA";
    /** RFC 5464 lets a server bound entries and values; the CPM entries are a few short paths. */
    static final int MAX_ENTRIES = 100;
    static final int MAX_VALUE_LENGTH = 1024;
    static final int MAX_NAME_LENGTH = 255;

    /** The entry the CPM folder model reads (OMA CPM SD 5.5.1.1); its full path is our choice, see message-store.md. */
    static final MailboxAnnotationKey DEFAULT_FOLDER_LOCATION =
            new MailboxAnnotationKey("/shared/vendor/oma/cpm/DefaultFolderLocation");

    private final EntityManagerFactory factory;

    @Inject
    ServerAnnotations(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Creates the table if it is not there yet (never drops or alters it). */
    void createTable() {
        inTransaction(em -> em.createNativeQuery("CREATE TABLE IF NOT EXISTS " + TABLE
                + " (ENTRY_NAME VARCHAR(" + MAX_NAME_LENGTH + ") NOT NULL PRIMARY KEY,"
                + " ENTRY_VALUE VARCHAR(" + MAX_VALUE_LENGTH + ") NOT NULL)").executeUpdate());
    }

    /** Every entry, in name order (at most {@value #MAX_ENTRIES}). */
    List<MailboxAnnotation> all() {
        EntityManager em = factory.createEntityManager();
        try {
            List<?> rows = em.createNativeQuery("SELECT ENTRY_NAME, ENTRY_VALUE FROM " + TABLE + " ORDER BY ENTRY_NAME")
                    .setMaxResults(MAX_ENTRIES).getResultList();
            List<MailboxAnnotation> annotations = new ArrayList<>(rows.size());
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                annotations.add(MailboxAnnotation.newInstance(new MailboxAnnotationKey((String) columns[0]),
                        (String) columns[1]));
            }
            return annotations;
        } finally {
            em.close();
        }
    }

    /**
     * Sets or (for a nil annotation) removes entries, all or none.
     *
     * @throws IllegalArgumentException when an entry is not under {@code /shared}, a name or value is too long, or
     *                                  the entries would be more than {@value #MAX_ENTRIES}; nothing is changed then
     */
    void update(List<MailboxAnnotation> changes) {
        for (MailboxAnnotation change : changes) {
            String name = change.getKey().asString();
            if (!name.startsWith("/shared/")) {
                throw new IllegalArgumentException("only /shared server entries are kept: " + name);
            }
            if (name.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException("entry names are at most " + MAX_NAME_LENGTH + " characters");
            }
            if (change.getValue().map(String::length).orElse(0) > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("values are at most " + MAX_VALUE_LENGTH + " characters");
            }
        }
        inTransaction(em -> {
            for (MailboxAnnotation change : changes) {
                String name = change.getKey().asString();
                if (change.isNil()) {
                    em.createNativeQuery("DELETE FROM " + TABLE + " WHERE ENTRY_NAME = ?1").setParameter(1, name)
                            .executeUpdate();
                } else if (em.createNativeQuery("UPDATE " + TABLE + " SET ENTRY_VALUE = ?1 WHERE ENTRY_NAME = ?2")
                        .setParameter(1, change.getValue().orElseThrow()).setParameter(2, name).executeUpdate() == 0) {
                    em.createNativeQuery("INSERT INTO " + TABLE + " (ENTRY_NAME, ENTRY_VALUE) VALUES (?1, ?2)")
                            .setParameter(1, name).setParameter(2, change.getValue().orElseThrow()).executeUpdate();
                }
            }
            Number count = (Number) em.createNativeQuery("SELECT COUNT(*) FROM " + TABLE).getSingleResult();
            if (count.intValue() > MAX_ENTRIES) {
                throw new IllegalArgumentException("at most " + MAX_ENTRIES + " server entries");
            }
            return null;
        });
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
