package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpFanOut;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.api.SessionState;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.SuccessReport;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * The Controlling Function's one-to-many relay over real loopback connections: sender A, the fan-out at S (its
 * source leg towards A, one target leg per member), and a receiver stack per member as each member's PF would be.
 * Messages arrive byte for byte everywhere; the slowest member sets the pace within bounded queues; members that
 * fail, drop, come late or are removed leave the others unharmed; A hears of a failure only when every member has
 * failed; and closing releases every session and connection on every hop.
 */
class FanOutTest {

    static final long QUEUE = 64 * 1024;
    static final Payload LARGE = new Payload(3L * 1024 * 1024 + 5, 31);
    static final byte[] HELLO = Payload.text(5);

    /** A, S and the members' stacks, with the fan-out at S; members without a path yet are left to the test. */
    private static final class Group implements AutoCloseable {
        final List<EmbeddedMsrpStack> stacks = new ArrayList<>();
        final EmbeddedMsrpStack a;
        final EmbeddedMsrpStack s;
        final Recorder atA = new Recorder();
        final MsrpSession sa;
        final MsrpSession source;
        final List<MsrpSession> targets = new ArrayList<>();
        final List<Recorder> atTargets = new ArrayList<>();
        final List<EmbeddedMsrpStack> members = new ArrayList<>();
        final List<MsrpSession> memberSessions = new ArrayList<>();
        final List<Recorder> atMembers = new ArrayList<>();
        final MsrpFanOut fanOut;

        Group(int size, StackConfig config) throws Exception {
            this(size, config, config);
        }

        /** With {@code atS} for S alone, and the listeners of the first targets given. */
        Group(int size, StackConfig config, StackConfig atS, MsrpSessionListener... targetListeners)
                throws Exception {
            a = start(config);
            s = start(atS);
            sa = a.createSession(SessionOptions.of(atA));
            source = s.createSession(SessionOptions.of(new Recorder()));
            for (int i = 0; i < size; i++) {
                Recorder atTarget = new Recorder();
                atTargets.add(atTarget);
                MsrpSessionListener l = i < targetListeners.length ? targetListeners[i] : atTarget;
                targets.add(s.createSession(SessionOptions.of(l)));
                members.add(start(config));
                atMembers.add(new Recorder());
                memberSessions.add(members.get(i).createSession(SessionOptions.of(atMembers.get(i))));
            }
            fanOut = s.fanOut(source, targets);
            Hops.connect(sa, source, Opener.LEFT);
        }

        private EmbeddedMsrpStack start(StackConfig config) throws Exception {
            EmbeddedMsrpStack stack = EmbeddedMsrpStack.start(config);
            stacks.add(stack);
            return stack;
        }

        /** Member {@code i}'s hop negotiated, the target opening when the first chunk comes. */
        void answer(int i, Opener opener) {
            Hops.negotiate(targets.get(i), memberSessions.get(i), opener);
            memberSessions.get(i).connect();
        }

        void answerAll() {
            for (int i = 0; i < targets.size(); i++) {
                answer(i, Opener.LEFT);
            }
        }

        MsrpConnector[] all() {
            return stacks.toArray(new MsrpConnector[0]);
        }

        @Override
        public void close() {
            atMembers.forEach(r -> r.gate.countDown());
            stacks.forEach(EmbeddedMsrpStack::close);
        }
    }

    private static StackConfig config() {
        return StackConfig.builder().port(0).queueBytes(QUEUE).build();
    }

    /** Socket buffers small enough that the kernel does not absorb the back-pressure being shown. */
    private static StackConfig smallBuffers() {
        return StackConfig.builder().port(0).queueBytes(QUEUE).socketBufferBytes(8 * 1024).build();
    }

