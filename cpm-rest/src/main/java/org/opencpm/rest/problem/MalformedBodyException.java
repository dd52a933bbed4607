package org.opencpm.rest.problem;

import jakarta.ws.rs.BadRequestException;

/** A request body that could not be read as the JSON the resource expects; the message is safe to show. */
public class MalformedBodyException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
