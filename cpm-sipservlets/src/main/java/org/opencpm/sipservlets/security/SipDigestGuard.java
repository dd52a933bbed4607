package org.opencpm.sipservlets.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.authentication.DigestAuthenticator;
import org.opencpm.user.DigestCredentials;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;

/**
 * Lets a request through when its digest credentials are right, and otherwise answers it: 401/407 with a
 * challenge (none given, or a stale nonce), 403 for wrong credentials or an unknown user, 400 for malformed ones.
 * Registrars challenge with 401 and WWW-Authenticate, the proxy role with 407 and Proxy-Authenticate
 * (RFC 3261 section 22.3).
 */
@ApplicationScoped
public class SipDigestGuard {

    private static final Logger LOG = Logger.getLogger(SipDigestGuard.class.getName());

    public enum Role { REGISTRAR, PROXY }

    private DigestAuthenticator authenticator;
    private CredentialsSource credentials;

    protected SipDigestGuard() {
    }

    @Inject
    public SipDigestGuard(DigestAuthenticator authenticator, CredentialsSource credentials) {
        this.authenticator = authenticator;
        this.credentials = credentials;
    }

    /** The authenticated user, or empty after this method answered the request. */
    public Optional<DigestCredentials> authenticate(SipServletRequest request, Role role) {
        String header = role == Role.REGISTRAR ? "Authorization" : "Proxy-Authorization";
        String prefix = header.toLowerCase(Locale.ROOT) + ":";
        if (request.getMalformedHeaders().stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))) {
            request.createResponse(400, "Malformed " + header + " header").send();
            return Optional.empty();
        }
        DigestAuthenticator.Result result = authenticator.verify(request.getHeader(header), request.getMethod(),
                request.getRequestURI().toString(), credentials);
        switch (result.outcome()) {
            case AUTHENTICATED:
                return Optional.of(result.credentials());
            case NO_CREDENTIALS:
                challenge(request, role, false);
                return Optional.empty();
            case STALE_NONCE:
                challenge(request, role, true);
                return Optional.empty();
            case MALFORMED:
                request.createResponse(400, "Bad credentials: " + result.detail()).send();
                return Optional.empty();
            default:
                LOG.info(() -> "authentication failed from " + request.getRemoteAddr() + ":" + request.getRemotePort()
                        + " for " + request.getFrom().getURI() + ": " + result.detail());
                request.createResponse(403, "Forbidden (bad credentials)").send();
                return Optional.empty();
        }
    }

    private void challenge(SipServletRequest request, Role role, boolean stale) {
        int status = role == Role.REGISTRAR ? 401 : 407;
        SipServletResponse response = request.createResponse(status);
        response.setHeader(role == Role.REGISTRAR ? "WWW-Authenticate" : "Proxy-Authenticate",
                authenticator.challenge(stale).headerValue());
        response.send();
    }
}
