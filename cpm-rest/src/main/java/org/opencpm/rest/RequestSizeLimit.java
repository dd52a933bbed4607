package org.opencpm.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.opencpm.rest.problem.Problem;

/**
 * Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413, before any resource or JSON parser sees
 * them: by the declared Content-Length, and by reading at most one byte more than the limit for chunked bodies.
 * An admin request body is a small JSON object; nothing legitimate comes close.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final int MAX_BODY_BYTES = 16 * 1024;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > MAX_BODY_BYTES) {
            request.abortWith(tooLarge(request));
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            request.abortWith(tooLarge(request));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static Response tooLarge(ContainerRequestContext request) {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES + " bytes.",
                request.getUriInfo().getRequestUri().getRawPath()).toResponse();
    }
}
