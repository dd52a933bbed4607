package org.opencpm.rest.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.rest.QueryParameters;
import org.opencpm.rest.RequestBodies;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.problem.Problem;
import org.opencpm.user.UserAccountService;
import org.opencpm.user.UserAccountSummary;

/**
 * {@code /users}: user accounts of the home domain, for administrators. An account is named in the path by its
 * address, URL-encoded ({@code sip%3Aalice%40opencpm.test}) or scheme-less ({@code alice@opencpm.test}).
 */
@Path("users")
@RequestScoped
@RolesAllowed(RestApplication.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "User accounts of the home domain")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "The user is not an administrator")
public class UserResource {

    static final int DEFAULT_PAGE_SIZE = 50;

    private static final String ADDRESS_PARAMETER =
            "The user's address, URL-encoded (sip%3Aalice%40opencpm.test) or without scheme (alice@opencpm.test)";

    @Inject
    UserAccountService users;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user", description = "The address must be a sip: URI in the home domain; it is "
            + "stored in canonical form (lower-case host, no parameters).")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new user",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid address or password, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A user with this address exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(CreateUserRequest request) {
        CreateUserRequest body = RequestBodies.required(request);
        UserAccountSummary created = users.create(body.address(), body.password());
        URI location = uriInfo.getBaseUriBuilder()
                .path(UserResource.class)
                .path(URLEncoder.encode(created.address(), StandardCharsets.UTF_8))
                .build();
        return Response.created(location).entity(UserResponse.of(created)).build();
    }

    @GET
    @Operation(summary = "List users", description = "Ordered by address.")
    @APIResponse(responseCode = "200", description = "One page of users",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserListResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserListResponse list(
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Users per page", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "" + UserAccountService.MAX_PAGE_SIZE, defaultValue = "" + DEFAULT_PAGE_SIZE))
            @QueryParam("size") String size) {
        return UserListResponse.of(users.list(QueryParameters.intValue("page", page, 0), QueryParameters.intValue("size", size, DEFAULT_PAGE_SIZE)));
    }

    @GET
    @Path("{address}")
    @Operation(summary = "Get a user")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an address of the home domain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UserResponse get(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address) {
        return UserResponse.of(users.get(address));
    }

    @PUT
    @Path("{address}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's password")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Invalid address or password, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void updatePassword(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address,
            PasswordChangeRequest request) {
        users.updatePassword(address, RequestBodies.required(request).password());
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Delete a user")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "Not an address of the home domain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address) {
        users.delete(address);
    }
}
