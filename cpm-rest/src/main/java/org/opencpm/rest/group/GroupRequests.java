package org.opencpm.rest.group;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the administrators' and the users' group resources read and answer alike. */
final class GroupRequests {

    static final int DEFAULT_LIMIT = 50;

    static final String ADDRESS_PARAMETER = "The group's address, URL-encoded (sip%3Afriends%40opencpm.test) or "
            + "without scheme (friends@opencpm.test)";
    static final String MEMBER_PARAMETER = "The member's address, URL-encoded (sip%3Abob%40example.com, "
            + "tel%3A%2B12015550123)";

    private GroupRequests() {
    }

    /** The group's URI under the resource class {@code resource}. */
    static URI location(UriInfo uriInfo, Class<?> resource, String address) {
        return uriInfo.getBaseUriBuilder().path(resource).path(URLEncoder.encode(address, StandardCharsets.UTF_8))
                .build();
    }
}
