package org.opencpm.rest.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details object. {@code type} is {@code about:blank} for plain HTTP errors (the title is then
 * the status phrase) or an OpenCPM problem type; {@code field}, an extension member, names the invalid input
 * field of a validation problem. Absent members are left out of the JSON.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "field"})
public record Problem(String type, String title, int status, String detail, String instance, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";

    /** A plain HTTP error: {@code about:blank} titled with the status phrase. */
    public static Problem of(Response.StatusType status, String detail, String instance) {
        return new Problem(ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), detail, instance, null);
    }

    /** A plain HTTP error by status code, also for codes {@link Response.Status} does not name. */
    public static Problem of(int status, String detail, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return of(known, detail, instance);
        }
        return new Problem(ABOUT_BLANK, "HTTP " + status, status, detail, instance, null);
    }

    public Response.ResponseBuilder responseBuilder() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    public Response toResponse() {
        return responseBuilder().build();
    }
}
