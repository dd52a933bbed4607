package org.opencpm.it;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.opencpm.cms.testkit.CmsProcess;

/** Where the server under test listens (ports reserved per run by the build) and how to talk to its admin API. */
final class TestServer {

    static final String DOMAIN = "opencpm.test";
    static final String HOST = "127.0.0.1";
    static final int SIP_PORT = Integer.getInteger("it.sip.port");
    static final int HTTP_PORT = Integer.getInteger("it.http.port");
    private static final String ADMIN = System.getProperty("it.admin.user") + ":" + System.getProperty("it.admin.password");
    /** As arquillian.xml gives the server (opencpm.cms.admin.password). */
    static final String STORE_ADMIN_PASSWORD = "it-store-admin-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer() {
    }

    /** The EAR as built, under its own name (the MDB names its resource adapter as opencpm.ear#cpm-sip-ra.rar). */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }

    /** A user name no other test run uses, so tests never depend on what an earlier run left in the database. */
    static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static URI api(String path) {
        return URI.create("http://" + HOST + ":" + HTTP_PORT + "/api" + path);
    }

    static HttpResponse<String> send(String method, String path, String json, boolean asAdmin) throws Exception {
        return asAdmin ? send(method, path, json, "Authorization", adminAuthorization()) : send(method, path, json);
    }

    /** The value of an Authorization header for the administrator. */
    static String adminAuthorization() {
        return basic(ADMIN);
    }

    /** A request with the given headers, as name, value, name, value... */
    static HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
        return sendTyped(method, path, "application/json", json, headers);
    }

    /** A request with a body of {@code contentType} (when there is a body) and the given headers. */
    static HttpResponse<String> sendTyped(String method, String path, String contentType, String body,
                                          String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of an Authorization header for HTTP BASIC with {@code user:password}. */
    static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String absolutePath) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + HTTP_PORT + absolutePath))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The message store (cpm-cms in a JVM of its own) on the ports the build reserved for it, which the server under
     * test is told, with the administrator password the server writes with (arquillian.xml); started by the caller,
     * on a data directory of the test's own beside the server's.
     */
    static CmsProcess messageStore(String name) {
        Path data = Path.of(System.getProperty("it.server.base")).resolveSibling("cms-it-data-" + name);
        return new CmsProcess(data, Integer.getInteger("it.cms.imap.port"), Integer.getInteger("it.cms.smtp.port"),
                Integer.getInteger("it.cms.webadmin.port"), DOMAIN)
                .property("opencpm.cms.admin.password", STORE_ADMIN_PASSWORD);
    }

    /** Provisions {@code sip:user@opencpm.test} with the password; fails the test unless the server said 201. */
    static void provision(String user, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/users",
                "{\"address\":\"sip:" + user + "@" + DOMAIN + "\",\"password\":\"" + password + "\"}", true);
        if (r.statusCode() != 201) {
            throw new AssertionError("provisioning " + user + " gave " + r.statusCode() + ": " + r.body());
        }
    }
}
