package org.opencpm.authentication;

import org.opencpm.user.DigestCredentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencpm.authentication.DigestAuthenticator.Outcome;
import org.opencpm.storage.user.DigestHashes;
import org.opencpm.testsupport.MutableClock;

class DigestAuthenticatorTest {

    private static final String REALM = "opencpm.test";
    private static final String URI = "sip:opencpm.test";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final DigestAuthenticator auth = new DigestAuthenticator(REALM, "k".getBytes(StandardCharsets.UTF_8),
            clock, Duration.ofMinutes(5));
    private final DigestCredentials bob = new DigestCredentials("bob", REALM,
            DigestHashes.ha1Md5("bob", REALM, "bob-secret"), DigestHashes.ha1Sha256("bob", REALM, "bob-secret"),
            "sip:bob@opencpm.test");
    private final CredentialsSource users = (u, r) -> u.equals("bob") && r.equals(REALM) ? Optional.of(bob) : Optional.empty();

    private String answer(String nonce, String password, String algorithm, String user) {
        String h = algorithm.equals("MD5") ? "MD5" : "SHA-256";
        String ha1 = DigestHashes.hex(h, user + ":" + REALM + ":" + password);
        String ha2 = DigestHashes.hex(h, "REGISTER:" + URI);
        String resp = DigestHashes.hex(h, ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + resp + "\", algorithm=" + algorithm + ", qop=auth, nc=00000001, cnonce=\"c0ffee\"";
    }

    @Test
    void rfc2617ExampleDigestIsComputedAsSpecified() {
        // RFC 2617 section 3.5: Mufasa / testrealm@host.com / Circle Of Life, qop=auth.
        String ha1 = DigestHashes.hex("MD5", "Mufasa:testrealm@host.com:Circle Of Life");
        String ha2 = DigestHashes.hex("MD5", "GET:/dir/index.html");
        String response = DigestHashes.hex("MD5", ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:" + ha2);
        assertEquals("6629fae49393a05397450978507c4ef1", response);
    }

    @Test
    void rightAnswerAuthenticatesWithMd5AndSha256() {
        String nonce = auth.challenge(false).nonce();
        var md5 = auth.verify(answer(nonce, "bob-secret", "MD5", "bob"), "REGISTER", URI, users);
        assertEquals(Outcome.AUTHENTICATED, md5.outcome());
        assertEquals("bob", md5.credentials().username());
        assertEquals(Outcome.AUTHENTICATED,
                auth.verify(answer(nonce, "bob-secret", "SHA-256", "bob"), "REGISTER", URI, users).outcome());
    }

    @Test
    void wrongPasswordUnknownUserAndForgedNonceAreTold() {
        String nonce = auth.challenge(false).nonce();
        assertEquals(Outcome.WRONG_CREDENTIALS, auth.verify(answer(nonce, "guess", "MD5", "bob"), "REGISTER", URI, users).outcome());
        assertEquals(Outcome.UNKNOWN_USER, auth.verify(answer(nonce, "x", "MD5", "eve"), "REGISTER", URI, users).outcome());
        String forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(Outcome.NO_CREDENTIALS, auth.verify(answer(forged, "bob-secret", "MD5", "bob"), "REGISTER", URI, users).outcome());
        assertEquals(Outcome.NO_CREDENTIALS, auth.verify(null, "REGISTER", URI, users).outcome());
    }

    @Test
    void oldNonceIsStaleOnlyWhenTheAnswerIsOtherwiseRight() {
        String nonce = auth.challenge(false).nonce();
        clock.advance(Duration.ofMinutes(6));
        assertEquals(Outcome.STALE_NONCE, auth.verify(answer(nonce, "bob-secret", "MD5", "bob"), "REGISTER", URI, users).outcome());
        assertEquals(Outcome.WRONG_CREDENTIALS, auth.verify(answer(nonce, "guess", "MD5", "bob"), "REGISTER", URI, users).outcome());
        assertTrue(auth.challenge(true).headerValue().endsWith("stale=true"));
    }

    @Test
    void malformedCredentialsAndMismatchedUriAreMalformed() {
        String nonce = auth.challenge(false).nonce();
        assertEquals(Outcome.MALFORMED, auth.verify("Digest username=\"bob\"", "REGISTER", URI, users).outcome());
        assertEquals(Outcome.MALFORMED, auth.verify("Basic Ym9iOnNlY3JldA==", "REGISTER", URI, users).outcome());
        assertEquals(Outcome.MALFORMED, auth.verify(answer(nonce, "bob-secret", "MD5", "bob"), "REGISTER",
                "sip:other.test", users).outcome());
        assertEquals(Outcome.MALFORMED, auth.verify("Digest username=\"bob\", username=\"eve\", realm=\"opencpm.test\","
                + " nonce=\"n\", uri=\"sip:opencpm.test\", response=\"r\"", "REGISTER", URI, users).outcome());
        assertEquals(Outcome.MALFORMED, auth.verify("Digest " + "x=\"y\", ".repeat(1000), "REGISTER", URI, users).outcome());
    }
}
