package org.opencpm.rest.group;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.group.Group;
import org.opencpm.group.GroupNotFoundException;
import org.opencpm.group.GroupService;
import org.opencpm.rest.QueryParameters;
import org.opencpm.rest.RequestBodies;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.problem.Problem;

/**
 * {@code /groups}: every CPM Pre-defined Group of the home domain (OMA CPM SD 5.2.3.4), for administrators, who
 * name the owner of a new group. A group is named in the path by its address, as {@code /users} names users.
 */
@Path("groups")
@RequestScoped
@RolesAllowed(RestApplication.ADMIN_ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "CPM Pre-defined Groups (OMA CPM SD 5.2.3.4)")
@SecurityRequirement(name = RestApplication.BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong credentials")
@APIResponse(responseCode = "403", description = "The user is not an administrator")
public class GroupResource {

    @Inject
    GroupService groups;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a group", description = "owner is required: the user who owns the group, listed "
            + "as its member with role OWNER. The address is sip:id@home-domain, id generated if not given.")
    @APIResponse(responseCode = "201", description = "Created, as stored (canonical member addresses)",
            headers = @Header(name = "Location", description = "The new group",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid group (the problem's field names the value), "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The owner has no account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A group or user has the address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(GroupJson body) {
        GroupJson group = RequestBodies.required(body);
        Group created = groups.create(group.owner(), group.toNewDraft());
        return Response.created(GroupRequests.location(uriInfo, GroupResource.class, created.address()))
                .entity(GroupJson.of(created)).build();
    }

    @GET
    @Operation(summary = "List groups", description = "Ordered by address.")
    @APIResponse(responseCode = "200", description = "One page of groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupListJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid offset or limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupListJson list(
            @Parameter(description = "Groups to skip", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0"))
            @QueryParam("offset") String offset,
            @Parameter(description = "Most groups to return", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "" + GroupService.MAX_PAGE_SIZE,
                    defaultValue = "" + GroupRequests.DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        return GroupListJson.of(groups.list(QueryParameters.intValue("offset", offset, 0),
                QueryParameters.intValue("limit", limit, GroupRequests.DEFAULT_LIMIT)));
    }

    @GET
    @Path("{address}")
    @Operation(summary = "Get a group")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson get(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                         String address) {
        return GroupJson.of(existing(address));
    }

    @PUT
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a group", description = "Display name, policy and members are replaced; absent "
            + "members take their defaults. Address and owner stay; given, they must be the group's.")
    @APIResponse(responseCode = "200", description = "The group as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid group (the problem's field names the value), "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson replace(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                             String address, GroupJson body) {
        GroupJson group = RequestBodies.required(body);
        Group current = existing(address);
        return GroupJson.of(groups.replace(current.address(), group.toReplacement(current)));
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Delete a group")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                       String address) {
        groups.delete(address);
    }

    @POST
    @Path("{address}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member", description = "At the end of the member list; role PARTICIPANT if absent.")
    @APIResponse(responseCode = "200", description = "The group with the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid or repeated member, role OWNER, the group is full, "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson addMember(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, MemberJson member) {
        return GroupJson.of(groups.addMember(address, RequestBodies.required(member).toMember()));
    }

    @DELETE
    @Path("{address}/members/{member}")
    @Operation(summary = "Remove a member", description = "Not the owner, who is always a member.")
    @APIResponse(responseCode = "200", description = "The group without the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Not an address, or the owner's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group or member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson removeMember(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                                  String address,
                                  @Parameter(description = GroupRequests.MEMBER_PARAMETER) @PathParam("member")
                                  String member) {
        return GroupJson.of(groups.removeMember(address, member));
    }

    @PUT
    @Path("{address}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a group's policy", description = "Absent members take their defaults.")
    @APIResponse(responseCode = "200", description = "The group with the policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy, maxMembers below the group's members, "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson setPolicy(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, PolicyJson policy) {
        return GroupJson.of(groups.setPolicy(address, RequestBodies.required(policy).toPolicy()));
    }

    private Group existing(String address) {
        return groups.find(address).orElseThrow(() -> new GroupNotFoundException(address));
    }
}
