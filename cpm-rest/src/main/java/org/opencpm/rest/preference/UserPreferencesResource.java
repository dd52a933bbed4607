package org.opencpm.rest.preference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.preference.PreferenceService;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.problem.Problem;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.UserAccountService;
import org.opencpm.user.UserAddress;

/**
 * {@code /users/{address}/preferences}: any user's preference document (OMA CPM SD 5.4), for administrators. The
 * user is named as in {@code /users}; the document is read and replaced whole, with ETags as in XDM.
 */
@Path("users/{address}/preferences")
@RequestScoped
@RolesAllowed(RestApplication.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "CPM user preferences (OMA CPM SD 5.4)")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "The user is not an administrator")
public class UserPreferencesResource {

    private static final String ADDRESS_PARAMETER =
            "The user's address, URL-encoded (sip%3Aalice%40opencpm.test) or without scheme (alice@opencpm.test)";

    @Inject
    PreferenceService preferences;

    @Inject
    UserAccountService users;

    @Inject
    HomeDomain homeDomain;

    @Context
    Request request;

    @GET
    @Operation(summary = "Get a user's preferences", description = "The defaults if the user never stored any. "
            + "If-None-Match with the current ETag gives 304.")
    @APIResponse(responseCode = "200", description = "The preference document",
            headers = @Header(name = "ETag", description = "The document's version, for If-Match"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PreferencesDocument.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not an address of the home domain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address) {
        UserAddress user = UserAddress.parseReference(address, homeDomain.name());
        // The service answers the defaults for anyone; an unknown user is 404 here.
        users.get(user.uri());
        return PreferenceResponses.read(preferences, user.user(), request);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's preferences", description = "The whole document is replaced; absent "
            + "members take their defaults. With If-Match, only if the stored document still has that ETag.")
    @APIResponse(responseCode = "200", description = "The document as stored (canonical addresses)",
            headers = @Header(name = "ETag", description = "The stored document's version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PreferencesDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid document (the problem's field names the value), "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The stored document no longer has the ETag in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address,
                        PreferencesDocument document) {
        UserAddress user = UserAddress.parseReference(address, homeDomain.name());
        return PreferenceResponses.replace(preferences, user.user(), document, request);
    }
}
