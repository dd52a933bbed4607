package org.opencpm.preference;

/**
 * A conditional replace found a stored document other than the one the change was based on (XDM's use of HTTP
 * If-Match, OMA XDM Core): nothing was changed.
 */
public class PreferencesChangedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PreferencesChangedException(String username) {
        super("The preferences of " + username + " have changed since they were read");
    }
}
