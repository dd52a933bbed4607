package org.opencpm.rest.preference;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.PreferencesChangedException;
import org.opencpm.preference.UserPreferences;
import org.opencpm.rest.RequestBodies;

/**
 * GET and PUT of one user's preference document, the same for administrators and for the user: the document with
 * its ETag, and the HTTP preconditions (If-Match, If-None-Match) of OMA XDM Core evaluated against it.
 */
final class PreferenceResponses {

    private PreferenceResponses() {
    }

    /** 200 with the document, 304 when If-None-Match names it, 412 when If-Match does not. */
    static Response read(PreferenceService preferences, String username, Request request) {
        UserPreferences current = preferences.of(username);
        EntityTag tag = PreferencesTag.of(current);
        Response.ResponseBuilder precondition = request.evaluatePreconditions(tag);
        if (precondition != null) {
            Response failed = precondition.build();
            if (failed.getStatus() == Response.Status.PRECONDITION_FAILED.getStatusCode()) {
                throw new PreferencesChangedException(username);
            }
            return failed;
        }
        return Response.ok(PreferencesDocument.of(current)).tag(tag).build();
    }

    /**
     * Replaces the document and answers 200 with it as stored. The preconditions are evaluated by the service
     * against the stored document, with the account locked, so that two clients that read the same ETag cannot both
     * replace it.
     */
    static Response replace(PreferenceService preferences, String username, PreferencesDocument body,
                            Request request) {
        UserPreferences stored = preferences.replace(username, RequestBodies.required(body).toPreferences(),
                current -> request.evaluatePreconditions(PreferencesTag.of(current)) == null);
        return Response.ok(PreferencesDocument.of(stored)).tag(PreferencesTag.of(stored)).build();
    }
}
