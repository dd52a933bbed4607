package org.opencpm.rest.deferral;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.RetrievalRequests;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.preference.UserAuthenticated;
import org.opencpm.rest.problem.Problem;
import org.opencpm.user.InvalidUserException;

/**
 * {@code /me/deferred}: client-driven handling of the authenticated user's deferred messages (OMA CPM SD 5.2.5.1):
 * list them, retrieve chosen ones (they are delivered over SIP to the user's registered clients), or discard them.
 */
@Path("me/deferred")
@RequestScoped
@PermitAll // no administrator role: UserAuthenticationFilter authenticates the user
@UserAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deferred messages", description = "A user's deferred message queue (OMA CPM SD 5.2.5)")
@SecurityRequirement(name = RestApplication.USER_BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong SIP credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MyDeferredResource {

    static final int MAX_IDS = 500;

    @Inject
    DeferralService queue;

    @Inject
    RetrievalRequests retrievals;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "List my deferred messages", description = "The oldest 200, without headers and body.")
    @APIResponse(responseCode = "200", description = "The queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeferredListResponse.class)))
    public DeferredListResponse list() {
        return DeferredListResponse.of(queue.list(user(), 0, DeferralService.MAX_PAGE_SIZE), 0,
                DeferralService.MAX_PAGE_SIZE);
    }

    @POST
    @Path("retrieve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retrieve deferred messages", description = "They are delivered over SIP to my registered "
            + "clients and leave the queue once one accepts; ids no longer queued are ignored.")
    @APIResponse(responseCode = "202", description = "Delivery started")
    @APIResponse(responseCode = "400", description = "No ids, too many, or one that is not a message id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retrieve(RetrieveRequest request) {
        if (request == null || request.ids() == null || request.ids().isEmpty()) {
            throw new InvalidUserException("ids", "name at least one message");
        }
        if (request.ids().size() > MAX_IDS) {
            throw new InvalidUserException("ids", "at most " + MAX_IDS + " at a time");
        }
        List<UUID> ids = request.ids().stream().map(id -> DeferredQueueResource.uuid(id == null ? "" : id)).toList();
        retrievals.retrieve(user(), ids);
        return Response.accepted().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Discard a deferred message")
    @APIResponse(responseCode = "204", description = "Discarded")
    @APIResponse(responseCode = "404", description = "Not in my queue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discard(@PathParam("id") String id) {
        if (!queue.remove(user(), DeferredQueueResource.uuid(id))) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }
}
