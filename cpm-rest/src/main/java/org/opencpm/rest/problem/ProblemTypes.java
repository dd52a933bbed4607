package org.opencpm.rest.problem;

/** The OpenCPM problem types: identifiers (URNs), not links. */
public final class ProblemTypes {

    public static final String INVALID_FIELD = "urn:opencpm:problem:invalid-field";
    public static final String USER_EXISTS = "urn:opencpm:problem:user-exists";
    public static final String USER_NOT_FOUND = "urn:opencpm:problem:user-not-found";

    private ProblemTypes() {
    }
}
