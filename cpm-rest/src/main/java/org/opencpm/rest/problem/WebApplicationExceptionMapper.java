package org.opencpm.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP errors raised by JAX-RS itself or by the application: unknown path (404), unsupported method (405), media
 * type not accepted or not produced (415, 406), malformed body (400). The status is kept, as are the headers that
 * belong to it (such as {@code Allow}); the body becomes a problem. The runtime's own messages name internals, so
 * the detail is ours.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is malformed.",
            404, "There is no resource at this path.",
            405, "The resource does not support this method.",
            406, "The resource cannot produce a representation the client accepts.",
            415, "The resource does not accept this content type.");

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        String path = uriInfo.getRequestUri().getRawPath();
        Response original = exception.getResponse();
        if (original.getStatus() >= 500) {
            LOG.log(Level.SEVERE, "Server error answering " + path, exception);
        }
        Response.ResponseBuilder response = problem(exception, path).responseBuilder();
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private static Problem problem(WebApplicationException exception, String instance) {
        int status = exception.getResponse().getStatus();
        String detail = exception instanceof MalformedBodyException ? exception.getMessage() : DETAILS.get(status);
        return Problem.of(status, detail, instance);
    }
}
