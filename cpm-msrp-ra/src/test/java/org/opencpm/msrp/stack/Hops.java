package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpStatistics;

/** What SIP and SDP would do between two sessions, done directly: each learns the other's path and its role. */
final class Hops {

    /** Which end of a hop opens its connection. */
    enum Opener { LEFT, RIGHT }

    private Hops() {
    }

    static void negotiate(MsrpSession left, MsrpSession right, Opener opener) {
        left.setRemote(right.localPath(), opener == Opener.LEFT ? ConnectRole.ACTIVE : ConnectRole.PASSIVE);
        right.setRemote(left.localPath(), opener == Opener.RIGHT ? ConnectRole.ACTIVE : ConnectRole.PASSIVE);
    }

    /** Negotiates and connects both ends, returning once both are bound. */
    static void connect(MsrpSession left, MsrpSession right, Opener opener) throws Exception {
        negotiate(left, right, opener);
        left.connect();
        right.connect();
        left.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);
        right.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** Waits until no session and no connection is left on any of the connectors. */
    static void awaitNothingOpen(MsrpConnector... connectors) throws InterruptedException {
        Await.until(() -> "all released, but " + describe(connectors), () -> {
            for (MsrpConnector c : connectors) {
                MsrpStatistics s = c.statistics();
                if (s.sessions() != 0 || s.connections() != 0) {
                    return false;
                }
            }
            return true;
        });
        for (MsrpConnector c : connectors) {
            assertEquals(0, c.statistics().queuedBytes());
        }
    }

    static String describe(MsrpConnector... connectors) {
        StringBuilder b = new StringBuilder();
        for (MsrpConnector c : connectors) {
            b.append(c.port()).append(": ").append(c.statistics()).append("; ");
        }
        return b.toString();
    }
}
