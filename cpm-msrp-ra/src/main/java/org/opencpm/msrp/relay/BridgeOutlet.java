package org.opencpm.msrp.relay;

import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;

/** One direction of a bridge: what arrives on one leg goes out on the other, REPORTs included. */
final class BridgeOutlet implements Outlet {

    private final Leg to;

    BridgeOutlet(Leg to) {
        this.to = to;
    }

    @Override
    public void connectLegs() {
        to.connectIfNegotiated();
    }

    @Override
    public boolean admits() {
        return !to.full();
    }

    @Override
    public boolean pass(Slice slice) throws InterruptedException {
        if (to.send(slice, (code, comment) -> {
            if (!MsrpStatus.isSuccess(code)) {
                slice.fail(code, comment);
            }
        })) {
            return true;
        }
        slice.fail(MsrpStatus.REQUEST_TIMEOUT.code(), "next hop does not take the message");
        return false;
    }

    @Override
    public void report(MsrpRequest report) {
        to.report(report);
    }
}
