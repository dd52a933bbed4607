package org.opencpm.deferral;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Forgets forwarded-notification records after {@value #RETENTION_DAYS} days, once an hour: a device that notifies
 * later than that about a message is not worth a table that only grows. Expired deferred messages are not handled
 * here: the SIP side takes them out, as their senders may be owed a negative delivery notification.
 */
@Singleton
public class DeferralHousekeeping {

    static final int RETENTION_DAYS = 30;

    private static final Logger LOG = Logger.getLogger(DeferralHousekeeping.class.getName());

    @Inject
    NotificationDeduplicator notifications;

    @Schedule(hour = "*", minute = "43", persistent = false)
    void forgetOldNotifications() {
        int forgotten = notifications.forgetOlderThan(Duration.ofDays(RETENTION_DAYS));
        if (forgotten > 0) {
            LOG.fine(() -> "forgot " + forgotten + " forwarded-notification records");
        }
    }
}
