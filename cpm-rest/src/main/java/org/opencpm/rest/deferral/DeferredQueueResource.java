package org.opencpm.rest.deferral;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.deferral.DeferralService;
import org.opencpm.rest.QueryParameters;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.problem.Problem;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAccountService;
import org.opencpm.user.UserAddress;

/**
 * {@code /users/{address}/deferred}: a user's deferred message queue (OMA CPM SD 5.2.5), for administrators. The
 * user is named as in {@code /users}; messages by their queue id. Removing a message here drops it without any
 * notification to its sender.
 */
@Path("users/{address}/deferred")
@RequestScoped
@RolesAllowed(RestApplication.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deferred messages", description = "Users' deferred message queues (OMA CPM SD 5.2.5)")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "The user is not an administrator")
public class DeferredQueueResource {

    static final int DEFAULT_LIMIT = 50;

    private static final String ADDRESS_PARAMETER =
            "The user's address, URL-encoded (sip%3Aalice%40opencpm.test) or without scheme (alice@opencpm.test)";
    private static final String ID_PARAMETER = "The message's queue id (a UUID)";

    @Inject
    DeferralService queue;

    @Inject
    UserAccountService users;

    @Inject
    HomeDomain homeDomain;

    @GET
    @Operation(summary = "List a user's deferred messages", description = "Oldest first, without headers and body.")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeferredListResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an address of the home domain, or invalid offset or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeferredListResponse list(
            @Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address,
            @Parameter(description = "Position of the first message, from 0", schema = @Schema(
                    type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("offset") String offset,
            @Parameter(description = "Messages per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + DeferralService.MAX_PAGE_SIZE, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        UserAddress user = parse(address);
        int first = QueryParameters.intValue("offset", offset, 0);
        int size = QueryParameters.intValue("limit", limit, DEFAULT_LIMIT);
        if (first < 0) {
            throw new InvalidUserException("offset", "must be 0 or more");
        }
        if (size < 1 || size > DeferralService.MAX_PAGE_SIZE) {
            throw new InvalidUserException("limit", "must be between 1 and " + DeferralService.MAX_PAGE_SIZE);
        }
        return DeferredListResponse.of(queue.list(existing(user), first, size), first, size);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a deferred message", description = "With its headers and body; the body is text for "
            + "textual content types (text/*, message/cpim, *+xml), else base64.")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeferredDetail.class)))
    @APIResponse(responseCode = "400", description = "Not an address of the home domain, or not a message id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user, or no such message in the user's queue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeferredDetail get(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address,
                              @Parameter(description = ID_PARAMETER) @PathParam("id") String id) {
        UserAddress user = parse(address);
        UUID messageId = uuid(id);
        return queue.find(existing(user), messageId).map(DeferredDetail::of).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a deferred message", description = "Whatever its state; its sender is not told.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Not an address of the home domain, or not a message id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user, or no such message in the user's queue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void remove(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address,
                       @Parameter(description = ID_PARAMETER) @PathParam("id") String id) {
        UserAddress user = parse(address);
        UUID messageId = uuid(id);
        if (!queue.remove(existing(user), messageId)) {
            throw new NotFoundException();
        }
    }

    @DELETE
    @Operation(summary = "Empty a user's deferred queue", description = "Messages in delivery included; their "
            + "senders are not told.")
    @APIResponse(responseCode = "200", description = "How many messages were removed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PurgeResponse.class)))
    @APIResponse(responseCode = "400", description = "Not an address of the home domain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PurgeResponse purge(@Parameter(description = ADDRESS_PARAMETER) @PathParam("address") String address) {
        return new PurgeResponse(queue.purge(existing(parse(address))));
    }

    private UserAddress parse(String address) {
        return UserAddress.parseReference(address, homeDomain.name());
    }

    /** The queue's recipient: the user name of an existing account. */
    private String existing(UserAddress user) {
        users.get(user.uri());
        return user.user();
    }

    // Only the canonical form: UUID.fromString also takes abbreviations such as 1-2-3-4-5.
    static UUID uuid(String id) {
        try {
            UUID parsed = UUID.fromString(id);
            if (parsed.toString().equals(id.toLowerCase(Locale.ROOT))) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidUserException("id", "must be a message id (a UUID)");
    }
}
