package org.opencpm.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpm.preference.InvalidPreferencesException;

/** A preference document that breaks a rule: 400, the problem's {@code field} is the value's path in the document. */
@Provider
public class InvalidPreferencesExceptionMapper implements ExceptionMapper<InvalidPreferencesException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidPreferencesException exception) {
        return new Problem(ProblemTypes.INVALID_FIELD, "Invalid field", 400, exception.getMessage(),
                uriInfo.getRequestUri().getRawPath(), exception.field()).toResponse();
    }
}
