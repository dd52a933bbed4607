package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.sip.testkit.SipTestAgent;

/** The admin REST API on WildFly: authentication, the user life cycle, problem+json errors, health, OpenAPI. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String path(String user) {
        return "/users/" + URLEncoder.encode("sip:" + user + "@opencpm.test", StandardCharsets.UTF_8);
    }

    @Test
    void userLifeCycleAndItsEffectOnSip() throws Exception {
        String erin = TestServer.uniqueUser("erin");
        String body = "{\"address\":\"sip:" + erin + "@opencpm.test\",\"password\":\"first-password\"}";
        HttpResponse<String> created = TestServer.send("POST", "/users", body, true);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElseThrow().contains("/users/"));
        assertFalse(created.body().contains("ha1"), "hashes never leave the server");
        assertFalse(created.body().contains("first-password"));

        HttpResponse<String> duplicate = TestServer.send("POST", "/users", body, true);
        assertEquals(409, duplicate.statusCode());
        assertTrue(duplicate.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));

        HttpResponse<String> read = TestServer.send("GET", path(erin), null, true);
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("sip:" + erin + "@opencpm.test"), read.body());

        HttpResponse<String> list = TestServer.send("GET", "/users?page=0&size=200", null, true);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(erin) && list.body().contains("\"total\""), list.body());

        assertEquals(204, TestServer.send("PUT", path(erin) + "/password", "{\"password\":\"second-password\"}", true)
                .statusCode());
        try (SipTestAgent ua = SipTestAgent.udp("erin").as(erin, "opencpm.test", "first-password", TestServer.HOST,
                TestServer.SIP_PORT)) {
            assertEquals(403, ua.register(3600, null).getStatusCode(), "the old password no longer works");
            assertEquals(200, ua.register(3600, null, "second-password").getStatusCode());
            assertEquals(204, TestServer.send("DELETE", path(erin), null, true).statusCode());
            assertEquals(404, TestServer.send("GET", path(erin), null, true).statusCode());
            assertEquals(404, ua.register(3600, null, "second-password").getStatusCode(), "a deleted user is unknown");
        }
    }

    @Test
    void everyUserEndpointNeedsTheAdminRole() throws Exception {
        assertEquals(401, TestServer.send("GET", "/users", null, false).statusCode());
        assertEquals(401, TestServer.send("POST", "/users", "{\"address\":\"sip:x@opencpm.test\",\"password\":\"12345678\"}",
                false).statusCode());
    }

    @Test
    void badInputGetsPreciseProblems() throws Exception {
        HttpResponse<String> foreign = TestServer.send("POST", "/users",
                "{\"address\":\"sip:frank@elsewhere.test\",\"password\":\"long-enough\"}", true);
        assertEquals(400, foreign.statusCode());
        assertTrue(foreign.body().contains("\"status\":400") && foreign.body().contains("address"), foreign.body());
        assertEquals(400, TestServer.send("POST", "/users",
                "{\"address\":\"sip:" + TestServer.uniqueUser("g") + "@opencpm.test\",\"password\":\"short\"}", true).statusCode());
        assertEquals(400, TestServer.send("POST", "/users", "{not json", true).statusCode());
        assertEquals(413, TestServer.send("POST", "/users", "{\"address\":\"" + "a".repeat(20000) + "\"}", true).statusCode());
        assertEquals(404, TestServer.send("GET", path(TestServer.uniqueUser("nobody")), null, true).statusCode());
    }

    @Test
    void healthReportsSipListenersAndDatabaseAndOpenApiDescribesTheApi() throws Exception {
        HttpResponse<String> health = TestServer.get("/api/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"UP\""), health.body());
        assertTrue(health.body().contains("UDP 127.0.0.1:" + TestServer.SIP_PORT), health.body());
        assertTrue(health.body().contains("TCP 127.0.0.1:" + TestServer.SIP_PORT), health.body());
        HttpResponse<String> openapi = TestServer.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/users"), openapi.body());
    }
}
