package org.opencpm.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.opencpm.authentication.DigestAuthenticator;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.deferral.DeferralPolicy;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.recording.RecordingPolicy;
import org.opencpm.user.HomeDomain;

/** Producers of the shared, immutable objects (singletons: they are final and need no proxy). */
@ApplicationScoped
public class CoreProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ServiceProviderPolicy participatingPolicy() {
        return ServiceProviderPolicy.from(System.getProperties());
    }

    /**
     * Nonces are signed with a secret made at start: after a restart clients get {@code stale=true} and retry.
     * (Several nodes behind one address will need a shared secret.)
     */
    @Produces
    @Singleton
    DigestAuthenticator digestAuthenticator(HomeDomain domain, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new DigestAuthenticator(domain.name(), secret, clock, Duration.ofMinutes(5));
    }

    /** Read once at deployment: a changed property takes effect on the next start. */
    @Produces
    @Singleton
    DeferralPolicy deferralPolicy() {
        return DeferralPolicy.fromSystemProperties();
    }

    /** Read once at deployment, like the other policies. */
    @Produces
    @Singleton
    RecordingPolicy recordingPolicy() {
        return RecordingPolicy.from(PolicyProperties.system());
    }

    @Produces
    @Singleton
    ControllingPolicy controllingPolicy() {
        return ControllingPolicy.from(PolicyProperties.system());
    }
}