    private static DeliveryResult resultOf(MessageDelivery d) throws Exception {
        return d.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void aLargeMessageReachesEveryTargetByteForByte(int size) throws Exception {
        try (Group g = new Group(size, config())) {
            g.answerAll();
            MessageDelivery d = g.sa.send(OutgoingMessage.builder("application/octet-stream", LARGE.stream(),
                    LARGE.size).successReport(SuccessReport.YES).build());

            for (Recorder member : g.atMembers) {
                Recorder.Received got = Recorder.next(member.received);
                assertEquals(LARGE.size, got.size());
                assertEquals(LARGE.digest(), got.digest());
                assertEquals(d.messageId(), got.messageId());
            }
            assertTrue(resultOf(d).isSuccess());
            // One success REPORT upstream, however many members confirmed.
            assertTrue(Recorder.next(g.atA.reports).confirmsWholeMessage());
            assertNull(g.atA.reports.poll(300, TimeUnit.MILLISECONDS));
            assertEquals(size + 1, g.s.statistics().connections());
            assertTrue(g.s.statistics().peakQueuedBytes() <= QUEUE, g.s.statistics().toString());
            assertEquals(g.targets, g.fanOut.targets());

            g.sa.close();
            Hops.awaitNothingOpen(g.all());
            for (int i = 0; i < size; i++) {
                assertEquals(CloseReason.BRIDGE_CLOSED, Recorder.next(g.atTargets.get(i).closed));
                assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(g.atMembers.get(i).closed));
            }
        }
    }

    /**
     * The slowest member governs: while one member reads nothing, the others get no further than the queues allow.
     * Once that member has held a chunk unanswered, or kept its queue full, for the transaction timeout, it is
     * dropped, and only then do the others complete. Socket buffers are small so that the kernel does not absorb
     * what is being shown.
     */
    @Test
    void aMemberThatDoesNotReadIsDroppedAfterTheTransactionTimeoutAndOnlyThenTheOthersComplete() throws Exception {
        StackConfig config = smallBuffers();
        // Only S times out soon: A's chunks wait for S's answers meanwhile, and must not time out first.
        StackConfig atS = StackConfig.builder().port(0).queueBytes(QUEUE).socketBufferBytes(8 * 1024)
                .transactionTimeoutMillis(1500).build();
        BlockingQueue<Boolean> othersDoneAtDrop = new LinkedBlockingQueue<>();
        List<Recorder> atMembers = new ArrayList<>();
        BooleanSupplier othersDone = () -> !atMembers.get(0).received.isEmpty()
                || !atMembers.get(1).received.isEmpty();
        try (Group g = new Group(3, config, atS, new Recorder(), new Recorder(),
                new OnClose(othersDoneAtDrop, othersDone))) {
            atMembers.addAll(g.atMembers);
            g.atMembers.get(2).gate = new CountDownLatch(1);
            g.answerAll();
            BackgroundSend sender = new BackgroundSend(g.sa, LARGE);

            assertFalse(Recorder.next(othersDoneAtDrop), "the others completed before the stuck member was dropped");
            for (int i = 0; i < 2; i++) {
                assertEquals(LARGE.digest(), Recorder.next(g.atMembers.get(i).received).digest());
            }
            assertTrue(sender.result().isSuccess());
            assertEquals(g.targets.subList(0, 2), g.fanOut.targets());
            assertTrue(g.s.statistics().peakQueuedBytes() <= QUEUE, g.s.statistics().toString());
            assertTrue(g.atMembers.get(2).bytesIn() < LARGE.size);

            g.atMembers.get(2).gate.countDown();
            g.sa.close();
            Hops.awaitNothingOpen(g.all());
        }
    }

    @Test
    void aMemberDroppingMidTransferLeavesTheOthersToComplete() throws Exception {
        try (Group g = new Group(3, smallBuffers())) {
            g.atMembers.get(1).gate = new CountDownLatch(1);
            g.answerAll();
            BackgroundSend sender = new BackgroundSend(g.sa, LARGE);
            // Member 1 has begun the message, and holds it in its sink. Its leg has had the answer to its binding
            // SEND (otherwise dropping it now would be a failed connect, not a lost connection).
            Await.until("the transfer stalls at member 1", () -> !g.atMembers.get(1).sinks.isEmpty()
                    && g.atMembers.get(0).bytesIn() > 0 && g.targets.get(1).state() == SessionState.CONNECTED);

            g.members.get(1).close();
            for (int i : new int[] {0, 2}) {
                assertEquals(LARGE.digest(), Recorder.next(g.atMembers.get(i).received).digest());
            }
            assertTrue(sender.result().isSuccess());
            assertEquals(List.of(g.targets.get(0), g.targets.get(2)), g.fanOut.targets());
            // Its chunks in flight end with the connection (408, the target failed) or the session goes first.
            CloseReason dropped = Recorder.next(g.atTargets.get(1).closed);
            assertTrue(dropped == CloseReason.DELIVERY_FAILED || dropped == CloseReason.CONNECTION_LOST,
                    dropped.toString());

            g.sa.close();
            Hops.awaitNothingOpen(g.all());
        }
    }

