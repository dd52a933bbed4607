package org.opencpm.registrar;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Removes expired bindings once a minute so the table only holds what may still be refreshed. */
@Singleton
public class BindingSweeper {

    private static final Logger LOG = Logger.getLogger(BindingSweeper.class.getName());

    @Inject
    LocationService location;

    @Schedule(hour = "*", minute = "*", second = "17", persistent = false)
    void sweep() {
        int removed = location.purgeExpired();
        if (removed > 0) {
            LOG.fine(() -> "removed " + removed + " expired contact bindings");
        }
    }
}
