package org.opencpm.msrp.session;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.opencpm.msrp.codec.Identifiers;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.connection.MsrpConnection;

/**
 * What sessions need from the stack that owns them: the connections, shared services, and one lock under which
 * every session and connection changes state, so that binding, reuse and release never race each other. The
 * methods marked "under the lock" expect the caller to hold it.
 */
public interface SessionHost {

    /** The lock of all session and connection states; held briefly, never while calling an application. */
    Object lock();

    Identifiers ids();

    Transactions transactions();

    SessionLimits limits();

    ScheduledExecutorService timer();

    /** The highest number of bytes any session of the stack has had queued. */
    AtomicLong peakQueued();

    /**
     * A connection to the host and port of {@code target}: with {@code reuse}, one this side opened there before
     * and still uses (RFC 4975 sec 5.4), else a new one, opened off the caller's thread.
     */
    CompletionStage<MsrpConnection> connectionTo(MsrpUri target, boolean reuse);

    /** Under the lock: records that {@code session} uses {@code connection}; false if the connection is closed. */
    boolean link(SessionImpl session, MsrpConnection connection);

    /** Under the lock: {@code session} no longer uses {@code connection}, which closes when no session is left. */
    void unlink(SessionImpl session, MsrpConnection connection);

    /** Under the lock: a connection opened for a session that went on without it closes unless others use it. */
    void releaseIfUnused(MsrpConnection connection);

    /** Under the lock: {@code session} is closed; the stack forgets it. */
    void forget(SessionImpl session);
}
