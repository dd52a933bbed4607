package org.opencpm.rest.problem;

/** The OpenCPM problem types: identifiers (URNs), not links. */
public final class ProblemTypes {

    public static final String INVALID_FIELD = "urn:opencpm:problem:invalid-field";
    public static final String USER_EXISTS = "urn:opencpm:problem:user-exists";
    public static final String USER_NOT_FOUND = "urn:opencpm:problem:user-not-found";
    public static final String GROUP_EXISTS = "urn:opencpm:problem:group-exists";
    public static final String GROUP_NOT_FOUND = "urn:opencpm:problem:group-not-found";
    public static final String MEMBER_NOT_FOUND = "urn:opencpm:problem:member-not-found";
    public static final String NOT_GROUP_OWNER = "urn:opencpm:problem:not-group-owner";
    public static final String MESSAGE_STORE_UNAVAILABLE = "urn:opencpm:problem:message-store-unavailable";

    private ProblemTypes() {
    }
}
