package org.opencpm.sipservlets.participating;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.opencpm.deferral.RetrievalRequests;
import org.opencpm.preference.PreferenceListeners;

/**
 * Connects what users and admins do over REST (in another module of the EAR) to the pusher: when a user lifts
 * do-not-disturb, or changes how deferred messages reach them, their queue is looked at again; when a client asks
 * for deferred messages (5.2.5.1), they are delivered.
 */
@ApplicationScoped
public class PushTriggers {

    @Inject
    PreferenceListeners listeners;

    @Inject
    RetrievalRequests retrievals;

    @Inject
    DeferredPusher pusher;

    /** Listeners are called as the REST transaction completes, where no new work may join it: hand over. */
    @Resource
    ManagedExecutorService executor;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        listeners.register((user, prefs) -> executor.execute(
                () -> pusher.drain(user, DeferredPusher.Trigger.PREFERENCES)));
        retrievals.register(pusher::retrieve);
    }
}
