package org.opencpm.msrp.stack;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpFanOut;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.MsrpStatistics;
import org.opencpm.msrp.api.RelayTap;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.codec.FrameHandler;
import org.opencpm.msrp.codec.Identifiers;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.connection.Acceptor;
import org.opencpm.msrp.connection.ConnectionEvents;
import org.opencpm.msrp.connection.MsrpConnection;
import org.opencpm.msrp.relay.Relays;
import org.opencpm.msrp.session.SessionHost;
import org.opencpm.msrp.session.SessionImpl;
import org.opencpm.msrp.session.SessionLimits;
import org.opencpm.msrp.session.Transactions;

/**
 * The MSRP connector at work: a listener, the connections (accepted and opened), the sessions, one timer thread
 * for transaction and bind timeouts, and a small pool that opens connections off the callers' threads.
 *
 * <p>Connections and sessions: a session is linked to the connection it is bound to; a connection lives while
 * sessions use it and closes, both ends alike, once the last one has left (after what it still had queued has gone
 * out), so that the next hop sees the end and releases in turn. An accepted connection that no session binds to
 * within the bind timeout is closed. Connections this side opened are reused for further sessions to the same host
 * and port (RFC 4975 sec 5.4; the ZTE link-establishment method's "existing link with matching host, port and
 * URI"). A connection that drops closes its sessions, which tell their listeners.
 */
