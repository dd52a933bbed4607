package org.opencpm.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.resteasy.spi.Failure;

/**
 * Everything no other mapper claims: a bug or an unavailable resource (database, connector). Logged once here with
 * its stack trace; the client gets a bare 500 problem, nothing of the failure's internals.
 */
@Provider
public class ServerErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ServerErrorMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable exception) {
        String path = uriInfo.getRequestUri().getRawPath();
        // RESTEasy signals some regular outcomes as a Failure carrying the answer (the automatic OPTIONS response)
        // or a client error code (a malformed Accept header); a mapper for Throwable would otherwise turn them into
        // 500s.
        if (exception instanceof Failure failure) {
            if (failure.getResponse() != null) {
                return failure.getResponse();
            }
            if (failure.getErrorCode() >= 400 && failure.getErrorCode() < 500) {
                return Problem.of(failure.getErrorCode(), null, path).toResponse();
            }
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering " + request.getMethod() + " " + path, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "The server failed to process the request.", path)
                .toResponse();
    }
}
