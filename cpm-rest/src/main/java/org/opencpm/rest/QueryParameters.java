package org.opencpm.rest;

import org.opencpm.user.InvalidUserException;

/**
 * Query parameters are read here rather than bound as {@code int}: JAX-RS answers a failed conversion of a query
 * parameter with 404, where a client deserves 400 naming the parameter.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int intValue(String name, String value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidUserException(name, "must be an integer");
        }
    }
}
