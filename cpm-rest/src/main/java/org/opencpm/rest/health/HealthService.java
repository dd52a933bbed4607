package org.opencpm.rest.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpStatistics;
import org.opencpm.sip.api.SipConnector;

/**
 * Checks the parts the server cannot work without. A failing check makes its part DOWN rather than failing the
 * request; the reason is logged at FINE only, as health is polled often and the outage shows elsewhere.
 */
@ApplicationScoped
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class.getName());
    /** Seconds {@link Connection#isValid} may take; a database slower than this is as good as down. */
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:/eis/sip")
    SipConnector sip;

    @Resource(lookup = "java:/eis/msrp")
    MsrpConnector msrp;

    @Resource(lookup = "java:jboss/datasources/OpenCpmDS")
    DataSource dataSource;

    public HealthReport check() {
        return HealthReport.of(listeningPoints(), msrpState(), databaseUp());
    }

    private HealthReport.Msrp msrpState() {
        try {
            MsrpStatistics stats = msrp.statistics();
            return new HealthReport.Msrp(Status.UP, msrp.host() + ":" + msrp.port(), stats.sessions(),
                    stats.connections(), stats.queuedBytes());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "MSRP connector check failed", e);
            return HealthReport.Msrp.down();
        }
    }

    private List<String> listeningPoints() {
        try {
            List<String> points = sip.getListeningPoints();
            return points == null ? List.of() : points;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "SIP connector check failed", e);
            return List.of();
        }
    }

    private boolean databaseUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Database check failed", e);
            return false;
        }
    }
}
