package org.opencpm.rest.preference;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.preference.PreferenceService;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.problem.Problem;

/**
 * {@code /me/preferences}: the authenticated user's own preference document (OMA CPM SD 5.4: preferences can be
 * managed from any of the user's devices). The user is the one of the credentials, never one named in the request,
 * so no one reaches another user's document here.
 */
@Path("me/preferences")
@RequestScoped
@PermitAll // no administrator role: UserAuthenticationFilter authenticates the user
@UserAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "CPM user preferences (OMA CPM SD 5.4)")
@SecurityRequirement(name = RestApplication.USER_BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong SIP credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MyPreferencesResource {

    @Inject
    PreferenceService preferences;

    @Context
    SecurityContext security;

    @Context
    Request request;

    @GET
    @Operation(summary = "Get my preferences", description = "The defaults if never stored. If-None-Match with "
            + "the current ETag gives 304.")
    @APIResponse(responseCode = "200", description = "The preference document",
            headers = @Header(name = "ETag", description = "The document's version, for If-Match"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PreferencesDocument.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response get() {
        return PreferenceResponses.read(preferences, username(), request);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace my preferences", description = "The whole document is replaced; absent members "
            + "take their defaults. With If-Match, only if the stored document still has that ETag.")
    @APIResponse(responseCode = "200", description = "The document as stored (canonical addresses)",
            headers = @Header(name = "ETag", description = "The stored document's version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PreferencesDocument.class)))
    @APIResponse(responseCode = "400", description = "Invalid document (the problem's field names the value), "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The stored document no longer has the ETag in If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(PreferencesDocument document) {
        return PreferenceResponses.replace(preferences, username(), document, request);
    }

    private String username() {
        return security.getUserPrincipal().getName();
    }
}