public final class MsrpStack implements MsrpConnector, SessionHost, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MsrpStack.class.getName());
    /** How long a connection left by its last session may take to write what it still has queued. */
    private static final long LINGER_MILLIS = 5_000;
    private static final int OPENER_THREADS = 4;

    /** Where a connection this side opened goes: what reuse matches on. */
    private record Authority(String host, int port) {
    }

    private final StackConfig config;
    private final Function<String, MsrpSessionListener> endpoints;
    private final Object lock = new Object();
    private final Identifiers ids = new Identifiers();
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService opener;
    private final Transactions transactions;
    private final AtomicLong peakQueued = new AtomicLong();
    private final Map<String, SessionImpl> sessions = new ConcurrentHashMap<>();
    private final Set<MsrpConnection> open = ConcurrentHashMap.newKeySet();
    private final ConnectionEvents events = new Events();
    // Guarded by lock.
    private final Map<MsrpConnection, Set<SessionImpl>> links = new HashMap<>();
    private final Map<Authority, MsrpConnection> reusable = new HashMap<>();
    private boolean stopped;
    private Acceptor acceptor;

    private MsrpStack(StackConfig config, Function<String, MsrpSessionListener> endpoints) {
        this.config = config;
        this.endpoints = endpoints;
        String name = "msrp-" + config.host() + "-" + config.port();
        this.timer = new ScheduledThreadPoolExecutor(1, daemons(name + "-timer"));
        // Cancelled timeouts (most of them: responses come) must not wait in the queue for their time.
        timer.setRemoveOnCancelPolicy(true);
        this.opener = new ThreadPoolExecutor(OPENER_THREADS, OPENER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemons(name + "-open"));
        ((ThreadPoolExecutor) opener).allowCoreThreadTimeOut(true);
        this.transactions = new Transactions(timer, config.sessions().transactionTimeoutMillis());
    }

    /**
     * Starts a stack listening as configured.
     *
     * @param endpoints the listener of each application name that {@link SessionOptions#forApplication} may name;
     *     null for a name not known
     * @throws IOException if the listener cannot bind
     */
    public static MsrpStack start(StackConfig config, Function<String, MsrpSessionListener> endpoints)
            throws IOException {
        MsrpStack stack = new MsrpStack(Objects.requireNonNull(config, "config"),
                Objects.requireNonNull(endpoints, "endpoints"));
        try {
            stack.acceptor = Acceptor.start(config.host(), config.port(), config.connections().socketBufferBytes(),
                    stack::accepted);
        } catch (IOException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public MsrpSession createSession(SessionOptions options) {
        MsrpSessionListener listener = options.listener() != null ? options.listener()
                : endpoints.apply(options.application());
        if (listener == null) {
            throw new IllegalArgumentException("no MSRP endpoint activated as " + options.application());
        }
        String id = ids.sessionId();
        SessionImpl session = new SessionImpl(id, MsrpUri.of(false, config.host(), port(), id), listener,
                options.reuseConnections(), this);
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException("MSRP connector stopped");
            }
            sessions.put(id, session);
        }
        return session;
    }

    @Override
    public void bridge(MsrpSession first, MsrpSession second, RelayTap tap) {
        SessionImpl a = own(first);
        SessionImpl b = own(second);
        if (a == b) {
            throw new IllegalArgumentException("a session cannot be bridged to itself");
        }
        synchronized (lock) {
            // Both legs are checked before either changes: a bridge is made whole or not at all.
            checkFree(List.of(a, b));
            Relays.bridge(a, b, tap);
        }
    }

    @Override
    public MsrpFanOut fanOut(MsrpSession source, List<MsrpSession> targets) {
        List<SessionImpl> legs = new ArrayList<>(targets.size() + 1);
        legs.add(own(source));
        targets.forEach(t -> legs.add(own(t)));
        if (targets.isEmpty() || new HashSet<>(legs).size() != legs.size()) {
            throw new IllegalArgumentException("a fan-out takes targets, each once and other than its source");
        }
        synchronized (lock) {
            checkFree(legs);
            return Relays.fanOut(legs.get(0), legs.subList(1, legs.size()));
        }
    }

    /** Under the lock: every leg must be open and not a leg of a bridge or fan-out yet. */
    private static void checkFree(List<SessionImpl> legs) {
        for (SessionImpl s : legs) {
            if (s.isClosed() || s.isJoined()) {
                throw new IllegalStateException(s + " is closed or a leg of a bridge or fan-out already");
            }
        }
    }

    private SessionImpl own(MsrpSession session) {
        SessionImpl s = session instanceof SessionImpl ? (SessionImpl) session : null;
        if (s == null || sessions.get(s.id()) != s && !s.isClosed()) {
            throw new IllegalArgumentException(session + " is not a session of this connector");
        }
        return s;
    }

    @Override
    public MsrpStatistics statistics() {
        long queued = 0;
        for (SessionImpl s : sessions.values()) {
            queued += s.queuedBytes();
        }
        return new MsrpStatistics(sessions.size(), open.size(), queued, peakQueued.get());
    }

    @Override
    public String host() {
        return config.host();
    }

    @Override
    public int port() {
        return acceptor.port();
    }

    /** The session a To-Path names: its only URI's session-id, since this connector relays nothing itself. */
    SessionImpl sessionFor(List<MsrpUri> toPath) {
        if (toPath.size() != 1) {
            return null;
        }
        return toPath.get(0).sessionId().map(sessions::get).orElse(null);
    }

    // SessionHost

    @Override
    public Object lock() {
        return lock;
    }

    @Override
    public Identifiers ids() {
        return ids;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public SessionLimits limits() {
        return config.sessions();
    }

    @Override
    public ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public AtomicLong peakQueued() {
        return peakQueued;
    }

    @Override
    public CompletionStage<MsrpConnection> connectionTo(MsrpUri target, boolean reuse) {
        String host = target.host().startsWith("[") ? target.host().substring(1, target.host().length() - 1)
                : target.host();
        Authority authority = new Authority(host.toLowerCase(Locale.ROOT), target.effectivePort());
        if (reuse) {
            synchronized (lock) {
                MsrpConnection existing = reusable.get(authority);
                if (existing != null && existing.isOpen() && links.containsKey(existing)) {
                    return CompletableFuture.completedFuture(existing);
                }
            }
        }
        CompletableFuture<MsrpConnection> result = new CompletableFuture<>();
        opener.execute(() -> {
            try {
                MsrpConnection c = MsrpConnection.open(host, authority.port(), config.connections(), events);
                if (!register(c)) {
                    c.close("MSRP connector stopped");
                    throw new IOException("MSRP connector stopped");
                }
                synchronized (lock) {
                    reusable.putIfAbsent(authority, c);
                }
                c.start();
                result.complete(c);
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public boolean link(SessionImpl session, MsrpConnection connection) {
        Set<SessionImpl> linked = links.get(connection);
        if (linked == null || !connection.isOpen()) {
            return false;
        }
        linked.add(session);
        return true;
    }

    @Override
    public void unlink(SessionImpl session, MsrpConnection connection) {
        Set<SessionImpl> linked = links.get(connection);
        if (linked != null && linked.remove(session) && linked.isEmpty()) {
            retire(connection);
        }
    }

    @Override
    public void releaseIfUnused(MsrpConnection connection) {
        Set<SessionImpl> linked = links.get(connection);
        if (linked != null && linked.isEmpty()) {
            retire(connection);
        }
    }

    @Override
    public void forget(SessionImpl session) {
        sessions.remove(session.id(), session);
    }

    /** Under the lock: no session uses the connection any more; it closes once its queue is written. */
    private void retire(MsrpConnection connection) {
        links.remove(connection);
        reusable.values().remove(connection);
        connection.closeWhenFlushed();
        timer.schedule(() -> connection.close("queue not written within " + LINGER_MILLIS + " ms"), LINGER_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Takes a new connection in, unless the stack has stopped: then the caller closes it. */
    private boolean register(MsrpConnection c) {
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            links.put(c, new HashSet<>());
            open.add(c);
            return true;
        }
    }

    private void accepted(Socket socket) {
        MsrpConnection c;
        try {
            c = MsrpConnection.accepted(socket, config.connections(), events);
        } catch (IOException e) {
            LOG.log(Level.FINE, "MSRP connection from " + socket.getRemoteSocketAddress() + " refused", e);
            return;
        }
        if (!register(c)) {
            c.close("MSRP connector stopped");
            return;
        }
        c.start();
        timer.schedule(() -> {
            synchronized (lock) {
                releaseIfUnused(c);
            }
        }, config.sessions().bindTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops listening, closes every session (their listeners told {@link CloseReason#STOPPED}) and connection. */
    @Override
    public void close() {
        synchronized (lock) {
            stopped = true;
        }
        if (acceptor != null) {
            acceptor.close();
        }
        for (SessionImpl s : new ArrayList<>(sessions.values())) {
            s.close(CloseReason.STOPPED);
        }
        for (MsrpConnection c : new ArrayList<>(open)) {
            c.close("MSRP connector stopped");
        }
        opener.shutdownNow();
        timer.shutdownNow();
    }

    /** What connections tell the stack. */
    private final class Events implements ConnectionEvents {

        @Override
        public FrameHandler handlerFor(MsrpConnection connection) {
            return new Dispatcher(MsrpStack.this, connection);
        }

        @Override
        public void closed(MsrpConnection connection, String reason) {
            List<SessionImpl> orphans;
            synchronized (lock) {
                open.remove(connection);
                Set<SessionImpl> linked = links.remove(connection);
                reusable.values().remove(connection);
                orphans = linked == null ? List.of() : new ArrayList<>(linked);
            }
            transactions.connectionClosed(connection);
            for (SessionImpl s : orphans) {
                s.close(CloseReason.CONNECTION_LOST);
            }
        }
    }
}
