package org.opencpm.msrp.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.MsrpFanOut;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.ReportStatus;
import org.opencpm.msrp.session.BodyTarget;
import org.opencpm.msrp.session.InboundHandler;
import org.opencpm.msrp.session.SessionImpl;

/**
 * One session's incoming messages copied to several: the Controlling Function passing a large message on to the
 * Participating Function of every group member (OMA CPM SD 5.2.2.1.5). Every chunk goes out on every target still
 * in the fan-out, as a bridge passes it (Message-ID, Byte-Range, report and content headers kept, paths those of
 * the target), and is answered 200 once it is queued on all of them: the slowest target governs the pace, and
 * memory is one slice plus each target's queue.
 *
 * <p>A target that fails (refuses a chunk, leaves it unanswered past the transaction timeout, reports the message
 * failed, has too many chunks awaiting a response, closes, or is removed) leaves the fan-out and the others go on.
 * The source hears of a failure only when no target is left: the last failure goes upstream as a failure REPORT
 * (as the chunk's Failure-Report asks), and the source closes. Of the success REPORTs the targets send back, the
 * first per message goes upstream: the message has arrived whole at one member at least. Targets only receive; a
 * SEND from one is answered 403.
 */
final class FanOut implements MsrpFanOut, Outlet {

    private static final Logger LOG = Logger.getLogger(FanOut.class.getName());
    /** Messages whose first success REPORT went upstream, remembered so that the others are not passed too. */
    private static final int CONFIRMED_IDS = 256;

    private final SessionImpl source;
    private final Leg upstream;
    private final RelayInbound inbound;
    // Guarded by this.
    private final List<Leg> live = new ArrayList<>();
    private final Map<String, Boolean> confirmed = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CONFIRMED_IDS;
        }
    };
    private boolean over;

    private FanOut(SessionImpl source) {
        this.source = source;
        this.upstream = new Leg(source);
        this.inbound = new RelayInbound(source, this, null);
    }

    /** Under the stack's lock, legs checked free by the caller. */
    static FanOut join(SessionImpl source, List<SessionImpl> targets) {
        FanOut fanOut = new FanOut(source);
        for (SessionImpl t : targets) {
            fanOut.live.add(new Leg(t));
        }
        source.join(fanOut.inbound, fanOut::sourceClosed);
        for (Leg t : fanOut.live) {
            t.session().join(fanOut.new TargetInbound(t), () -> fanOut.drop(t, null,
                    () -> fanOut.inbound.failAll(MsrpStatus.REQUEST_TIMEOUT.code(), "every target closed")));
        }
        return fanOut;
    }

    @Override
    public MsrpSession source() {
        return source;
    }

    @Override
    public List<MsrpSession> targets() {
        return snapshot().stream().<MsrpSession>map(Leg::session).toList();
    }

    @Override
    public void remove(MsrpSession target) {
        for (Leg t : snapshot()) {
            if (t.session() == target) {
                drop(t, CloseReason.LOCAL,
                        () -> inbound.failAll(MsrpStatus.REQUEST_TIMEOUT.code(), "every target removed"));
            }
        }
    }

    private synchronized List<Leg> snapshot() {
        return List.copyOf(live);
    }

    // Outlet: called on the source's reader thread.

    @Override
    public void connectLegs() {
        snapshot().forEach(Leg::connectIfNegotiated);
    }

    @Override
    public boolean admits() {
        for (Leg t : snapshot()) {
            if (t.full()) {
                String why = "more than " + source.host().limits().maxOutstanding() + " chunks awaiting a response";
                drop(t, CloseReason.DELIVERY_FAILED,
                        () -> inbound.failAll(MsrpStatus.MESSAGE_TOO_LARGE.code(), why));
            }
        }
        return !snapshot().isEmpty();
    }

    @Override
    public boolean pass(Slice slice) throws InterruptedException {
        List<Leg> targets = snapshot();
        if (targets.isEmpty()) {
            slice.fail(MsrpStatus.REQUEST_TIMEOUT.code(), "no target left");
            return false;
        }
        boolean taken = false;
        for (Leg t : targets) {
            if (t.send(slice, (code, comment) -> {
                if (!MsrpStatus.isSuccess(code)) {
                    failed(t, slice, code, comment);
                }
            })) {
                taken = true;
            } else {
                failed(t, slice, MsrpStatus.REQUEST_TIMEOUT.code(), "target does not take the message");
            }
        }
        return taken;
    }

    /** REPORTs on the source concern messages sent towards it, which a fan-out never does. */
    @Override
    public void report(MsrpRequest report) {
        LOG.fine(() -> source + ": REPORT on the source of a fan-out dropped");
    }

    private void failed(Leg target, Slice slice, int code, String comment) {
        drop(target, CloseReason.DELIVERY_FAILED, () -> {
            slice.fail(code, comment);
            inbound.failAll(code, comment);
        });
    }

    /** A REPORT from a target's peer: the first success per message goes upstream, a failure drops the target. */
    private void reported(Leg target, MsrpRequest report) {
        ReportStatus status = report.headers().status().orElse(null);
        String id = report.headers().messageId().orElse(null);
        if (status == null || id == null) {
            return;
        }
        if (status.isSuccess()) {
            if (firstConfirmation(id)) {
                upstream.report(report);
            }
            return;
        }
        drop(target, CloseReason.DELIVERY_FAILED, () -> {
            inbound.refuse(id);
            upstream.report(report);
            inbound.failAll(status.code(), status.reason());
        });
    }

    private synchronized boolean firstConfirmation(String messageId) {
        return confirmed.put(messageId, Boolean.TRUE) == null;
    }

    /**
     * Takes a target out. When it was the last, the source hears {@code lastWords} and closes.
     *
     * @param closeWith how the target closes, null when it has closed already
     */
    private void drop(Leg target, CloseReason closeWith, Runnable lastWords) {
        boolean last;
        synchronized (this) {
            if (!live.remove(target)) {
                return;
            }
            last = live.isEmpty() && !over;
            over |= last;
        }
        LOG.fine(() -> source + ": fan-out target " + target + " dropped" + (last ? ", none left" : ""));
        if (closeWith != null) {
            target.session().close(closeWith);
        }
        if (last) {
            lastWords.run();
            source.close(CloseReason.BRIDGE_CLOSED);
        }
    }

    private void sourceClosed() {
        List<Leg> left;
        synchronized (this) {
            over = true;
            left = List.copyOf(live);
            live.clear();
        }
        // What the source passed on before it closed still reaches each target whole.
        left.forEach(t -> t.session().closeWhenDrained(CloseReason.BRIDGE_CLOSED));
    }

    /** What reaches a target: REPORTs on what the fan-out sent it; a SEND is refused, a target only receives. */
    private final class TargetInbound implements InboundHandler {
        private final Leg target;

        TargetInbound(Leg target) {
            this.target = target;
        }

        @Override
        public BodyTarget send(MsrpRequest request) {
            target.session().respond(request, MsrpStatus.FORBIDDEN.code(), "a fan-out target only receives");
            return BodyTarget.DISCARD;
        }

        @Override
        public void report(MsrpRequest request) {
            reported(target, request);
        }

        @Override
        public void closed() {
        }
    }
}
