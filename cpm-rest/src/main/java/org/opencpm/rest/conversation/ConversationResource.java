package org.opencpm.rest.conversation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.messagestore.views.ConversationViews;
import org.opencpm.rest.QueryParameters;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.problem.Problem;

/**
 * {@code /users/{address}/conversations}: a user's conversations in the message store (OMA CPM SD 5.5), for
 * administrators, read-only: the CPM folders below the user's default folder, and a folder's objects. The user is
 * named as in {@code /users}; a folder by its path as the list gives it, URL-encoded.
 */
@Path("users/{address}/conversations")
@RequestScoped
@RolesAllowed(RestApplication.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stored conversations", description = "Users' conversations in the message store (OMA CPM SD 5.5), "
        + "read-only")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "The user is not an administrator")
@APIResponse(responseCode = "503", description = "The message store cannot be read: none configured, no "
        + "administrator password (opencpm.cms.admin.password), unreachable, refused, or no account for the user yet",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConversationResource {

    static final int DEFAULT_LIMIT = 50;

    private static final String ADDRESS_PARAMETER =
            "The user's address, URL-encoded (sip%3Aalice%40opencpm.test) or without scheme (alice@opencpm.test)";

    @Inject
    ConversationViews views;

    @GET
    @Operation(summary = "List a user's stored conversations", description = "The CPM folders below the user's "
            + "default folder: 1-1 and group conversation folders, and the session folders inside them, ordered "
            + "by folder name, each conversation followed by its sessions. Folders the server does not write are "
            + "left out.")
    @APIResponse(responseCode = "200", description = "One page of the folders",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConversationListResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an address of the home domain, or invalid offset or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConversationListResponse list(
            @Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address,
            @Parameter(description = "Position of the first folder, from 0", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("offset") String offset,
            @Parameter(description = "Folders per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + ConversationViews.MAX_PAGE_SIZE, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        int first = QueryParameters.intValue("offset", offset, 0);
        int size = QueryParameters.intValue("limit", limit, DEFAULT_LIMIT);
        return ConversationListResponse.of(views.conversations(address, first, size), first, size);
    }

    @GET
    @Path("{folder}/items")
    @Operation(summary = "List the objects of a stored conversation", description = "Newest first, in the order "
            + "the store received them. Each object with its CPM headers, flags and size, and the start of its text "
            + "for text bodies; nothing is marked \\Seen.")
    @APIResponse(responseCode = "200", description = "One page of the folder's objects",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StoredItemListResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an address of the home domain, invalid offset or limit, "
            + "or not a folder path as the list gives it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user, or no such folder in the user's store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StoredItemListResponse items(
            @Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address,
            @Parameter(description = "The folder as the list gives it, URL-encoded (sip%3Abob%40opencpm%3D2Etest)")
            @PathParam("folder") String folder,
            @Parameter(description = "Position of the first object, from 0 (the newest)", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("offset") String offset,
            @Parameter(description = "Objects per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + ConversationViews.MAX_PAGE_SIZE, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        int first = QueryParameters.intValue("offset", offset, 0);
        int size = QueryParameters.intValue("limit", limit, DEFAULT_LIMIT);
        return views.items(address, folder, first, size)
                .map(page -> StoredItemListResponse.of(folder, page, first, size))
                .orElseThrow(NotFoundException::new);
    }
}
