package org.opencpm.rest.group;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opencpm.group.GroupService;
import org.opencpm.message.resourcelists.ResourceLists;
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
    @APIResponse(responseCode = "201", ref = GroupApiResponses.GROUP_CREATED)
    @APIResponse(responseCode = "409", ref = GroupApiResponses.GROUP_ADDRESS_TAKEN)
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_GROUP)
    @APIResponse(responseCode = "404", description = "The owner has no account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", ref = GroupApiResponses.BODY_TOO_LARGE)
    public Response create(GroupJson body) {
        GroupJson group = RequestBodies.required(body);
        return GroupRequests.created(uriInfo, GroupResource.class, groups.create(group.owner(), group.toNewDraft()));
    }

    @GET
    @Operation(summary = "List groups", description = "Ordered by address.")
    @APIResponse(responseCode = "200", description = "One page of groups")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_PAGING)
    public GroupListJson list(@BeanParam GroupPaging paging) {
        return GroupListJson.of(groups.list(paging.offset(), paging.limit()));
    }

    @GET
    @Path("{address}")
    @Operation(summary = "Get a group")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public GroupJson get(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                         String address) {
        return operations().get(address);
    }

    @PUT
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a group", description = "Display name, policy and members are replaced; absent "
            + "members take their defaults. Address and owner stay; given, they must be the group's.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_GROUP)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    @APIResponse(responseCode = "413", ref = GroupApiResponses.BODY_TOO_LARGE)
    public GroupJson replace(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                             String address, GroupJson body) {
        return operations().replace(address, body);
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Delete a group")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public void delete(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                       String address) {
        operations().delete(address);
    }

    @POST
    @Path("{address}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member", description = "At the end of the member list; role PARTICIPANT if absent.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_GROUP_MEMBER)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public GroupJson addMember(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, MemberJson member) {
        return operations().addMember(address, member);
    }

    @DELETE
    @Path("{address}/members/{member}")
    @Operation(summary = "Remove a member", description = "Not the owner, who is always a member.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", description = "Not an address, or the owner's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_OR_MEMBER_NOT_FOUND)
    public GroupJson removeMember(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                                  String address,
                                  @Parameter(description = GroupRequests.MEMBER_PARAMETER) @PathParam("member")
                                  String member) {
        return operations().removeMember(address, member);
    }

    @PUT
    @Path("{address}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a group's policy", description = "Absent members take their defaults.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_GROUP_POLICY)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public GroupJson setPolicy(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, PolicyJson policy) {
        return operations().setPolicy(address, policy);
    }

    @GET
    @Path("{address}/resource-lists")
    @Produces(ResourceLists.MEDIA_TYPE)
    @Operation(summary = "Get a group as a resource list", description = GroupRequests.RESOURCE_LISTS_READ)
    @APIResponse(responseCode = "200", description = "The group as a resource-lists document, as stored")
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public byte[] getResourceLists(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                                   String address) {
        return operations().resourceLists(address);
    }

    @PUT
    @Path("{address}/resource-lists")
    @Consumes(ResourceLists.MEDIA_TYPE)
    @Produces(ResourceLists.MEDIA_TYPE)
    @Operation(summary = "Replace a group's members from a resource list",
            description = GroupRequests.RESOURCE_LISTS_REPLACE)
    @APIResponse(responseCode = "200", description = "The group as a resource-lists document, as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_RESOURCE_LISTS)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    @APIResponse(responseCode = "413", ref = GroupApiResponses.BODY_TOO_LARGE)
    public byte[] replaceResourceLists(@Parameter(description = GroupRequests.ADDRESS_PARAMETER)
                                       @PathParam("address") String address, byte[] document) {
        return operations().replaceResourceLists(address, document);
    }

    private GroupOperations operations() {
        return new GroupOperations(groups, GroupAccess.administrator(groups));
    }
}
