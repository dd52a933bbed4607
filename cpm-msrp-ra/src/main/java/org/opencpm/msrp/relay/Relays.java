package org.opencpm.msrp.relay;

import java.util.List;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.MsrpFanOut;
import org.opencpm.msrp.api.RelayTap;
import org.opencpm.msrp.session.SessionImpl;

/** Sessions joined as the legs of a relay. The caller holds the stack's lock and has checked the legs are free. */
public final class Relays {

    private Relays() {
    }

    /**
     * Two legs of a back-to-back user agent: each passes what it receives to the other; one closing closes the other
     * once that one has passed on what it was given. {@code tap}, when not null, sees what passes either way.
     */
    public static void bridge(SessionImpl a, SessionImpl b, RelayTap tap) {
        a.join(new RelayInbound(a, new BridgeOutlet(new Leg(b)), tap),
                () -> b.closeWhenDrained(CloseReason.BRIDGE_CLOSED));
        b.join(new RelayInbound(b, new BridgeOutlet(new Leg(a)), tap),
                () -> a.closeWhenDrained(CloseReason.BRIDGE_CLOSED));
    }

    /** What {@code source} receives copied to every one of {@code targets}; see {@link FanOut}. */
    public static MsrpFanOut fanOut(SessionImpl source, List<SessionImpl> targets) {
        return FanOut.join(source, targets);
    }
}
