package org.opencpm.rest.health;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code GET /health}: UP only when every part is UP. */
@Schema(name = "Health")
public record HealthReport(Status status, Sip sip, Msrp msrp, Database database) {

    /** The SIP connector, UP when it listens somewhere. */
    @Schema(name = "SipHealth")
    public record Sip(Status status,
            @Schema(example = "[\"UDP 127.0.0.1:5060\", \"TCP 127.0.0.1:5060\"]") List<String> listeningPoints) {
    }

    /**
     * The MSRP connector, UP when it listens; with what it holds now, so an operator sees sessions and connections
     * come and go (and none left behind after a session ends).
     */
    @Schema(name = "MsrpHealth")
    public record Msrp(Status status, @Schema(example = "127.0.0.1:2855") String listening, int sessions,
                       int connections, long queuedBytes) {

        public static Msrp down() {
            return new Msrp(Status.DOWN, null, 0, 0, 0);
        }
    }

    @Schema(name = "DatabaseHealth")
    public record Database(Status status) {
    }

    /**
     * @param listeningPoints what the SIP connector listens on, empty if it does not or could not be asked
     * @param msrp            the MSRP connector's state ({@link Msrp#down()} if it could not be asked)
     * @param databaseUp      whether a database connection was valid
     */
    public static HealthReport of(List<String> listeningPoints, Msrp msrp, boolean databaseUp) {
        Sip sip = new Sip(listeningPoints.isEmpty() ? Status.DOWN : Status.UP, List.copyOf(listeningPoints));
        Database database = new Database(databaseUp ? Status.UP : Status.DOWN);
        Status overall = sip.status() == Status.UP && msrp.status() == Status.UP && database.status() == Status.UP
                ? Status.UP : Status.DOWN;
        return new HealthReport(overall, sip, msrp, database);
    }
}
