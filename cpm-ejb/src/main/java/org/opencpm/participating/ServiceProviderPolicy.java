package org.opencpm.participating;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Logger;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.ExpiredHandling;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.preference.UserPreferences;

/**
 * The service provider's choices where the user has set none (OMA CPM SD 5.2.5 note 1, 5.1.5) and the timing of
 * delivery.
 *
 * @param deferredDelivery default delivery option for deferred messages
 * @param expiredHandling  default handling of expired deferred messages
 * @param multiDevice      default multi-device policy
 * @param deviceDeadline   how long one delivery attempt may take before the device counts as failed; below the
 *                         32 s of SIP Timer F so that the sender, whose own transaction runs as long, gets a
 *                         final answer (202 after deferral) in time
 * @param pushWindow       how many deferred messages to one user may be in flight at once
 */
public record ServiceProviderPolicy(DeferredDelivery deferredDelivery, ExpiredHandling expiredHandling,
                                    MultiDevicePolicy multiDevice, Duration deviceDeadline, int pushWindow) {

    private static final Logger LOG = Logger.getLogger(ServiceProviderPolicy.class.getName());

    public ServiceProviderPolicy {
        if (deviceDeadline.isNegative() || deviceDeadline.isZero() || deviceDeadline.toSeconds() >= 32) {
            throw new IllegalArgumentException("device deadline must be between 0 and 32 s");
        }
        if (pushWindow < 1 || pushWindow > 1000) {
            throw new IllegalArgumentException("push window must be 1..1000");
        }
    }

    public static ServiceProviderPolicy defaults() {
        return new ServiceProviderPolicy(DeferredDelivery.PUSH, ExpiredHandling.DISCARD, MultiDevicePolicy.ALL,
                Duration.ofSeconds(8), 16);
    }

    /** The user's choice of delivery option for deferred messages, else this policy's (SD 5.2.5 note 1). */
    public DeferredDelivery deferredDeliveryFor(UserPreferences prefs) {
        return prefs.deferredDelivery() != null ? prefs.deferredDelivery() : deferredDelivery;
    }

    /** The user's choice for expired deferred messages, else this policy's. */
    public ExpiredHandling expiredHandlingFor(UserPreferences prefs) {
        return prefs.expiredHandling() != null ? prefs.expiredHandling() : expiredHandling;
    }

    /** The user's multi-device policy, else this policy's (SD 5.1.5). */
    public MultiDevicePolicy multiDeviceFor(UserPreferences prefs) {
        return prefs.multiDevice() != null ? prefs.multiDevice() : multiDevice;
    }

    /**
     * From system properties {@code opencpm.pf.deferred-delivery}, {@code opencpm.pf.expired-handling},
     * {@code opencpm.pf.multi-device} (enum names), {@code opencpm.pf.device-deadline} (ISO-8601 duration) and
     * {@code opencpm.pf.push-window}; a bad value is logged and the default kept.
     */
    public static ServiceProviderPolicy from(Properties props) {
        ServiceProviderPolicy d = defaults();
        DeferredDelivery deferred = read(props, "opencpm.pf.deferred-delivery", d.deferredDelivery(),
                v -> DeferredDelivery.valueOf(v.toUpperCase(Locale.ROOT)));
        ExpiredHandling expired = read(props, "opencpm.pf.expired-handling", d.expiredHandling(),
                v -> ExpiredHandling.valueOf(v.toUpperCase(Locale.ROOT)));
        MultiDevicePolicy multi = read(props, "opencpm.pf.multi-device", d.multiDevice(),
                v -> MultiDevicePolicy.valueOf(v.toUpperCase(Locale.ROOT)));
        Duration deadline = read(props, "opencpm.pf.device-deadline", d.deviceDeadline(), Duration::parse);
        int window = read(props, "opencpm.pf.push-window", d.pushWindow(), Integer::valueOf);
        try {
            return new ServiceProviderPolicy(deferred, expired, multi, deadline, window);
        } catch (IllegalArgumentException e) {
            LOG.warning("PF policy out of range (" + e.getMessage() + "); using the defaults");
            return d;
        }
    }

    private static <T> T read(Properties props, String name, T fallback, Function<String, T> parse) {
        String value = props.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.warning(name + "=" + value + " is not valid; using " + fallback);
            return fallback;
        }
    }
}
