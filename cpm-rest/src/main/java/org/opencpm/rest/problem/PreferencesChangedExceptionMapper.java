package org.opencpm.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpm.preference.PreferencesChangedException;

/** A conditional request whose If-Match (or If-None-Match) the stored preference document fails: 412. */
@Provider
public class PreferencesChangedExceptionMapper implements ExceptionMapper<PreferencesChangedException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(PreferencesChangedException exception) {
        return Problem.of(Response.Status.PRECONDITION_FAILED,
                "The preferences are no longer those of the ETag in the request's precondition: read them again.",
                uriInfo.getRequestUri().getRawPath()).toResponse();
    }
}
