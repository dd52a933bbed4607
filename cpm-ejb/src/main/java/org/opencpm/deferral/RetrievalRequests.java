package org.opencpm.deferral;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Client-driven retrieval of deferred messages (OMA CPM SD 5.2.5.1) asked for over HTTP and carried out over SIP.
 * The two are in different modules of the EAR, and CDI events from one module do not reach observers in another,
 * so the SIP side registers here at start and the REST side calls {@link #retrieve}.
 */
@ApplicationScoped
public class RetrievalRequests {

    private static final Logger LOG = Logger.getLogger(RetrievalRequests.class.getName());
    private final List<BiConsumer<String, List<UUID>>> handlers = new CopyOnWriteArrayList<>();

    public void register(BiConsumer<String, List<UUID>> handler) {
        handlers.add(handler);
    }

    /** Asks for these deferred messages of the user to be delivered to the user's registered clients now. */
    public void retrieve(String user, List<UUID> ids) {
        for (BiConsumer<String, List<UUID>> h : handlers) {
            try {
                h.accept(user, ids);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "retrieval of deferred messages for " + user + " failed", e);
            }
        }
    }
}
