package org.opencpm.sipservlets.participating;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 30 seconds: expires what is due, and retries the deferred messages of users with a registered client
 * (pushes that failed, leases of a node that died, a device that registered while a drain was stopping).
 */
@Singleton
public class DeferredDeliverySweeper {

    private static final Logger LOG = Logger.getLogger(DeferredDeliverySweeper.class.getName());
    private static final int USERS_PER_SWEEP = 1000;

    @Inject
    DeferredExpiry expiry;

    @Inject
    DeferredPusher pusher;

    @Inject
    org.opencpm.deferral.DeferralService deferral;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void sweep() {
        try {
            int expired = expiry.expireDue();
            if (expired > 0) {
                LOG.info(() -> expired + " deferred message(s) expired");
            }
            for (String user : deferral.recipientsWithQueuedMessages(USERS_PER_SWEEP)) {
                pusher.drain(user, DeferredPusher.Trigger.SWEEP);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deferred message sweep failed", e);
        }
    }
}
