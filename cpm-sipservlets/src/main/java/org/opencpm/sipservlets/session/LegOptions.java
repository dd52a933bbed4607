package org.opencpm.sipservlets.session;

import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.SessionOptions;

/** How the functions of this server open their MSRP legs. */
public final class LegOptions {

    private LegOptions() {
    }

    /**
     * A leg on a connection of its own. The PF, CF and PF of a chain share one MSRP listener, so with reuse (RFC 4975
     * sec 5.4) their hops would share one connection, and the thread reading it could end up waiting for room that
     * only its own reading makes; one connection per leg keeps every hop's back-pressure separate.
     */
    public static SessionOptions of(MsrpSessionListener listener) {
        return SessionOptions.of(listener).withReuseConnections(false);
    }
}
