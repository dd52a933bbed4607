package org.opencpm.msrp.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionState;
import org.opencpm.msrp.chunk.Chunk;
import org.opencpm.msrp.chunk.ChunkSplitter;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.MsrpFrame;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.codec.SuccessReport;
import org.opencpm.msrp.connection.FrameCallback;
import org.opencpm.msrp.connection.MsrpConnection;
import org.opencpm.msrp.report.Replies;
import org.opencpm.msrp.report.ReportRules;

/**
 * A local MSRP session: its URI, its peer's path, the connection it is bound to, the data frames it has queued
 * (before binding they wait here, after binding they go to the connection), and what it does with the requests
 * that reach it ({@link InboundHandler}). State changes happen under the stack's lock; the application is called
 * outside it.
 */
public final class SessionImpl implements MsrpSession {

    private static final Logger LOG = Logger.getLogger(SessionImpl.class.getName());
    private static final ByteBuffer NO_BODY = ByteBuffer.allocate(0);

    /** A data frame waiting in the session until it is bound, addressed or not yet. */
    private sealed interface Queued permits Frame, Unaddressed {

        /** The budget it holds. */
        long budgeted();

        /** The frame as it goes out to a peer at {@code to}; the budget follows its encoded size. */
        Frame addressed(List<MsrpUri> to, SendBudget budget);
    }

    /** A data frame: its transaction (awaited when the handler is set) and the budget it holds. */
    private record Frame(String transactionId, byte[] bytes, ResponseHandler handler, long budgeted)
            implements Queued {

        @Override
        public Frame addressed(List<MsrpUri> to, SendBudget budget) {
            return this;
        }
    }

    /**
     * A SEND queued before the peer's path was known (a relay leg whose SIP answer has not come yet): its body kept
     * with head room in the budget, encoded once the path is known.
     */
    private record Unaddressed(Function<List<MsrpUri>, MsrpRequest> request, byte[] body, EndFlag flag,
            ResponseHandler handler, long budgeted) implements Queued {

        @Override
        public Frame addressed(List<MsrpUri> to, SendBudget budget) {
            MsrpRequest r = request.apply(to);
            byte[] bytes = Frames.encode(r, ByteBuffer.wrap(body), flag);
            budget.resize(budgeted, bytes.length);
            return new Frame(r.transactionId(), bytes, handler, bytes.length);
        }
    }

    private final String id;
    private final MsrpUri localUri;
    private final MsrpSessionListener listener;
    private final boolean reuseConnections;
    private final SessionHost host;
    private final Object lock;
    private final SendBudget budget;
    private final CompletableFuture<MsrpSession> connected = new CompletableFuture<>();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile InboundHandler inbound;
    private volatile MsrpConnection connection;

    // Guarded by lock.
    private SessionState state = SessionState.NEW;
    private List<MsrpUri> remotePath;
    private ConnectRole role;
    private boolean connectStarted;
    private final List<Queued> pending = new ArrayList<>();
    /** How often a relay leg whose other side closed looks whether it has written everything. */
    private static final long DRAIN_POLL_MILLIS = 20;
    private ScheduledFuture<?> bindTimer;
    private Runnable whenClosed;

