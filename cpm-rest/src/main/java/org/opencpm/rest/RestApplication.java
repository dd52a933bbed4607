package org.opencpm.rest;

import static org.opencpm.rest.group.GroupApiResponses.BODY_TOO_LARGE;
import static org.opencpm.rest.group.GroupApiResponses.GROUP_ADDRESS_TAKEN;
import static org.opencpm.rest.group.GroupApiResponses.GROUP_CREATED;
import static org.opencpm.rest.group.GroupApiResponses.GROUP_NOT_FOUND;
import static org.opencpm.rest.group.GroupApiResponses.GROUP_OR_MEMBER_NOT_FOUND;
import static org.opencpm.rest.group.GroupApiResponses.INVALID_GROUP;
import static org.opencpm.rest.group.GroupApiResponses.INVALID_GROUP_MEMBER;
import static org.opencpm.rest.group.GroupApiResponses.INVALID_GROUP_POLICY;
import static org.opencpm.rest.group.GroupApiResponses.INVALID_PAGING;
import static org.opencpm.rest.group.GroupApiResponses.INVALID_RESOURCE_LISTS;
import static org.opencpm.rest.group.GroupApiResponses.NOT_A_MEMBER;
import static org.opencpm.rest.group.GroupApiResponses.NOT_GROUP_OWNER;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.opencpm.rest.group.GroupJson;
import org.opencpm.rest.problem.Problem;

/** All resources and providers of the war, found by scanning; the EAR mounts the war on {@code /api}. */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "OpenCPM admin API", version = "0.1.0",
        description = "Administration of the OpenCPM messaging server: user accounts, their preferences, deferred "
                + "messages and conversations in the message store, groups and health; "
                + "and the users' own preferences and groups."),
        // Responses that several operations give alike, written once and referenced by name.
        components = @Components(responses = {
                @APIResponse(name = GROUP_CREATED,
                        description = "Created, as stored (canonical member addresses)",
                        headers = @Header(name = "Location", description = "The new group",
                                schema = @Schema(type = SchemaType.STRING, format = "uri")),
                        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = GroupJson.class))),
                @APIResponse(name = GROUP_ADDRESS_TAKEN, description = "A group or user has the address",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = INVALID_PAGING, description = "Invalid offset or limit",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = INVALID_GROUP, description = "Invalid group (the problem's field "
                        + "names the value), unknown member, or malformed JSON",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = INVALID_GROUP_MEMBER, description = "Invalid or repeated member, "
                        + "role OWNER, the group is full, unknown member, or malformed JSON",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = INVALID_GROUP_POLICY, description = "Invalid policy, maxMembers "
                        + "below the group's members, unknown member, or malformed JSON",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = INVALID_RESOURCE_LISTS, description = "Not a resource-lists "
                        + "document (malformed, with a DOCTYPE, entry-ref or external, no entry), an invalid member "
                        + "(members[i], the i-th entry), or more members than the policy's maxMembers",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = NOT_GROUP_OWNER, description = "Not the group's owner",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = GROUP_NOT_FOUND, description = "No such group",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = GROUP_OR_MEMBER_NOT_FOUND, description = "No such group or member",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = NOT_A_MEMBER, description = "No such group, or not a member",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = BODY_TOO_LARGE,
                        description = "Request body over " + RequestSizeLimit.MAX_BODY_BYTES / 1024 + " KiB",
                        content = @Content(mediaType = Problem.MEDIA_TYPE,
                                schema = @Schema(implementation = Problem.class)))
        }))
@SecurityScheme(securitySchemeName = RestApplication.BASIC_AUTH, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "An administrator of the server's application realm")
@SecurityScheme(securitySchemeName = RestApplication.USER_BASIC_AUTH, type = SecuritySchemeType.HTTP,
        scheme = "basic", description = "A user of the home domain: user name (alice, alice@domain or "
                + "sip:alice@domain) and SIP password")
public class RestApplication extends Application {

    /** The OpenAPI name of the administrators' HTTP Basic scheme, for {@code @SecurityRequirement}. */
    public static final String BASIC_AUTH = "basic";

    /** The OpenAPI name of the users' HTTP Basic scheme (their SIP credentials), for {@code @SecurityRequirement}. */
    public static final String USER_BASIC_AUTH = "userBasic";

    /** The role every protected resource requires (users of the application realm in group {@code admin}). */
    public static final String ADMIN_ROLE = "admin";
}
