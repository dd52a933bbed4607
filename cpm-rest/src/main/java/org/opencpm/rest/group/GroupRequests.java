package org.opencpm.rest.group;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.opencpm.group.Group;

/** What the administrators' and the users' group resources read and answer alike. */
final class GroupRequests {

    static final String ADDRESS_PARAMETER = "The group's address, URL-encoded (sip%3Afriends%40opencpm.test) or "
            + "without scheme (friends@opencpm.test)";
    static final String MEMBER_PARAMETER = "The member's address, URL-encoded (sip%3Abob%40example.com, "
            + "tel%3A%2B12015550123)";

    static final String RESOURCE_LISTS_READ = "RFC 4826, for XDM clients: one list named by the group's id, "
            + "with the group's display-name, whose entries are the members in order.";
    static final String RESOURCE_LISTS_REPLACE = "The entries of all the document's lists, in order, become the "
            + "members; list names and display-names are not stored. Members who stay keep their role, new ones are "
            + "PARTICIPANT, and the owner stays a member whether listed or not (first when not listed).";

    private GroupRequests() {
    }

    /** 201 with the group {@code created} under the resource class {@code resource} as its Location. */
    static Response created(UriInfo uriInfo, Class<?> resource, Group created) {
        return Response.created(uriInfo.getBaseUriBuilder().path(resource)
                        .path(URLEncoder.encode(created.address(), StandardCharsets.UTF_8)).build())
                .entity(GroupJson.of(created)).build();
    }
}
