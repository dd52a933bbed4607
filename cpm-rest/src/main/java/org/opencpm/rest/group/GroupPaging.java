package org.opencpm.rest.group;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.opencpm.group.GroupService;
import org.opencpm.rest.QueryParameters;

/** The {@code offset} and {@code limit} of a list of groups, one {@code @BeanParam} for both resources' lists. */
public class GroupPaging {

    static final int DEFAULT_LIMIT = 50;

    @Parameter(description = "Groups to skip", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
            defaultValue = "0"))
    @QueryParam("offset")
    String offset;

    @Parameter(description = "Most groups to return", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + GroupService.MAX_PAGE_SIZE, defaultValue = "" + DEFAULT_LIMIT))
    @QueryParam("limit")
    String limit;

    public GroupPaging() {
        // for JAX-RS
    }

    GroupPaging(String offset, String limit) {
        this.offset = offset;
        this.limit = limit;
    }

    // Read as text, so that a value that is no integer is 400 naming the parameter (QueryParameters).
    int offset() {
        return QueryParameters.intValue("offset", offset, 0);
    }

    int limit() {
        return QueryParameters.intValue("limit", limit, DEFAULT_LIMIT);
    }
}
