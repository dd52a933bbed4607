package org.opencpm.messagestore.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.config.PolicyProperties;

/**
 * The WebAdmin calls on the wire, against a loopback HTTP server that answers as James 3.8 does (the calls against
 * James itself are in arquillian-tests' MessageStoreAccountsIT and cpm-cms' CmsStoreTest).
 */
class JamesWebAdminTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger userStatus = new AtomicInteger(204);
    private HttpServer server;
    private JamesWebAdmin james;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                    + (body.isEmpty() ? "" : " " + body));
            int status = exchange.getRequestURI().getRawPath().startsWith("/users/") ? userStatus.get() : 204;
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] answer = status >= 400 ? "{\"message\":\"refused\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
                exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
        james = new JamesWebAdmin(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAccountIsItsDomainThenTheUserWithItsPasswordForced() throws IOException {
        james.ensureUser("o'neil+cpm@opencpm.test", "pa\"ss\\word");
        assertEquals(List.of("PUT /domains/opencpm.test",
                "PUT /users/o%27neil%2Bcpm%40opencpm.test?force {\"password\":\"pa\\\"ss\\\\word\"}"), requests);
    }

    @Test
    void removalTakesTheMailboxesFirstAndToleratesWhatIsGoneAlready() throws IOException {
        userStatus.set(204);
        james.removeUser("bob@opencpm.test");
        assertEquals(List.of("DELETE /users/bob%40opencpm.test/mailboxes", "DELETE /users/bob%40opencpm.test"),
                requests);
    }

    @Test
    void aRefusalSaysWhichCallAndWhatJamesAnswered() {
        userStatus.set(400);
        IOException e = assertThrows(IOException.class, () -> james.ensureUser("bob@opencpm.test", "secret-1"));
        assertTrue(e.getMessage().contains("PUT /users/bob%40opencpm.test answered 400: {\"message\":\"refused\"}"),
                e.getMessage());
        assertFalse(e.getMessage().contains("secret-1"), "the password never appears in an error");
    }

    @Test
    void anUnreachableStoreIsAnIoException() throws IOException {
        server.stop(0);
        IOException e = assertThrows(IOException.class, () -> james.removeUser("bob@opencpm.test"));
        assertTrue(e.getMessage().startsWith("DELETE http://127.0.0.1:"), e.getMessage());
    }

    @Test
    void existsIsHead() throws IOException {
        userStatus.set(404);
        assertFalse(james.exists("bob@opencpm.test"));
        userStatus.set(200);
        assertTrue(james.exists("bob@opencpm.test"));
    }

    @Test
    void settingsHaveLoopbackDefaultsAndRefuseWhatIsNotAUrl() {
        MessageStoreSettings defaults = MessageStoreSettings.from(new PolicyProperties(name -> null));
        assertTrue(defaults.enabled());
        assertEquals(URI.create("http://127.0.0.1:8000"), defaults.webAdmin());
        assertEquals(Duration.ofSeconds(15), defaults.retry());
        Map<String, String> set = Map.of("opencpm.cms.webadmin.url", "http://127.0.0.1:18000/",
                "opencpm.cms.enabled", "false", "opencpm.cms.retry", "PT2S");
        MessageStoreSettings s = MessageStoreSettings.from(new PolicyProperties(set::get));
        assertEquals(URI.create("http://127.0.0.1:18000"), s.webAdmin());
        assertFalse(s.enabled());
        assertEquals(Duration.ofSeconds(2), s.retry());
        assertEquals(URI.create("http://127.0.0.1:8000"), MessageStoreSettings.from(
                new PolicyProperties(Map.of("opencpm.cms.webadmin.url", "ftp://x")::get)).webAdmin());
    }
}
