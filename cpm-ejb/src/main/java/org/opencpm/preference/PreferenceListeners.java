package org.opencpm.preference;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who wants to know when a user's preferences change, e.g. the SIP side, to push deferred messages once do not
 * disturb is lifted (OMA CPM SD 5.2.5.2). A registry rather than CDI events: an observer in a WAR does not see events
 * fired from this EJB module, while this bean is the same instance for every module of the application.
 * <p>
 * {@link PreferenceService} calls the listeners with the user name and the stored document once the change has
 * committed, never for a change rolled back. They run on the committing thread, after the commit and outside any
 * usable transaction: a listener that needs one must start its own (REQUIRES_NEW) or hand the work to an executor.
 * A listener that throws is logged and does not affect the change, the caller or the other listeners.
 */
@ApplicationScoped
public class PreferenceListeners {

    private static final Logger LOG = Logger.getLogger(PreferenceListeners.class.getName());

    private final List<BiConsumer<String, UserPreferences>> listeners = new CopyOnWriteArrayList<>();

    public void register(BiConsumer<String, UserPreferences> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Tells every listener that {@code username}'s stored document is now {@code preferences}. */
    public void changed(String username, UserPreferences preferences) {
        for (BiConsumer<String, UserPreferences> listener : listeners) {
            try {
                listener.accept(username, preferences);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A preference listener failed on the change of " + username, e);
            }
        }
    }
}
