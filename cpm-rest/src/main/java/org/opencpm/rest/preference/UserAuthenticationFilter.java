package org.opencpm.rest.preference;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.opencpm.rest.problem.Problem;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.UserAccountService;

/**
 * HTTP BASIC with a user's SIP credentials, for the {@link UserAuthenticated} resources. Users are not in the
 * server's security realm (only administrators are), and only their digest HA1 is stored, so the password is checked
 * here against it by {@link UserAccountService#verifyPassword}. The request then runs as that user: the
 * {@link SecurityContext} principal is the user part of the address, the only user the resource serves.
 * Missing or wrong credentials get 401 with a Basic challenge; which of the two is not said.
 */
@Provider
@UserAuthenticated
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class UserAuthenticationFilter implements ContainerRequestFilter {

    /** The challenge (RFC 7617): a realm of its own, apart from the administrators', and UTF-8 credentials. */
    static final String CHALLENGE = "Basic realm=\"OpenCPM users\", charset=\"UTF-8\"";

    @Inject
    UserAccountService users;

    @Inject
    HomeDomain homeDomain;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> user = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(credentials -> credentials.username(homeDomain.name())
                        .filter(username -> users.verifyPassword(username, credentials.password())));
        if (user.isEmpty()) {
            request.abortWith(Problem.of(Response.Status.UNAUTHORIZED,
                    "Authenticate with your SIP user name and password.",
                    request.getUriInfo().getRequestUri().getRawPath())
                    .responseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build());
            return;
        }
        request.setSecurityContext(new UserSecurityContext(user.get(), request.getSecurityContext().isSecure()));
    }

    /** An authenticated user of the home domain: no roles, as roles are for administrators. */
    record UserSecurityContext(String username, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return () -> username;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