    public SessionImpl(String id, MsrpUri localUri, MsrpSessionListener listener, boolean reuseConnections,
            SessionHost host) {
        this.id = Objects.requireNonNull(id, "id");
        this.localUri = Objects.requireNonNull(localUri, "localUri");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.reuseConnections = reuseConnections;
        this.host = host;
        this.lock = host.lock();
        this.budget = new SendBudget(host.limits().queueBytes(), host.peakQueued());
        this.inbound = new EndpointInbound(this, listener);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public MsrpUri localUri() {
        return localUri;
    }

    @Override
    public Optional<List<MsrpUri>> remotePath() {
        synchronized (lock) {
            return Optional.ofNullable(remotePath);
        }
    }

    @Override
    public SessionState state() {
        synchronized (lock) {
            return state;
        }
    }

    @Override
    public void setRemote(List<MsrpUri> path, ConnectRole connectRole) {
        Objects.requireNonNull(connectRole, "role");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty remote path");
        }
        boolean waiting;
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                throw new IllegalStateException("session " + id + " is closed");
            }
            // A peer that bound first has told its path already; SDP names the same endpoint.
            if (connection == null) {
                remotePath = List.copyOf(path);
            }
            role = connectRole;
            lock.notifyAll();
            // A relay leg that already holds chunks for its peer connects as soon as it knows where to.
            waiting = !pending.isEmpty() && !connectStarted;
        }
        if (waiting) {
            connect();
        }
    }

    @Override
    public CompletionStage<MsrpSession> connect() {
        MsrpUri target;
        synchronized (lock) {
            if (state == SessionState.CLOSED || connectStarted) {
                return connected;
            }
            if (remotePath == null || role == null) {
                throw new IllegalStateException("session " + id + " has no remote path yet");
            }
            connectStarted = true;
            cancelBindTimer();
            if (state == SessionState.NEW) {
                state = SessionState.CONNECTING;
            }
            if (connection != null) {
                return connected;
            }
            if (role == ConnectRole.PASSIVE) {
                bindTimer = host.timer().schedule(this::bindTimedOut, host.limits().bindTimeoutMillis(),
                        TimeUnit.MILLISECONDS);
                return connected;
            }
            target = remotePath.get(0);
        }
        host.connectionTo(target, reuseConnections).whenComplete(this::opened);
        return connected;
    }

    /** Connects if SDP was negotiated but nobody asked yet: a bridge does it when the first SEND comes. */
    public void connectIfNegotiated() {
        synchronized (lock) {
            if (connectStarted || remotePath == null || role == null || state == SessionState.CLOSED) {
                return;
            }
        }
        connect();
    }

    private void bindTimedOut() {
        LOG.fine(() -> "MSRP session " + id + ": not bound within " + host.limits().bindTimeoutMillis() + " ms");
        close(CloseReason.CONNECT_FAILED);
    }

    /** Under the lock. */
    private void cancelBindTimer() {
        if (bindTimer != null) {
            bindTimer.cancel(false);
            bindTimer = null;
        }
    }

    /** The active side's connection is open: bind the session with an empty SEND (RFC 4975 sec 5.4). */
    private void opened(MsrpConnection c, Throwable error) {
        if (error != null) {
            LOG.log(Level.FINE, "MSRP session " + id + " cannot connect", error);
            close(CloseReason.CONNECT_FAILED);
            return;
        }
        boolean linked;
        synchronized (lock) {
            if (state == SessionState.CLOSED || connection != null) {
                host.releaseIfUnused(c);
                return;
            }
            linked = host.link(this, c);
            if (linked) {
                connection = c;
                MsrpRequest bind = request(remotePath, host.ids().transactionId(), host.ids().messageId(),
                        new ByteRange(1, 0, 0));
                dispatch(c, new Frame(bind.transactionId(), Frames.encode(bind), this::bindAnswered, 0));
                flushPending(c);
            }
        }
        if (!linked) {
            close(CloseReason.CONNECT_FAILED);
        }
    }

    private void bindAnswered(int code, String comment) {
        if (MsrpStatus.isSuccess(code)) {
            markConnected();
        } else {
            LOG.fine(() -> "MSRP session " + id + ": binding SEND answered " + code + " " + comment);
            close(CloseReason.CONNECT_FAILED);
        }
    }

    /**
     * A request for this session arrived on {@code c}. The first one binds a session not yet bound (the passive
     * side's, or an active side's the peer reached first); later ones must come on the same connection.
     *
     * @return {@link MsrpStatus#OK}, or the status to answer the request with: 481 when the session is closed or
     *     the sender is not the peer SDP named, 506 when the session is bound to another connection
     */
    public MsrpStatus bind(MsrpConnection c, List<MsrpUri> fromPath) {
        if (connection == c) {
            return MsrpStatus.OK;
        }
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                return MsrpStatus.SESSION_DOES_NOT_EXIST;
            }
            if (connection != null) {
                return connection == c ? MsrpStatus.OK : MsrpStatus.SESSION_ON_OTHER_CONNECTION;
            }
            // RFC 4975: a request must come from the endpoint the session was negotiated with, else 481.
            if (remotePath != null && !last(remotePath).equals(last(fromPath))) {
                return MsrpStatus.SESSION_DOES_NOT_EXIST;
            }
            if (!host.link(this, c)) {
                return MsrpStatus.SESSION_DOES_NOT_EXIST;
            }
            connection = c;
            if (remotePath == null) {
                // The From-Path lists the hops back to the sender, nearest first: the To-Path of what goes back.
                remotePath = List.copyOf(fromPath);
                lock.notifyAll();
            }
            cancelBindTimer();
            flushPending(c);
        }
        markConnected();
        return MsrpStatus.OK;
    }

    private static MsrpUri last(List<MsrpUri> path) {
        return path.get(path.size() - 1);
    }

    private void markConnected() {
        synchronized (lock) {
            if (state == SessionState.CLOSED || state == SessionState.CONNECTED) {
                return;
            }
            state = SessionState.CONNECTED;
        }
        connected.complete(this);
        notifyListener(l -> l.onConnected(this));
    }

    @Override
    public MessageDelivery send(OutgoingMessage message) throws IOException, InterruptedException {
        if (state() == SessionState.CLOSED) {
            throw new IllegalStateException("session " + id + " is closed");
        }
        String messageId = message.messageId().orElseGet(host.ids()::messageId);
        Delivery delivery = new Delivery(messageId,
                message.successReport().orElse(SuccessReport.NO) == SuccessReport.YES);
        deliveries.put(messageId, delivery);
        delivery.result().whenComplete((r, e) -> deliveries.remove(messageId, delivery));
        List<MsrpUri> to = awaitRemotePath();
        if (to == null) {
            delivery.fail(DeliveryResult.timeout("session " + id + " has no peer"));
            return delivery;
        }
        ChunkSplitter splitter = new ChunkSplitter(message.source(), message.size(), host.limits().chunkSize(),
                message.alreadySent());
        long sent = message.alreadySent();
        try {
            Optional<Chunk> next;
            while (!delivery.isDone() && (next = splitter.next()).isPresent()) {
                Chunk chunk = next.get();
                MsrpRequest request = chunkRequest(message, to, messageId, chunk.range(), chunk.data());
                boolean awaited = ReportRules.awaitsResponse(request);
                if (awaited) {
                    delivery.awaiting();
                }
                if (!transmit(request.transactionId(), Frames.encode(request, chunk.data(), chunk.flag()),
                        awaited ? delivery::onResponse : null)) {
                    delivery.fail(DeliveryResult.timeout(isClosed() ? "session closed"
                            : "queue still full after " + host.limits().transactionTimeoutMillis() + " ms"));
                    break;
                }
                sent = chunk.range().end();
            }
        } catch (IOException e) {
            abortMessage(message, to, messageId, sent);
            delivery.fail(e);
            throw e;
        }
        delivery.allQueued();
        return delivery;
    }

    /** RFC 4975 sec 7.1: a message given up half-way ends with an empty chunk flagged {@code #}. */
    private void abortMessage(OutgoingMessage message, List<MsrpUri> to, String messageId, long sent)
            throws InterruptedException {
        if (sent == message.alreadySent()) {
            return;
        }
        ByteRange range = new ByteRange(sent + 1, sent, message.size() < 0 ? ByteRange.UNKNOWN : message.size());
        MsrpRequest request = chunkRequest(message, to, messageId, range, NO_BODY);
        transmit(request.transactionId(), Frames.encode(request, NO_BODY, EndFlag.ABORTED), null);
    }

    private MsrpRequest chunkRequest(OutgoingMessage message, List<MsrpUri> to, String messageId, ByteRange range,
            ByteBuffer body) {
        MsrpHeaders.Builder h = MsrpHeaders.builder().toPath(to).fromPath(localPath()).messageId(messageId)
                .byteRange(range);
        message.successReport().ifPresent(h::successReport);
        message.failureReport().ifPresent(h::failureReport);
        message.headers().forEach(x -> h.header(x.name(), x.value()));
        h.contentType(message.contentType());
        return new MsrpRequest(host.ids().transactionIdFor(body), MsrpRequest.SEND, h.build());
    }

    private MsrpRequest request(List<MsrpUri> to, String transactionId, String messageId, ByteRange range) {
        return new MsrpRequest(transactionId, MsrpRequest.SEND, MsrpHeaders.builder().toPath(to)
                .fromPath(localPath()).messageId(messageId).byteRange(range).build());
    }

    /**
     * Queues a data frame within the session's budget, waiting for room up to the transaction timeout; before the
     * session is bound the frame waits in the session.
     *
     * @param handler hears the response, or null when none is awaited
     * @return false if the budget stayed full that long or the session closed
     */
    public boolean transmit(String transactionId, byte[] frame, ResponseHandler handler)
            throws InterruptedException {
        return queue(new Frame(transactionId, frame, handler, frame.length));
    }

    /**
     * Queues a SEND to this session's peer, as {@link #transmit(String, byte[], ResponseHandler)} does, built by
     * {@code request} for the peer's path. A relay leg may get chunks before its peer's path is known (its SIP
     * answer has not come): the SEND then waits in the session with a copy of its body, against the budget, and is
     * addressed when the path comes (SDP, or the peer binding first). A session holding such chunks and not asked
     * to connect within the bind timeout closes ({@link CloseReason#CONNECT_FAILED}).
     */
    public boolean transmit(Function<List<MsrpUri>, MsrpRequest> request, ByteBuffer body, EndFlag flag,
            ResponseHandler handler) throws InterruptedException {
        List<MsrpUri> to = remotePath().orElse(null);
        if (to != null) {
            MsrpRequest r = request.apply(to);
            return transmit(r.transactionId(), Frames.encode(r, body, flag), handler);
        }
        byte[] copy = new byte[body.remaining()];
        body.get(copy);
        return queue(new Unaddressed(request, copy, flag, handler, copy.length + Frames.HEAD_ROOM));
    }

    private boolean queue(Queued q) throws InterruptedException {
        if (!budget.acquire(q.budgeted(), host.limits().transactionTimeoutMillis())) {
            return false;
        }
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                budget.release(q.budgeted());
                return false;
            }
            if (connection != null) {
                dispatch(connection, q.addressed(remotePath, budget));
                return true;
            }
            pending.add(q);
            if (!connectStarted && bindTimer == null) {
                bindTimer = host.timer().schedule(this::bindTimedOut, host.limits().bindTimeoutMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        return true;
    }

    /** Under the lock: the frames that waited go out, addressed to the peer's path known now. */
    private void flushPending(MsrpConnection c) {
        for (Queued q : pending) {
            dispatch(c, q.addressed(remotePath, budget));
        }
        pending.clear();
    }

    /** Under the lock: hands a frame to the connection, its transaction registered before it can be answered. */
    private void dispatch(MsrpConnection c, Frame f) {
        Transactions transactions = host.transactions();
        if (f.handler() != null) {
            outstanding.incrementAndGet();
            transactions.expect(f.transactionId(), this, c, (code, comment) -> {
                outstanding.decrementAndGet();
                f.handler().onResponse(code, comment);
            });
        }
        boolean queued = c.sendData(f.bytes(), new FrameCallback() {
            @Override
            public void written() {
                budget.release(f.budgeted());
                if (f.handler() != null) {
                    transactions.started(f.transactionId());
                }
            }

            @Override
            public void dropped() {
                budget.release(f.budgeted());
            }
        });
        if (!queued) {
            // The connection is closing: closing it closes this session, which forgets the transaction.
            budget.release(f.budgeted());
        }
    }

    /** Sends a response or REPORT on the session's connection, ahead of its data; dropped when not bound. */
    public void sendControl(MsrpFrame frame) {
        MsrpConnection c = connection;
        if (c != null) {
            c.sendControl(Frames.encode(frame));
        }
    }

    /** Answers {@code request} with {@code code}, if its Failure-Report asks for that (RFC 4975 sec 7.2). */
    public void respond(MsrpRequest request, int code, String comment) {
        if (ReportRules.answers(request, code)) {
            sendControl(Replies.response(request, code, comment));
        }
    }

    public void respond(MsrpRequest request, MsrpStatus status) {
        respond(request, status.code(), status.reason());
    }

    /**
     * The peer's path, waiting until it is known (SDP told it, or the peer bound) for at most the bind timeout.
     *
     * @return null if the session closed or the time ran out first
     */
    public List<MsrpUri> awaitRemotePath() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(host.limits().bindTimeoutMillis());
        synchronized (lock) {
            while (remotePath == null && state != SessionState.CLOSED) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return null;
                }
                lock.wait(left);
            }
            return state == SessionState.CLOSED ? null : remotePath;
        }
    }

    /** A REPORT on a message this session sent: its delivery and the listener hear it. */
    void reported(MsrpReport report) {
        Delivery d = deliveries.get(report.messageId());
        if (d != null) {
            d.onReport(report);
        }
        notifyListener(l -> l.onReport(this, report));
    }

    /** What handles the requests reaching this session. */
    public InboundHandler inbound() {
        return inbound;
    }

    /**
     * Makes this session a leg of a relay (a bridge): the requests reaching it go to {@code handler}, and
     * {@code whenClosed} runs once it has closed, so that the other legs follow.
     *
     * @throws IllegalStateException if the session is closed or a leg already
     */
    public void join(InboundHandler handler, Runnable whenClosed) {
        synchronized (lock) {
            if (state == SessionState.CLOSED || this.whenClosed != null) {
                throw new IllegalStateException("session " + id + " is closed or a leg already");
            }
            this.whenClosed = Objects.requireNonNull(whenClosed, "whenClosed");
            inbound = handler;
        }
    }

    /** Whether the session is a leg of a relay. */
    public boolean isJoined() {
        synchronized (lock) {
            return whenClosed != null;
        }
    }

    /** Transactions of this session awaiting their response. */
    public int outstanding() {
        return outstanding.get();
    }

    public SessionHost host() {
        return host;
    }

    @Override
    public long queuedBytes() {
        return budget.queued();
    }

    @Override
    public boolean idle() {
        synchronized (lock) {
            if (!pending.isEmpty()) {
                return false;
            }
        }
        return budget.queued() == 0 && outstanding.get() == 0;
    }

    /**
     * Closes this relay leg once what the other leg handed it has been written and answered, or after the bind
     * timeout: a message that arrived whole before the other leg closed still leaves whole, hop after hop (a sender
     * closes right after its last chunk).
     */
    public void closeWhenDrained(CloseReason reason) {
        closeWhenDrainedBy(reason, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(host.limits().bindTimeoutMillis()));
    }

    private void closeWhenDrainedBy(CloseReason reason, long deadline) {
        if (isClosed()) {
            return;
        }
        if (idle() || System.nanoTime() > deadline || remotePath().isEmpty()) {
            close(reason);
            return;
        }
        try {
            host.timer().schedule(() -> closeWhenDrainedBy(reason, deadline), DRAIN_POLL_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close(reason); // the stack is stopping
        }
    }

    public boolean isClosed() {
        return state() == SessionState.CLOSED;
    }

    @Override
    public void close() {
        close(CloseReason.LOCAL);
    }

    /**
     * Closes the session: frames still queued in it are dropped, its transactions forgotten, its connection left
     * (and closed if no session uses it any more), deliveries failed, messages being received aborted, the
     * listener told, and the relay it is a leg of told in turn. Idempotent.
     */
    public void close(CloseReason reason) {
        List<Queued> dropped;
        Runnable legClosed;
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                return;
            }
            state = SessionState.CLOSED;
            MsrpConnection c = connection;
            connection = null;
            if (c != null) {
                host.unlink(this, c);
            }
            host.forget(this);
            cancelBindTimer();
            dropped = new ArrayList<>(pending);
            pending.clear();
            legClosed = whenClosed;
            lock.notifyAll();
        }
        dropped.forEach(f -> budget.release(f.budgeted()));
        budget.close();
        host.transactions().forget(this);
        deliveries.values().forEach(d -> d.fail(DeliveryResult.timeout("session closed: " + reason)));
        inbound.closed();
        connected.completeExceptionally(new IllegalStateException("MSRP session " + id + " closed: " + reason));
        notifyListener(l -> l.onClosed(this, reason));
        if (legClosed != null) {
            legClosed.run();
        }
    }

    /** Calls the listener; what it throws is logged and goes no further, to keep the connection's reader alive. */
    void notifyListener(Consumer<MsrpSessionListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "MSRP session " + id + ": listener failed", e);
        }
    }

    @Override
    public String toString() {
        return "MSRP session " + localUri;
    }
}
