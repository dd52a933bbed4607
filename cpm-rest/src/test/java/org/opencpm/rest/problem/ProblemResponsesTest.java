package org.opencpm.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.spi.DefaultOptionsMethodException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupAlreadyExistsException;
import org.opencpm.group.GroupException;
import org.opencpm.group.GroupNotFoundException;
import org.opencpm.group.InvalidGroupException;
import org.opencpm.group.MemberNotFoundException;
import org.opencpm.group.NotGroupOwnerException;
import org.opencpm.messagestore.views.MessageStoreUnavailableException;
import org.opencpm.preference.InvalidPreferencesException;
import org.opencpm.preference.PreferencesChangedException;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAlreadyExistsException;
import org.opencpm.user.UserNotFoundException;

/** What the exception mappers answer: status, media type, headers, and the problem+json body as JSON-B writes it. */
class ProblemResponsesTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final String PATH = "/api/users/sip%3Aalice%40opencpm.test";

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void invalidFieldIs400WithTheField() {
        Response response = userMapper().toResponse(
                new InvalidUserException("password", "must be 8 to 128 characters long"));

        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        JsonObject json = json(response);
        assertEquals(List.of("type", "title", "status", "detail", "instance", "field"), List.copyOf(json.keySet()));
        assertEquals("urn:opencpm:problem:invalid-field", json.getString("type"));
        assertEquals("Invalid field", json.getString("title"));
        assertEquals(400, json.getInt("status"));
        assertEquals("password must be 8 to 128 characters long", json.getString("detail"));
        assertEquals(PATH, json.getString("instance"));
        assertEquals("password", json.getString("field"));
    }

    @Test
    void duplicateIs409WithoutField() {
        Response response = userMapper().toResponse(new UserAlreadyExistsException("sip:alice@opencpm.test"));

        assertEquals(409, response.getStatus());
        JsonObject json = json(response);
        assertEquals(List.of("type", "title", "status", "detail", "instance"), List.copyOf(json.keySet()));
        assertEquals("urn:opencpm:problem:user-exists", json.getString("type"));
        assertEquals("A user with address sip:alice@opencpm.test already exists", json.getString("detail"));
    }

    @Test
    void unknownUserIs404() {
        Response response = userMapper().toResponse(new UserNotFoundException("sip:bob@opencpm.test"));

        assertEquals(404, response.getStatus());
        JsonObject json = json(response);
        assertEquals("urn:opencpm:problem:user-not-found", json.getString("type"));
        assertEquals("User not found", json.getString("title"));
    }

    @Test
    void invalidPreferencesAre400WithTheFieldPath() {
        InvalidPreferencesExceptionMapper mapper = new InvalidPreferencesExceptionMapper();
        mapper.uriInfo = uriInfo();

        Response response = mapper.toResponse(new InvalidPreferencesException("profiles[1].id",
                "repeats the id of profiles[0]"));

        assertEquals(400, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        JsonObject json = json(response);
        assertEquals("urn:opencpm:problem:invalid-field", json.getString("type"));
        assertEquals("profiles[1].id repeats the id of profiles[0]", json.getString("detail"));
        assertEquals("profiles[1].id", json.getString("field"));
    }

    @Test
    void changedPreferencesAre412() {
        PreferencesChangedExceptionMapper mapper = new PreferencesChangedExceptionMapper();
        mapper.uriInfo = uriInfo();

        Response response = mapper.toResponse(new PreferencesChangedException("sip:alice@opencpm.test"));

        assertEquals(412, response.getStatus());
        JsonObject json = json(response);
        assertEquals(List.of("type", "title", "status", "detail", "instance"), List.copyOf(json.keySet()));
        assertEquals("Precondition Failed", json.getString("title"));
    }

    @Test
    void malformedBodyKeepsItsOwnDetail() {
        Response response = webMapper().toResponse(
                new MalformedBodyException("The request body must be a JSON object; it is empty or null.", null));

        assertEquals(400, response.getStatus());
        JsonObject json = json(response);
        assertEquals("about:blank", json.getString("type"));
        assertEquals("Bad Request", json.getString("title"));
        assertEquals("The request body must be a JSON object; it is empty or null.", json.getString("detail"));
    }

    @Test
    void runtimeMessagesAreReplacedByOurs() {
        JsonObject notFound = json(webMapper().toResponse(
                new NotFoundException("RESTEASY003210: Could not find resource for full path: http://x/api/nope")));
        assertEquals("Not Found", notFound.getString("title"));
        assertEquals("There is no resource at this path.", notFound.getString("detail"));

        JsonObject badRequest = json(webMapper().toResponse(new BadRequestException("internal detail")));
        assertEquals("The request is malformed.", badRequest.getString("detail"));

        Response unsupported = webMapper().toResponse(new NotSupportedException());
        assertEquals(415, unsupported.getStatus());
        assertEquals("Unsupported Media Type", json(unsupported).getString("title"));
    }

    @Test
    void methodNotAllowedKeepsAllow() {
        Response response = webMapper().toResponse(
                new NotAllowedException(Response.status(405).allow("GET", "POST").build()));

        assertEquals(405, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(Set.of("GET", "POST"), response.getAllowedMethods());
        assertEquals("Method Not Allowed", json(response).getString("title"));
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        Response response = serverMapper().toResponse(
                new PersistenceException("Connection refused: jdbc:h2:file:/secret/path"));

        assertEquals(500, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        JsonObject json = json(response);
        assertEquals(List.of("type", "title", "status", "detail", "instance"), List.copyOf(json.keySet()));
        assertEquals("Internal Server Error", json.getString("title"));
        assertFalse(json.toString().contains("secret"));
        assertFalse(json.toString().contains("Exception"));
    }

    @Test
    void anUnavailableMessageStoreIs503WithItsReason() {
        MessageStoreUnavailableExceptionMapper mapper = new MessageStoreUnavailableExceptionMapper();
        mapper.uriInfo = uriInfo();

        Response response = mapper.toResponse(new MessageStoreUnavailableException("The message store is "
                + "unreachable or refused the request; the server log says why.",
                new IOException("127.0.0.1:1143 refused")));

        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        JsonObject json = json(response);
        assertEquals(List.of("type", "title", "status", "detail", "instance"), List.copyOf(json.keySet()));
        assertEquals("urn:opencpm:problem:message-store-unavailable", json.getString("type"));
        assertEquals("Message store unavailable", json.getString("title"));
        assertFalse(json.toString().contains("1143"), "the cause stays in the log");
    }

    @Test
    void runtimeAnswersCarriedByFailuresPassThrough() {
        Response options = Response.ok().header("Allow", "GET, OPTIONS").build();

        assertSame(options, serverMapper().toResponse(new DefaultOptionsMethodException("options", options)));
    }

    @Test
    void unnamedStatusesStillGetATitle() {
        Problem problem = Problem.of(422, null, PATH);

        assertEquals("HTTP 422", problem.title());
        assertFalse(json(problem.toResponse()).containsKey("detail"));
    }

    @Test
    void groupRefusalsHaveTheirStatusAndType() {
        GroupExceptionMapper mapper = new GroupExceptionMapper();
        mapper.uriInfo = uriInfo();

        JsonObject invalid = json(mapper.toResponse(new InvalidGroupException("members[1].address", "is bad")));
        assertEquals("members[1].address", invalid.getString("field"));
        assertEquals(400, invalid.getInt("status"));
        assertEquals("members[1].address is bad", invalid.getString("detail"));
        String group = "sip:friends@opencpm.test";
        for (var expected : List.of(List.of(new GroupAlreadyExistsException(group), 409, "group-exists"),
                List.of(new GroupNotFoundException(group), 404, "group-not-found"),
                List.of(new MemberNotFoundException(group, "tel:+1"), 404, "member-not-found"),
                List.of(new NotGroupOwnerException(group), 403, "not-group-owner"))) {
            Response response = mapper.toResponse((GroupException) expected.get(0));
            assertEquals(expected.get(1), response.getStatus());
            assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
            assertEquals("urn:opencpm:problem:" + expected.get(2), json(response).getString("type"));
            assertFalse(json(response).containsKey("field"));
        }
    }

    private static UserAccountExceptionMapper userMapper() {
        UserAccountExceptionMapper mapper = new UserAccountExceptionMapper();
        mapper.uriInfo = uriInfo();
        return mapper;
    }

    private static WebApplicationExceptionMapper webMapper() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        mapper.uriInfo = uriInfo();
        return mapper;
    }

    private static ServerErrorMapper serverMapper() {
        ServerErrorMapper mapper = new ServerErrorMapper();
        mapper.uriInfo = uriInfo();
        mapper.request = stub(Request.class, "getMethod", "GET");
        return mapper;
    }

    private static UriInfo uriInfo() {
        return stub(UriInfo.class, "getRequestUri", URI.create("http://localhost:8080" + PATH));
    }

    private static <T> T stub(Class<T> type, String method, Object result) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                return result;
            }
            throw new UnsupportedOperationException(m.getName());
        }));
    }

    private static JsonObject json(Response response) {
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(response.getEntity())))) {
            return reader.readObject();
        }
    }
}
