package org.opencpm.sipservlets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.opencpm.authentication.DigestAuthenticator;

/** What the servlets and services share, made once per deployment. */
@ApplicationScoped
public class CoreProducers {

    @Produces
    @ApplicationScoped
    CoreSettings settings() {
        return CoreSettings.fromSystemProperties();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Nonces are signed with a secret made at start: after a restart clients get {@code stale=true} and retry.
     * (Several nodes behind one address will need a shared secret.)
     */
    @Produces
    @ApplicationScoped
    DigestAuthenticator digestAuthenticator(CoreSettings settings, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new DigestAuthenticator(settings.domain(), secret, clock, Duration.ofMinutes(5));
    }
}
