package org.opencpm.deferral;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.opencpm.config.PolicyProperties;

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
        PolicyProperties props = new PolicyProperties(properties);
        return new DeferralPolicy(
                props.duration(EXPIRY, DEFAULT_EXPIRY),
                props.count(MAX_PER_USER, DEFAULT_MAX_PER_USER, 1, Integer.MAX_VALUE),
                props.duration(LEASE, DEFAULT_LEASE));
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
