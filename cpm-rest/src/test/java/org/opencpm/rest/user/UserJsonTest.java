package org.opencpm.rest.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpm.user.UserAccountPage;
import org.opencpm.user.UserAccountSummary;

/** The request and response shapes of {@code /users}, through JSON-B as WildFly runs it. */
class UserJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void createRequest() {
        CreateUserRequest request = JSONB.fromJson(
                "{\"address\":\"sip:alice@opencpm.test\",\"password\":\"Circle Of Life\"}", CreateUserRequest.class);

        assertEquals("sip:alice@opencpm.test", request.address());
        assertEquals("Circle Of Life", request.password());
        assertFalse(request.toString().contains("Circle"));
    }

    @Test
    void missingMembersAreNullForTheServiceToRefuse() {
        CreateUserRequest request = JSONB.fromJson("{\"address\":\"sip:alice@opencpm.test\"}", CreateUserRequest.class);

        assertNull(request.password());
    }

    @Test
    void passwordChange() {
        PasswordChangeRequest request = JSONB.fromJson("{\"password\":\"new secret\"}", PasswordChangeRequest.class);

        assertEquals("new secret", request.password());
        assertFalse(request.toString().contains("secret"));
    }

    @Test
    void listResponse() {
        Instant created = Instant.parse("2025-01-02T03:04:05.678Z");
        UserAccountPage page = new UserAccountPage(
                List.of(new UserAccountSummary("sip:alice@opencpm.test", created, created)), 0, 50, 1);

        assertEquals("{\"items\":[{\"address\":\"sip:alice@opencpm.test\",\"createdAt\":\"2025-01-02T03:04:05.678Z\","
                + "\"updatedAt\":\"2025-01-02T03:04:05.678Z\"}],\"page\":0,\"size\":50,\"total\":1}",
                JSONB.toJson(UserListResponse.of(page)));
    }
}
