package org.opencpm.deferral;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The service provider's policy for deferred messages (OMA CPM SD 5.2.5 note 2): how long a message waits before it
 * expires undelivered, how many may wait per user, and how long a delivery may hold a claimed message before it is
 * presumed lost and the message can be claimed again.
 * <p>
 * Read from system properties {@value #EXPIRY} (ISO-8601 duration, e.g. {@code PT168H}), {@value #MAX_PER_USER} and
 * {@value #LEASE}; a value that is malformed or not positive is logged and replaced by the default.
 */
public record DeferralPolicy(Duration expiry, int maxPerUser, Duration lease) {

    public static final String EXPIRY = "opencpm.deferral.expiry";
    public static final String MAX_PER_USER = "opencpm.deferral.max-per-user";
    public static final String LEASE = "opencpm.deferral.lease";

    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    public static final int DEFAULT_MAX_PER_USER = 20_000;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    private static final Logger LOG = Logger.getLogger(DeferralPolicy.class.getName());

    public DeferralPolicy {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(lease, "lease");
        if (!isPositive(expiry) || !isPositive(lease) || maxPerUser < 1) {
            throw new IllegalArgumentException("expiry, maxPerUser and lease must be positive");
        }
    }

    public static DeferralPolicy defaults() {
        return new DeferralPolicy(DEFAULT_EXPIRY, DEFAULT_MAX_PER_USER, DEFAULT_LEASE);
    }

    public static DeferralPolicy fromSystemProperties() {
        return from(System::getProperty);
    }

    /** The policy the named properties describe, each absent or invalid one replaced by its default. */
    static DeferralPolicy from(UnaryOperator<String> properties) {
        return new DeferralPolicy(
                duration(EXPIRY, properties.apply(EXPIRY), DEFAULT_EXPIRY),
                count(MAX_PER_USER, properties.apply(MAX_PER_USER), DEFAULT_MAX_PER_USER),
                duration(LEASE, properties.apply(LEASE), DEFAULT_LEASE));
    }

    private static Duration duration(String name, String value, Duration defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration parsed = Duration.parse(value.trim());
            if (isPositive(parsed)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        return invalid(name, value, "a positive ISO-8601 duration (PT168H, PT60S)", defaultValue);
    }

    private static int count(String name, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return invalid(name, value, "a whole number of at least 1", defaultValue);
    }

    private static <T> T invalid(String name, String value, String expected, T defaultValue) {
        LOG.warning(() -> "System property " + name + "='" + value + "' is not " + expected + "; using "
                + defaultValue);
        return defaultValue;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
