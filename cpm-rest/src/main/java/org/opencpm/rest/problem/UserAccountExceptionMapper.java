package org.opencpm.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAccountException;
import org.opencpm.user.UserAlreadyExistsException;

/** Refusals of the user service: 400 with the invalid field, 409 for a taken address, 404 for an unknown one. */
@Provider
public class UserAccountExceptionMapper implements ExceptionMapper<UserAccountException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(UserAccountException exception) {
        return problem(exception, uriInfo.getRequestUri().getRawPath()).toResponse();
    }

    private static Problem problem(UserAccountException exception, String instance) {
        String detail = exception.getMessage();
        if (exception instanceof InvalidUserException invalid) {
            return new Problem(ProblemTypes.INVALID_FIELD, "Invalid field", 400, detail, instance, invalid.field());
        }
        if (exception instanceof UserAlreadyExistsException) {
            return new Problem(ProblemTypes.USER_EXISTS, "User already exists", 409, detail, instance, null);
        }
        // UserAccountException is sealed: what remains is a UserNotFoundException.
        return new Problem(ProblemTypes.USER_NOT_FOUND, "User not found", 404, detail, instance, null);
    }
}
