package org.opencpm.msrp.session;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opencpm.msrp.codec.MsrpResponse;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.connection.MsrpConnection;

/**
 * The requests sent and awaiting their response, by transaction id. A response counts only on the connection its
 * request went out on (RFC 4975 sec 7.2: responses travel one hop). The clock of a transaction starts when its
 * frame is written, not when it is queued; without a response in time it ends as a 408 (RFC 4975 sec 7.1.1, 30 s
 * by default), as do all transactions of a connection that closes.
 */
public final class Transactions {

    private static final class Pending {
        final Object owner;
        final MsrpConnection connection;
        final ResponseHandler handler;
        volatile ScheduledFuture<?> timeout;

        Pending(Object owner, MsrpConnection connection, ResponseHandler handler) {
            this.owner = owner;
            this.connection = connection;
            this.handler = handler;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final long timeoutMillis;

    public Transactions(ScheduledExecutorService timer, long timeoutMillis) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.timeoutMillis = timeoutMillis;
    }

    /** Registers a request queued on {@code connection} for {@code owner}, before it can be answered. */
    public void expect(String transactionId, Object owner, MsrpConnection connection, ResponseHandler handler) {
        pending.put(transactionId, new Pending(owner, connection, handler));
    }

    /** The request went out: its clock starts. */
    public void started(String transactionId) {
        Pending p = pending.get(transactionId);
        if (p != null) {
            p.timeout = timer.schedule(() -> end(transactionId, p, MsrpStatus.REQUEST_TIMEOUT.code(),
                    "no response within " + timeoutMillis + " ms"), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** A response read on {@code connection}; one that matches no request sent there is ignored. */
    public void responded(MsrpResponse response, MsrpConnection connection) {
        Pending p = pending.get(response.transactionId());
        if (p != null && p.connection == connection) {
            end(response.transactionId(), p, response.code(), response.comment());
        }
    }

    /** Ends every transaction of a closed connection with 408. */
    public void connectionClosed(MsrpConnection connection) {
        pending.forEach((id, p) -> {
            if (p.connection == connection) {
                end(id, p, MsrpStatus.REQUEST_TIMEOUT.code(), "connection closed before the response");
            }
        });
    }

    /** Forgets the transactions of a closed owner: their responses no longer matter to anyone. */
    public void forget(Object owner) {
        pending.forEach((id, p) -> {
            if (p.owner == owner && pending.remove(id, p)) {
                cancel(p);
            }
        });
    }

    /** All requests awaiting their response. */
    public int size() {
        return pending.size();
    }

    private void end(String id, Pending p, int code, String comment) {
        if (pending.remove(id, p)) {
            cancel(p);
            p.handler.onResponse(code, comment);
        }
    }

    private static void cancel(Pending p) {
        ScheduledFuture<?> t = p.timeout;
        if (t != null) {
            t.cancel(false);
        }
    }
}
