package org.opencpm.rest.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpm.rest.problem.Problem;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.UserAccountService;

/** The filter on a stub request, with alice's password "alice-password" as the only valid credentials. */
class UserAuthenticationFilterTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final String PATH = "/api/me/preferences";

    private final List<String> checked = new ArrayList<>();
    private final UserAuthenticationFilter filter = new UserAuthenticationFilter();
    private Response aborted;
    private SecurityContext established;

    UserAuthenticationFilterTest() {
        filter.homeDomain = new HomeDomain();
        filter.users = new UserAccountService() {
            @Override
            public boolean verifyPassword(String username, String password) {
                checked.add(username);
                return username.equals("alice") && password.equals("alice-password");
            }
        };
    }

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@opencpm.test", "sip:alice@opencpm.test"})
    void theUserBecomesThePrincipal(String userId) {
        filter.filter(request(basic(userId + ":alice-password")));

        assertNull(aborted);
        assertEquals("alice", established.getUserPrincipal().getName());
        assertEquals(SecurityContext.BASIC_AUTH, established.getAuthenticationScheme());
        assertEquals(false, established.isUserInRole("admin"));
    }

    @Test
    void aWrongPasswordIsChallenged() {
        filter.filter(request(basic("alice:guess")));

        assertChallenged();
    }

    @Test
    void noCredentialsAreChallenged() {
        filter.filter(request(null));

        assertChallenged();
        assertEquals(List.of(), checked);
    }

    @Test
    void aUserOfAnotherDomainIsNotEvenLookedUp() {
        filter.filter(request(basic("alice@example.com:alice-password")));

        assertChallenged();
        assertEquals(List.of(), checked);
    }

    private void assertChallenged() {
        assertNull(established);
        assertEquals(401, aborted.getStatus());
        assertEquals(Problem.MEDIA_TYPE, aborted.getMediaType().toString());
        assertEquals("Basic realm=\"OpenCPM users\", charset=\"UTF-8\"",
                aborted.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Authenticate with your SIP user name and password.\",\"instance\":\"" + PATH + "\"}",
                JSONB.toJson(aborted.getEntity()));
    }

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private ContainerRequestContext request(String authorization) {
        UriInfo uriInfo = stub(UriInfo.class, (method, args) -> method.equals("getRequestUri")
                ? URI.create("http://localhost:8080" + PATH) : unsupported(method));
        SecurityContext container = stub(SecurityContext.class, (method, args) -> method.equals("isSecure")
                ? Boolean.FALSE : unsupported(method));
        return stub(ContainerRequestContext.class, (method, args) -> switch (method) {
            case "getHeaderString" -> HttpHeaders.AUTHORIZATION.equals(args[0]) ? authorization : null;
            case "getUriInfo" -> uriInfo;
            case "getSecurityContext" -> container;
            case "abortWith" -> {
                aborted = (Response) args[0];
                yield null;
            }
            case "setSecurityContext" -> {
                established = (SecurityContext) args[0];
                yield null;
            }
            default -> unsupported(method);
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }

    private static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, m, args) -> answer.answer(m.getName(), args)));
    }
}
