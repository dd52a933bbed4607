package org.opencpm.rest.health;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code GET /health}: UP only when every part is UP. */
@Schema(name = "Health")
public record HealthReport(Status status, Sip sip, Database database) {

    /** The SIP connector, UP when it listens somewhere. */
    @Schema(name = "SipHealth")
    public record Sip(Status status,
            @Schema(example = "[\"UDP 127.0.0.1:5060\", \"TCP 127.0.0.1:5060\"]") List<String> listeningPoints) {
    }

    @Schema(name = "DatabaseHealth")
    public record Database(Status status) {
    }

    /**
     * @param listeningPoints what the SIP connector listens on, empty if it does not or could not be asked
     * @param databaseUp      whether a database connection was valid
     */
    public static HealthReport of(List<String> listeningPoints, boolean databaseUp) {
        Sip sip = new Sip(listeningPoints.isEmpty() ? Status.DOWN : Status.UP, List.copyOf(listeningPoints));
        Database database = new Database(databaseUp ? Status.UP : Status.DOWN);
        Status overall = sip.status() == Status.UP && database.status() == Status.UP ? Status.UP : Status.DOWN;
        return new HealthReport(overall, sip, database);
    }
}
