package org.opencpm.group;

/**
 * The Controlling Function's decision on a request to a group (OMA CPM SD 5.2.2.1.2): allowed, or refused with the
 * SIP status to answer ({@value #NOT_FOUND} for an unknown group, {@value #FORBIDDEN} when the group's policy refuses)
 * and a one-line reason for the response's reason phrase or Warning.
 */
public record Authorization(boolean allowed, int status, String reason) {

    public static final int OK = 200;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;

    private static final Authorization ALLOWED = new Authorization(true, OK, null);

    public static Authorization allow() {
        return ALLOWED;
    }

    public static Authorization refuse(int status, String reason) {
        return new Authorization(false, status, reason);
    }
}
