package org.opencpm.sipservlets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.authentication.DigestAuthenticator;
import org.opencpm.user.DigestCredentials;
import org.opencpm.registrar.LocationService;
import org.opencpm.registrar.RegistrarPolicy;
import org.opencpm.sip.container.EmbeddedSipContainer;
import org.opencpm.sipservlets.participating.ParticipatingServlet;
import org.opencpm.sipservlets.registrar.RegistrarServlet;
import org.opencpm.sipservlets.security.SipDigestGuard;
import org.opencpm.storage.registration.InMemoryContactBindingRepository;
import org.opencpm.storage.user.DigestHashes;

/**
 * The registrar and the PF in the embedded container, wired by hand as CDI does in WildFly, with users in a map
 * and bindings in memory, and the routing rules shipped in the WAR.
 */
final class EmbeddedCore implements AutoCloseable {

    static final String DOMAIN = "opencpm.test";

    final Map<String, DigestCredentials> users = new ConcurrentHashMap<>();
    final EmbeddedSipContainer container;

    EmbeddedCore() throws Exception {
        CoreSettings settings = new CoreSettings(DOMAIN);
        CredentialsSource source = (username, realm) -> Optional.ofNullable(users.get(username))
                .filter(c -> c.realm().equals(realm));
        Clock clock = Clock.systemUTC();
        LocationService location = new LocationService(new InMemoryContactBindingRepository(), clock,
                new RegistrarPolicy(60, 3600, 86400, 10));
        SipDigestGuard guard = new SipDigestGuard(
                new DigestAuthenticator(DOMAIN, "test-secret".getBytes(StandardCharsets.UTF_8), clock,
                        Duration.ofMinutes(5)), source);
        Properties props = new Properties();
        props.setProperty("opencpm.domain", DOMAIN);
        container = EmbeddedSipContainer.onFreePort(props)
                .servlet(new RegistrarServlet(location, guard, source, settings))
                .servlet(new ParticipatingServlet(location, guard, source, settings));
        try (var rules = getClass().getResourceAsStream("/META-INF/sip-routing.conf")) {
            container.start(new String(rules.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Stores the user's HA1 values exactly as the user account service does. */
    void provision(String user, String password) {
        users.put(user, new DigestCredentials(user, DOMAIN, DigestHashes.ha1Md5(user, DOMAIN, password),
                DigestHashes.ha1Sha256(user, DOMAIN, password), "sip:" + user + "@" + DOMAIN));
    }

    int port() {
        return container.port();
    }

    @Override
    public void close() {
        container.close();
    }
}
