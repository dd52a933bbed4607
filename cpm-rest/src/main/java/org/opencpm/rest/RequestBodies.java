package org.opencpm.rest;

import org.opencpm.rest.problem.MalformedBodyException;

/** Request bodies the resources need: an empty body and the JSON literal null both reach a resource as null. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, or 400 (problem+json) when there is none. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new MalformedBodyException("The request body must be a JSON object; it is empty or null.", null);
        }
        return body;
    }
}
