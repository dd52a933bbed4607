package org.opencpm.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpm.group.GroupAlreadyExistsException;
import org.opencpm.group.GroupException;
import org.opencpm.group.GroupNotFoundException;
import org.opencpm.group.InvalidGroupException;
import org.opencpm.group.MemberNotFoundException;

/**
 * Refusals of the group service: 400 with the invalid value's path as {@code field}, 409 for a taken address, 404
 * for an unknown group or member, 403 for a change by someone other than the owner.
 */
@Provider
public class GroupExceptionMapper implements ExceptionMapper<GroupException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(GroupException exception) {
        return problem(exception, uriInfo.getRequestUri().getRawPath()).toResponse();
    }

    private static Problem problem(GroupException exception, String instance) {
        String detail = exception.getMessage();
        if (exception instanceof InvalidGroupException invalid) {
            return new Problem(ProblemTypes.INVALID_FIELD, "Invalid field", 400, detail, instance, invalid.field());
        }
        if (exception instanceof GroupAlreadyExistsException) {
            return new Problem(ProblemTypes.GROUP_EXISTS, "Address taken", 409, detail, instance, null);
        }
        if (exception instanceof GroupNotFoundException) {
            return new Problem(ProblemTypes.GROUP_NOT_FOUND, "Group not found", 404, detail, instance, null);
        }
        if (exception instanceof MemberNotFoundException) {
            return new Problem(ProblemTypes.MEMBER_NOT_FOUND, "Member not found", 404, detail, instance, null);
        }
        // GroupException is sealed: what remains is a NotGroupOwnerException.
        return new Problem(ProblemTypes.NOT_GROUP_OWNER, "Not the group's owner", 403, detail, instance, null);
    }
}
