package org.opencpm.messagestore.accounts;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The calls of James' WebAdmin (3.8) that keep an account: create or update it with its password
 * ({@code PUT /users/{login}?force}), after making sure its domain exists ({@code PUT /domains/{domain}}), and
 * remove it after its mailboxes ({@code DELETE /users/{login}/mailboxes}, then {@code DELETE /users/{login}}).
 * Each call is idempotent, so a change applied twice does no harm. A refusal or an unreachable store is an
 * {@link IOException} saying which call and what James answered.
 */
public class JamesWebAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;

    public JamesWebAdmin(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    public void ensureUser(String login, String password) throws IOException {
        String domain = login.substring(login.indexOf('@') + 1);
        // 204 created; James answers 409 for a domain it has already
        call("PUT", "/domains/" + encode(domain), null, 204, 409);
        call("PUT", "/users/" + encode(login) + "?force", "{\"password\":" + jsonString(password) + "}", 204);
    }

    public void removeUser(String login) throws IOException {
        // 404: the user has no mailboxes, or is unknown to James already
        call("DELETE", "/users/" + encode(login) + "/mailboxes", null, 204, 404);
        call("DELETE", "/users/" + encode(login), null, 204);
    }

    /** Whether James knows the account ({@code HEAD /users/{login}}). */
    public boolean exists(String login) throws IOException {
        return call("HEAD", "/users/" + encode(login), null, 200, 404) == 200;
    }

    private int call(String method, String path, String json, int... accepted) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " " + path + " interrupted", e);
        } catch (IOException e) {
            throw new IOException(method + " " + base + path.replaceAll("\\?.*", "") + ": " + e, e);
        }
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return status;
            }
        }
        String body = response.body() == null ? "" : response.body();
        throw new IOException(method + " " + path.replaceAll("\\?.*", "") + " answered " + response.statusCode()
                + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), 200))));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String jsonString(String value) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
