package org.opencpm.rest.group;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.SecurityContext;
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
import org.opencpm.group.InvalidGroupException;
import org.opencpm.rest.RequestBodies;
import org.opencpm.rest.RestApplication;
import org.opencpm.rest.preference.UserAuthenticated;
import org.opencpm.rest.problem.Problem;
import org.opencpm.user.HomeDomain;

/**
 * {@code /me/groups}: the authenticated user's groups (OMA CPM SD 5.2.3.4). A user lists and reads the groups they
 * are a member of, creates groups they then own, and changes only those: the owner adds and deletes members.
 * The user is the one of the credentials, as for {@code /me/preferences}. A group the user is not a member of reads
 * as not found, so the groups of others are not told; changing a group one does not own is 403.
 */
@Path("me/groups")
@RequestScoped
@PermitAll // no administrator role: UserAuthenticationFilter authenticates the user
@UserAuthenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "CPM Pre-defined Groups (OMA CPM SD 5.2.3.4)")
@SecurityRequirement(name = RestApplication.USER_BASIC_AUTH)
@APIResponse(responseCode = "401", description = "No or wrong SIP credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MyGroupsResource {

    @Inject
    GroupService groups;

    @Inject
    HomeDomain homeDomain;

    @Context
    SecurityContext security;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List my groups", description = "The groups I am a member of, owned or not, by address.")
    @APIResponse(responseCode = "200", description = "One page of groups")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_PAGING)
    public GroupListJson list(@BeanParam GroupPaging paging) {
        return GroupListJson.of(groups.groupsOf(myAddress(), paging.offset(), paging.limit()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a group I own", description = "I am its owner and first member. The address is "
            + "sip:id@home-domain, id generated if not given.")
    @APIResponse(responseCode = "201", ref = GroupApiResponses.GROUP_CREATED)
    @APIResponse(responseCode = "409", ref = GroupApiResponses.GROUP_ADDRESS_TAKEN)
    @APIResponse(responseCode = "400", description = "Invalid group (the problem's field names the value), an "
            + "owner other than me, unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", ref = GroupApiResponses.BODY_TOO_LARGE)
    public Response create(GroupJson body) {
        GroupJson group = RequestBodies.required(body);
        if (group.owner() != null && !group.owner().equals(username())) {
            throw new InvalidGroupException("owner", "must be absent or " + username() + ": you own what you create");
        }
        return GroupRequests.created(uriInfo, MyGroupsResource.class, groups.create(username(), group.toNewDraft()));
    }

    @GET
    @Path("{address}")
    @Operation(summary = "Get one of my groups", description = "A group I am a member of.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "404", ref = GroupApiResponses.NOT_A_MEMBER)
    public GroupJson get(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                         String address) {
        return operations().get(address);
    }

    @PUT
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a group I own", description = "Display name, policy and members are replaced; "
            + "absent members take their defaults. Address and owner stay; given, they must be the group's.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_GROUP)
    @APIResponse(responseCode = "403", ref = GroupApiResponses.NOT_GROUP_OWNER)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    @APIResponse(responseCode = "413", ref = GroupApiResponses.BODY_TOO_LARGE)
    public GroupJson replace(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                             String address, GroupJson body) {
        return operations().replace(address, body);
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Delete a group I own")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = GroupApiResponses.NOT_GROUP_OWNER)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public void delete(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                       String address) {
        operations().delete(address);
    }

    @POST
    @Path("{address}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member to a group I own", description = "At the end of the member list; role "
            + "PARTICIPANT if absent.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_GROUP_MEMBER)
    @APIResponse(responseCode = "403", ref = GroupApiResponses.NOT_GROUP_OWNER)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public GroupJson addMember(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, MemberJson member) {
        return operations().addMember(address, member);
    }

    @DELETE
    @Path("{address}/members/{member}")
    @Operation(summary = "Remove a member from a group I own", description = "Not me, the owner.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", description = "Not an address, or mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", ref = GroupApiResponses.NOT_GROUP_OWNER)
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
    @Operation(summary = "Replace the policy of a group I own", description = "Absent members take their defaults.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_GROUP_POLICY)
    @APIResponse(responseCode = "403", ref = GroupApiResponses.NOT_GROUP_OWNER)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    public GroupJson setPolicy(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, PolicyJson policy) {
        return operations().setPolicy(address, policy);
    }

    @GET
    @Path("{address}/resource-lists")
    @Produces(ResourceLists.MEDIA_TYPE)
    @Operation(summary = "Get one of my groups as a resource list", description = GroupRequests.RESOURCE_LISTS_READ)
    @APIResponse(responseCode = "200", description = "The group as a resource-lists document, as stored")
    @APIResponse(responseCode = "404", ref = GroupApiResponses.NOT_A_MEMBER)
    public byte[] getResourceLists(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                                   String address) {
        return operations().resourceLists(address);
    }

    @PUT
    @Path("{address}/resource-lists")
    @Consumes(ResourceLists.MEDIA_TYPE)
    @Produces(ResourceLists.MEDIA_TYPE)
    @Operation(summary = "Replace the members of a group I own from a resource list",
            description = GroupRequests.RESOURCE_LISTS_REPLACE)
    @APIResponse(responseCode = "200", description = "The group as a resource-lists document, as stored")
    @APIResponse(responseCode = "400", ref = GroupApiResponses.INVALID_RESOURCE_LISTS)
    @APIResponse(responseCode = "403", ref = GroupApiResponses.NOT_GROUP_OWNER)
    @APIResponse(responseCode = "404", ref = GroupApiResponses.GROUP_NOT_FOUND)
    @APIResponse(responseCode = "413", ref = GroupApiResponses.BODY_TOO_LARGE)
    public byte[] replaceResourceLists(@Parameter(description = GroupRequests.ADDRESS_PARAMETER)
                                       @PathParam("address") String address, byte[] document) {
        return operations().replaceResourceLists(address, document);
    }

    private GroupOperations operations() {
        return new GroupOperations(groups, GroupAccess.user(groups, username(), myAddress()));
    }

    private String username() {
        return security.getUserPrincipal().getName();
    }

    private String myAddress() {
        return "sip:" + username() + '@' + homeDomain.name();
    }
}
