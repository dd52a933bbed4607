package org.opencpm.rest.group;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.SecurityContext;
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
import org.opencpm.group.InvalidGroupException;
import org.opencpm.rest.QueryParameters;
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
        return GroupListJson.of(groups.groupsOf(myAddress(), QueryParameters.intValue("offset", offset, 0),
                QueryParameters.intValue("limit", limit, GroupRequests.DEFAULT_LIMIT)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a group I own", description = "I am its owner and first member. The address is "
            + "sip:id@home-domain, id generated if not given.")
    @APIResponse(responseCode = "201", description = "Created, as stored (canonical member addresses)",
            headers = @Header(name = "Location", description = "The new group",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid group (the problem's field names the value), an "
            + "owner other than me, unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A group or user has the address",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(GroupJson body) {
        GroupJson group = RequestBodies.required(body);
        if (group.owner() != null && !group.owner().equals(username())) {
            throw new InvalidGroupException("owner", "must be absent or " + username() + ": you own what you create");
        }
        Group created = groups.create(username(), group.toNewDraft());
        return Response.created(GroupRequests.location(uriInfo, MyGroupsResource.class, created.address()))
                .entity(GroupJson.of(created)).build();
    }

    @GET
    @Path("{address}")
    @Operation(summary = "Get one of my groups", description = "A group I am a member of.")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "404", description = "No such group, or I am not a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson get(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                         String address) {
        return GroupJson.of(groups.find(address).filter(g -> g.hasMember(myAddress()))
                .orElseThrow(() -> new GroupNotFoundException(address)));
    }

    @PUT
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a group I own", description = "Display name, policy and members are replaced; "
            + "absent members take their defaults. Address and owner stay; given, they must be the group's.")
    @APIResponse(responseCode = "200", description = "The group as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid group (the problem's field names the value), "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "I do not own the group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Request body over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson replace(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                             String address, GroupJson body) {
        GroupJson group = RequestBodies.required(body);
        Group current = groups.ownedBy(address, username());
        return GroupJson.of(groups.replace(current.address(), group.toReplacement(current)));
    }

    @DELETE
    @Path("{address}")
    @Operation(summary = "Delete a group I own")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "I do not own the group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                       String address) {
        groups.delete(groups.ownedBy(address, username()).address());
    }

    @POST
    @Path("{address}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member to a group I own", description = "At the end of the member list; role "
            + "PARTICIPANT if absent.")
    @APIResponse(responseCode = "200", description = "The group with the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid or repeated member, role OWNER, the group is full, "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "I do not own the group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson addMember(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, MemberJson member) {
        MemberJson given = RequestBodies.required(member);
        return GroupJson.of(groups.addMember(groups.ownedBy(address, username()).address(), given.toMember()));
    }

    @DELETE
    @Path("{address}/members/{member}")
    @Operation(summary = "Remove a member from a group I own", description = "Not me, the owner.")
    @APIResponse(responseCode = "200", description = "The group without the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Not an address, or mine",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "I do not own the group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group or member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson removeMember(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                                  String address,
                                  @Parameter(description = GroupRequests.MEMBER_PARAMETER) @PathParam("member")
                                  String member) {
        return GroupJson.of(groups.removeMember(groups.ownedBy(address, username()).address(), member));
    }

    @PUT
    @Path("{address}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the policy of a group I own", description = "Absent members take their defaults.")
    @APIResponse(responseCode = "200", description = "The group with the policy",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GroupJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid policy, maxMembers below the group's members, "
            + "unknown member, or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "I do not own the group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public GroupJson setPolicy(@Parameter(description = GroupRequests.ADDRESS_PARAMETER) @PathParam("address")
                               String address, PolicyJson policy) {
        PolicyJson given = RequestBodies.required(policy);
        return GroupJson.of(groups.setPolicy(groups.ownedBy(address, username()).address(), given.toPolicy()));
    }

    private String username() {
        return security.getUserPrincipal().getName();
    }

    private String myAddress() {
        return "sip:" + username() + '@' + homeDomain.name();
    }
}
