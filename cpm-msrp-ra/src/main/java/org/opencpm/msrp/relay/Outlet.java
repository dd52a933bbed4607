package org.opencpm.msrp.relay;

import org.opencpm.msrp.codec.MsrpRequest;

/**
 * Where a {@link RelayInbound} passes on what arrives on its leg: the other leg of a bridge ({@link BridgeOutlet})
 * or the targets of a fan-out ({@link FanOut}). Called on the inbound leg's reader thread.
 */
interface Outlet {

    /** A SEND arrived: legs negotiated but not yet connected connect now. */
    void connectLegs();

    /**
     * Whether a new chunk may go on: false once the legs have as many chunks awaiting a response as they may,
     * which bounds what a storm of chunks towards a next hop that never answers costs.
     */
    boolean admits();

    /**
     * Queues a slice on the legs it goes to, waiting for room in their queues (the back-pressure on the sender).
     *
     * @return false if no leg took it: the message has failed and its sender has been told as it asked
     */
    boolean pass(Slice slice) throws InterruptedException;

    /** A REPORT arrived on the inbound leg (RFC 4975 sec 7.1.2). */
    void report(MsrpRequest report);
}
