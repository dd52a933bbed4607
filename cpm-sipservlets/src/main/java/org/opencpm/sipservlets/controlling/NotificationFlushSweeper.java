package org.opencpm.sipservlets.controlling;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.controlling.NotificationAggregator;

/**
 * Every 5 seconds, sends the notifications that have waited the aggregation window at the CF; every hour, forgets
 * the messages whose notifications can no longer be expected.
 */
@Singleton
public class NotificationFlushSweeper {

    private static final Logger LOG = Logger.getLogger(NotificationFlushSweeper.class.getName());

    @Inject
    NotificationAggregator aggregator;

    @Inject
    NotificationRouter router;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void flush() {
        try {
            router.send(aggregator.flushWaiting());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sending waiting notifications failed", e);
        }
    }

    @Schedule(minute = "17", hour = "*", persistent = false)
    void forget() {
        try {
            int forgotten = aggregator.forgetExpired();
            if (forgotten > 0) {
                LOG.info(() -> forgotten + " tracked group message(s) forgotten");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "forgetting tracked group messages failed", e);
        }
    }
}
