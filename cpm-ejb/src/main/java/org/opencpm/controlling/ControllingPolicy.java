package org.opencpm.controlling;

import java.time.Duration;
import org.opencpm.config.PolicyProperties;
import org.opencpm.participating.PagerModeLimits;

/**
 * The service provider's policy for the Controlling Function.
 *
 * @param adHocUser            user part of the CF's ad-hoc address ({@code sip:<adHocUser>@<home domain>}), where
 *                             RFC 5365 MESSAGEs to a list of recipients go (SD 5.2.3.4)
 * @param maxAdHocRecipients   most recipients one ad-hoc MESSAGE may list (SD 5.2.2.1.2: "based on the service
 *                             provider policies"); more is 413
 * @param routeNotifications   whether the CF asks for notifications to come back through it (SD 5.2.6.1) and
 *                             aggregates them
 * @param aggregationWindow    how long a collected notification may wait for others to go out with it
 * @param maxAggregateBytes    largest CPIM body of one aggregate; the default keeps it a pager-mode message
 *                             ({@value PagerModeLimits#MAX_PAGER_BODY} bytes, SD 5.2.2.1.5), so more notifications
 *                             than fit go out as several aggregates
 * @param trackingLifetime     how long the CF waits for the notifications of a message (recipients may be offline
 *                             as long as a deferred message lives)
 */
public record ControllingPolicy(String adHocUser, int maxAdHocRecipients, boolean routeNotifications,
                                Duration aggregationWindow, int maxAggregateBytes, Duration trackingLifetime) {

    public static final int MIN_AGGREGATE_BYTES = 600;
    public static final int MAX_AGGREGATE_BYTES = 64 * 1024;
    public static final int MAX_AD_HOC_RECIPIENTS = 1000;

    public static ControllingPolicy defaults() {
        return new ControllingPolicy("adhoc", 100, true, Duration.ofSeconds(10), PagerModeLimits.MAX_PAGER_BODY,
                Duration.ofDays(7));
    }

    /**
     * From {@code opencpm.cf.ad-hoc-user}, {@code opencpm.cf.ad-hoc-max-recipients},
     * {@code opencpm.cf.imdn.route-through-cf}, {@code opencpm.cf.imdn.aggregation-window},
     * {@code opencpm.cf.imdn.max-aggregate-bytes} and {@code opencpm.cf.imdn.tracking-lifetime}.
     */
    public static ControllingPolicy from(PolicyProperties props) {
        ControllingPolicy d = defaults();
        return new ControllingPolicy(
                props.text("opencpm.cf.ad-hoc-user", d.adHocUser(), "[a-z0-9][a-z0-9._-]{0,63}",
                        "a user part of lower-case letters, digits, '.', '_' or '-'"),
                props.count("opencpm.cf.ad-hoc-max-recipients", d.maxAdHocRecipients(), 1, MAX_AD_HOC_RECIPIENTS),
                props.flag("opencpm.cf.imdn.route-through-cf", d.routeNotifications()),
                props.duration("opencpm.cf.imdn.aggregation-window", d.aggregationWindow()),
                props.count("opencpm.cf.imdn.max-aggregate-bytes", d.maxAggregateBytes(), MIN_AGGREGATE_BYTES,
                        MAX_AGGREGATE_BYTES),
                props.duration("opencpm.cf.imdn.tracking-lifetime", d.trackingLifetime()));
    }
}
