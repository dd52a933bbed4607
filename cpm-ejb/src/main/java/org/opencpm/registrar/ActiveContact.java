package org.opencpm.registrar;

/** A contact of a user that is registered now, with its remaining lifetime in seconds. */
public record ActiveContact(String uri, String params, String instanceId, long expiresInSeconds, String receivedFrom) {

    /** The Contact header value for a 200 response to REGISTER (RFC 3261 section 10.3 step 8). */
    public String contactHeaderValue() {
        return "<" + uri + ">" + (params == null || params.isEmpty() ? "" : ";" + params) + ";expires=" + expiresInSeconds;
    }
}
