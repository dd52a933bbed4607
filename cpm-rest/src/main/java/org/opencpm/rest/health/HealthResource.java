package org.opencpm.rest.health;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /health}: 200 when UP, 503 when DOWN, the report as body either way. No authentication. */
@Path("health")
@RequestScoped
@PermitAll
@Tag(name = "Health", description = "Server health")
public class HealthResource {

    @Inject
    HealthService health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Server health", description = "UP when the SIP connector listens and the database answers.")
    @APIResponse(responseCode = "200", description = "UP", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "DOWN", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HealthReport.class)))
    public Response get() {
        HealthReport report = health.check();
        Response.Status status = report.status() == Status.UP ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE;
        // A health answer is only true now: no cache may keep it.
        return Response.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store").entity(report).build();
    }
}