    /**
     * Member 1's SIP answer comes only after the first chunks went to member 0: its chunks wait in its queue,
     * holding the sender back, and go out once its path is set, whichever end opens. Member 2's leg fails before it
     * gets a path, and the application removes it: its queued chunks are dropped and the others no longer wait.
     */
    @ParameterizedTest
    @EnumSource(Opener.class)
    void aMemberWhosePathComesLateGetsEverythingAndARemovedOneNoLongerHoldsTheOthers(Opener opener)
            throws Exception {
        Payload payload = new Payload(1024L * 1024 + 3, 37);
        try (Group g = new Group(3, smallBuffers())) {
            g.answer(0, Opener.LEFT);
            BackgroundSend sender = new BackgroundSend(g.sa, payload);
            Await.until("chunks at member 0 and waiting for members 1 and 2",
                    () -> g.atMembers.get(0).bytesIn() > 0 && g.targets.get(1).queuedBytes() > QUEUE / 2
                            && g.targets.get(2).queuedBytes() > QUEUE / 2);
            assertTrue(sender.thread.isAlive());

            g.fanOut.remove(g.targets.get(2));
            assertEquals(CloseReason.LOCAL, Recorder.next(g.atTargets.get(2).closed));
            g.answer(1, opener);
            for (int i = 0; i < 2; i++) {
                assertEquals(payload.digest(), Recorder.next(g.atMembers.get(i).received).digest());
            }
            assertTrue(sender.result().isSuccess());
            assertEquals(g.targets.subList(0, 2), g.fanOut.targets());
            assertTrue(g.s.statistics().peakQueuedBytes() <= QUEUE, g.s.statistics().toString());

            g.sa.close();
            g.memberSessions.get(2).close();
            Hops.awaitNothingOpen(g.all());
        }
    }

    @Test
    void aMemberRefusingIsDroppedAndTheSenderHearsOnlyOfTheOthersSuccess() throws Exception {
        try (Group g = new Group(2, config())) {
            g.atMembers.get(0).refuseWith = MsrpStatus.UNSUPPORTED_MEDIA_TYPE;
            g.answerAll();
            MessageDelivery d = g.sa.send(OutgoingMessage.builder("text/plain", new ByteArrayInputStream(HELLO),
                    HELLO.length).successReport(SuccessReport.YES).build());
            assertTrue(resultOf(d).isSuccess());
            assertTrue(Recorder.next(g.atA.reports).status().isSuccess());
            assertEquals(CloseReason.DELIVERY_FAILED, Recorder.next(g.atTargets.get(0).closed));
            assertEquals(List.of(g.targets.get(1)), g.fanOut.targets());
            assertNull(g.atA.reports.poll(300, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void everyMemberFailingTellsTheSenderAndClosesTheSource() throws Exception {
        try (Group g = new Group(3, config())) {
            g.atMembers.forEach(m -> m.refuseWith = MsrpStatus.UNSUPPORTED_MEDIA_TYPE);
            g.answerAll();
            MessageDelivery d = g.sa.send(OutgoingMessage.builder("text/plain", new ByteArrayInputStream(HELLO),
                    HELLO.length).successReport(SuccessReport.YES).build());
            assertEquals(415, resultOf(d).code());
            MsrpReport report = Recorder.next(g.atA.reports);
            assertEquals(d.messageId(), report.messageId());
            assertEquals(415, report.status().code());
            for (Recorder t : g.atTargets) {
                assertEquals(CloseReason.DELIVERY_FAILED, Recorder.next(t.closed));
            }
            assertTrue(g.fanOut.targets().isEmpty());
            assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(g.atA.closed));
            Hops.awaitNothingOpen(g.all());
        }
    }

    /** A target's listener that notes, when the target closes, whether the other members were done already. */
    private record OnClose(BlockingQueue<Boolean> othersDoneAtClose, BooleanSupplier othersDone)
            implements MsrpSessionListener {

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException {
            throw new MessageRefusedException(MsrpStatus.FORBIDDEN, "a fan-out target receives nothing");
        }

        @Override
        public void onClosed(MsrpSession session, CloseReason reason) {
            othersDoneAtClose.add(othersDone.getAsBoolean());
        }
    }
}
