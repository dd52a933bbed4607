package org.opencpm.msrp.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.opencpm.msrp.codec.MsrpUri;

/**
 * One local MSRP session (RFC 4975): this side's URI, the peer's path once SDP is negotiated, and the TCP
 * connection it is bound to. Thread-safe.
 *
 * <p>Life: {@link MsrpConnector#createSession created} (its {@link #localPath()} goes into SDP), told the peer's
 * path and who opens the connection ({@link #setRemote}), {@link #connect() connected}, used, {@link #close()
 * closed}. A session whose connection drops is closed with {@link CloseReason#CONNECTION_LOST} and its listener
 * told, so that the application can end the SIP dialog.
 */
public interface MsrpSession {

    /** The session-id of the local URI. */
    String id();

    /** This side's URI: {@code msrp://host:port/session-id;tcp}. */
    MsrpUri localUri();

    /** This side's {@code a=path}: the local URI alone, since this connector is no RFC 4976 relay. */
    default List<MsrpUri> localPath() {
        return List.of(localUri());
    }

    /** The peer's path (its {@code a=path}, or the From-Path it bound with), once known. */
    Optional<List<MsrpUri>> remotePath();

    SessionState state();

    /**
     * Records what SDP negotiated: the peer's {@code a=path} and who opens the connection. Nothing happens on the
     * wire until {@link #connect()}, or until a bridged partner receives its first SEND.
     *
     * @throws IllegalStateException if the session is closed
     */
    void setRemote(List<MsrpUri> remotePath, ConnectRole role);

    /**
     * Connects as agreed by {@link #setRemote}. Active: opens a TCP connection to the first URI of the remote path,
     * or reuses one this side opened to the same host and port, and sends an empty SEND that binds the session at
     * the peer (RFC 4975 sec 5.4, RFC 6135). Passive: waits for the peer's first request, which binds the session to
     * the connection it came on; without one within the bind timeout the session closes. Idempotent.
     *
     * @return completes when the session is bound (active: when the binding SEND got its 200), or exceptionally
     *     when it closes first
     * @throws IllegalStateException if no remote path was set
     */
    CompletionStage<MsrpSession> connect();

    /** {@link #setRemote} then {@link #connect()}. */
    default CompletionStage<MsrpSession> connect(List<MsrpUri> remotePath, ConnectRole role) {
        setRemote(remotePath, role);
        return connect();
    }

    /**
     * Sends a message, cut into chunks (RFC 4975 sec 5.1) read one at a time from its source. Blocks while the
     * session's queue is full (back-pressure: the call takes as long as the peer takes to read), and until every
     * chunk is queued; before the session is bound, chunks wait in its queue. Do not call it from a listener
     * callback for a message larger than the queue: that callback holds the connection's reader.
     *
     * @return the delivery, whose result completes as Success-Report and Failure-Report let the sender know
     * @throws IOException if the source cannot be read; the chunks sent so far are ended with {@code #}
     * @throws IllegalStateException if the session is closed
     */
    MessageDelivery send(OutgoingMessage message) throws IOException, InterruptedException;

    /** Bytes queued for this session and not yet written to its connection. */
    long queuedBytes();

    /**
     * True when everything sent on this session has been written and answered: nothing queued, no transaction
     * awaiting its response. A B2BUA waits for this before it ends the next hop, so a BYE that follows the last
     * chunk never cuts off chunks still on their way (RFC 4975 sec 7.3: each hop answers for what it accepted).
     */
    boolean idle();

    /**
     * Closes the session, as after a SIP BYE: chunks still queued are dropped, deliveries in progress fail, and the
     * connection is closed if no other session uses it. Idempotent.
     */
    void close();
}
