package org.opencpm.authentication;

import org.opencpm.storage.user.DigestHashes;
import org.opencpm.user.DigestCredentials;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues digest challenges and checks responses (RFC 2617 / RFC 8760 with qop=auth or none). Nonces are
 * stateless: a timestamp and its HMAC under a secret of this server, so they need no storage and expire by
 * themselves; an expired one is answered with {@code stale=true} so clients retry without asking the user.
 */
public final class DigestAuthenticator {

    /** A challenge to put in WWW-Authenticate or Proxy-Authenticate. */
    public record Challenge(String realm, String nonce, boolean stale) {
        public String headerValue() {
            return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5, qop=\"auth\""
                    + (stale ? ", stale=true" : "");
        }
    }

    public enum Outcome { AUTHENTICATED, NO_CREDENTIALS, STALE_NONCE, UNKNOWN_USER, WRONG_CREDENTIALS, MALFORMED }

    public record Result(Outcome outcome, DigestCredentials credentials, String detail) {
        public boolean authenticated() {
            return outcome == Outcome.AUTHENTICATED;
        }
    }

    private final String realm;
    private final byte[] secret;
    private final Clock clock;
    private final Duration nonceLifetime;

    public DigestAuthenticator(String realm, byte[] secret, Clock clock, Duration nonceLifetime) {
        this.realm = realm;
        this.secret = secret.clone();
        this.clock = clock;
        this.nonceLifetime = nonceLifetime;
    }

    public String realm() {
        return realm;
    }

    public Challenge challenge(boolean stale) {
        long now = clock.millis();
        byte[] mac = mac(now);
        ByteBuffer b = ByteBuffer.allocate(8 + 16).putLong(now).put(mac, 0, 16);
        return new Challenge(realm, Base64.getUrlEncoder().withoutPadding().encodeToString(b.array()), stale);
    }

    /**
     * Checks the credentials in {@code headerValue} (null when the request carried none) for a request with this
     * method and Request-URI.
     */
    public Result verify(String headerValue, String method, String requestUri, CredentialsSource source) {
        if (headerValue == null) {
            return new Result(Outcome.NO_CREDENTIALS, null, "no credentials");
        }
        Optional<DigestResponse> parsed = DigestResponse.parse(headerValue);
        if (parsed.isEmpty()) {
            return new Result(Outcome.MALFORMED, null, "malformed digest credentials");
        }
        DigestResponse d = parsed.get();
        if (!realm.equals(d.realm())) {
            return new Result(Outcome.NO_CREDENTIALS, null, "credentials for another realm");
        }
        if (d.qop() != null && !"auth".equalsIgnoreCase(d.qop())) {
            return new Result(Outcome.MALFORMED, null, "unsupported qop " + d.qop());
        }
        if (!requestUri.equals(d.uri())) {
            // RFC 2617 section 3.2.2.5: the digest-uri must be the Request-URI.
            return new Result(Outcome.MALFORMED, null, "digest uri does not match the Request-URI");
        }
        NonceState nonce = checkNonce(d.nonce());
        if (nonce == NonceState.FORGED) {
            return new Result(Outcome.NO_CREDENTIALS, null, "nonce not issued here");
        }
        Optional<DigestCredentials> stored = source.credentials(d.username(), realm);
        if (stored.isEmpty()) {
            return new Result(Outcome.UNKNOWN_USER, null, "unknown user " + d.username());
        }
        String algorithm = d.algorithm().toUpperCase(Locale.ROOT);
        String ha1;
        String digestName;
        if (algorithm.equals("MD5")) {
            ha1 = stored.get().ha1Md5();
            digestName = "MD5";
        } else if (algorithm.equals("SHA-256")) {
            ha1 = stored.get().ha1Sha256();
            digestName = "SHA-256";
        } else {
            return new Result(Outcome.MALFORMED, null, "unsupported algorithm " + d.algorithm());
        }
        String ha2 = DigestHashes.hex(digestName, method + ":" + d.uri());
        String expected = d.qop() == null
                ? DigestHashes.hex(digestName, ha1 + ":" + d.nonce() + ":" + ha2)
                : DigestHashes.hex(digestName, ha1 + ":" + d.nonce() + ":" + d.nc() + ":" + d.cnonce() + ":" + d.qop() + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                d.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Result(Outcome.WRONG_CREDENTIALS, stored.get(), "wrong credentials for " + d.username());
        }
        if (nonce == NonceState.EXPIRED) {
            return new Result(Outcome.STALE_NONCE, stored.get(), "nonce expired");
        }
        return new Result(Outcome.AUTHENTICATED, stored.get(), "ok");
    }

    private enum NonceState { VALID, EXPIRED, FORGED }

    private NonceState checkNonce(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return NonceState.FORGED;
        }
        if (raw.length != 24) {
            return NonceState.FORGED;
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long issued = b.getLong();
        byte[] mac = new byte[16];
        b.get(mac);
        byte[] expected = new byte[16];
        System.arraycopy(mac(issued), 0, expected, 0, 16);
        if (!MessageDigest.isEqual(mac, expected)) {
            return NonceState.FORGED;
        }
        long age = clock.millis() - issued;
        return age < 0 || age > nonceLifetime.toMillis() ? NonceState.EXPIRED : NonceState.VALID;
    }

    private byte[] mac(long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(ByteBuffer.allocate(8).putLong(timestamp).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
