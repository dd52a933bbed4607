package org.opencpm.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.opencpm.messagestore.views.MessageStoreUnavailableException;

/**
 * The message store cannot be read now (not configured, unreachable, refused, no account for the user yet): 503,
 * the detail says which; the server log has the store's own answer.
 */
@Provider
public class MessageStoreUnavailableExceptionMapper implements ExceptionMapper<MessageStoreUnavailableException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(MessageStoreUnavailableException exception) {
        return new Problem(ProblemTypes.MESSAGE_STORE_UNAVAILABLE, "Message store unavailable", 503,
                exception.getMessage(), uriInfo.getRequestUri().getRawPath(), null).toResponse();
    }
}
