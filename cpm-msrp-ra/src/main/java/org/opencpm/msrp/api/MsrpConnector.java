package org.opencpm.msrp.api;

import java.util.List;

/**
 * What an application gets from the MSRP connector: local sessions to put in SDP, bridges between the two legs of
 * a back-to-back user agent, and counts of what is open. In WildFly it is the resource adapter's connection factory
 * ({@code java:/eis/msrp}); in tests and tools the embedded stack ({@code org.opencpm.msrp.stack.EmbeddedMsrpStack}).
 */
public interface MsrpConnector {

    /**
     * A new local session: a fresh session-id on the listener's host and port, giving the {@code a=path} of this
     * side's SDP. It connects once {@link MsrpSession#connect} is called, or as soon as the peer binds to it.
     *
     * @throws IllegalArgumentException if the options name an application no endpoint is activated for
     */
    MsrpSession createSession(SessionOptions options);

    /**
     * Joins two sessions as the legs of one back-to-back user agent: every chunk received on one is forwarded on
     * the other with its Message-ID and Byte-Range (a chunk longer than the relay's buffer is passed on in several
     * consecutive chunks, RFC 4975 sec 7.1), To-Path and From-Path rewritten for that leg; REPORTs go through the
     * same way. Each leg answers its own transactions (RFC 4975 sec 7.1.1 hop by hop): a chunk the next leg refuses
     * or never acknowledges comes back to its sender as a failure REPORT. A leg whose remote path is known but not
     * yet connected connects when the first SEND arrives on the other. When one leg closes, the other closes too.
     *
     * @throws IllegalStateException if either session is closed or already bridged
     */
    default void bridge(MsrpSession first, MsrpSession second) {
        bridge(first, second, null);
    }

    /**
     * {@link #bridge(MsrpSession, MsrpSession)}, with {@code tap} shown each piece of a SEND as it is passed on in
     * either direction; null for none (nothing is copied then).
     */
    void bridge(MsrpSession first, MsrpSession second, RelayTap tap);

    /**
     * Copies every message received on {@code source} to each of {@code targets}, as the Controlling Function of a
     * group passes a large message on to every member's leg (OMA CPM SD 5.2.2.1.5). Each chunk goes out on every
     * target as a bridge would pass it, and is answered once it is queued on all of them: the slowest target sets
     * the pace. A target may get chunks before its remote path is set; they wait in its queue (and hold the source
     * back once it is full) and go out when it is set, the target connecting then as negotiated. A target that
     * fails a message ({@link CloseReason#DELIVERY_FAILED}), closes or is {@link MsrpFanOut#remove removed} leaves
     * the fan-out and the others go on; only when none is left does the sender hear of the failure, in a failure
     * REPORT, and the source closes. The first success REPORT from a target goes back to the sender. When the
     * source closes, every target closes ({@link CloseReason#BRIDGE_CLOSED}). Targets only receive.
     *
     * @throws IllegalArgumentException if there is no target, or a session is named twice
     * @throws IllegalStateException if a session is closed, or a leg of a bridge or fan-out already
     */
    MsrpFanOut fanOut(MsrpSession source, List<MsrpSession> targets);

    /** What is open now, for health checks and for tests that assert nothing is left after a teardown. */
    MsrpStatistics statistics();

    /** The host local session URIs carry: the listener's address. */
    String host();

    /** The port local session URIs carry: the listener's port. */
    int port();
}
