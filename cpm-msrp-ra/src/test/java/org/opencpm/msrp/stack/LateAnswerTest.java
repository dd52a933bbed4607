package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.codec.SuccessReport;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * A bridge whose outgoing leg gets chunks before its SIP answer has come, so before its peer's path is known: the
 * chunks wait in the leg, within its queue bound and holding the sender back, and go out once the path is set,
 * the leg connecting then as negotiated (either end opening). A leg whose path never comes closes after the bind
 * timeout and takes the bridge with it.
 */
class LateAnswerTest {

    static final long QUEUE = 64 * 1024;
    static final Payload PAYLOAD = new Payload(1024L * 1024 + 17, 21);
    static final byte[] TEXT = Payload.text(4096);

    @ParameterizedTest
    @EnumSource(Opener.class)
    void chunksWaitForTheNextHopsPathThenGoOut(Opener opener) throws Exception {
        try (EmbeddedMsrpStack a = EmbeddedMsrpStack.start();
                EmbeddedMsrpStack r = EmbeddedMsrpStack.start(StackConfig.builder().port(0).queueBytes(QUEUE).build());
                EmbeddedMsrpStack c = EmbeddedMsrpStack.start()) {
            Recorder atC = new Recorder();
            MsrpSession sa = a.createSession(SessionOptions.of(new Recorder()));
            MsrpSession in = r.createSession(SessionOptions.of(new Recorder()));
            MsrpSession out = r.createSession(SessionOptions.of(new Recorder()));
            MsrpSession sc = c.createSession(SessionOptions.of(atC));
            r.bridge(in, out);
            Hops.connect(sa, in, Opener.LEFT);

            BackgroundSend sender = new BackgroundSend(sa, PAYLOAD);
            // The leg holds what it may without a peer, and the sender waits.
            Await.until(() -> "leg queue full: " + out.queuedBytes(), () -> out.queuedBytes() > QUEUE - 16 * 1024);
            assertTrue(sender.thread.isAlive());
            assertTrue(out.remotePath().isEmpty());
            assertTrue(r.statistics().peakQueuedBytes() <= QUEUE, r.statistics().toString());

            Hops.negotiate(out, sc, opener);
            if (opener == Opener.RIGHT) {
                sc.connect();
            }
            Recorder.Received got = Recorder.next(atC.received);
            assertEquals(PAYLOAD.digest(), got.digest());
            assertTrue(sender.result().isSuccess());
            assertTrue(r.statistics().peakQueuedBytes() <= QUEUE, r.statistics().toString());

            sa.close();
            Hops.awaitNothingOpen(a, r, c);
        }
    }

    @Test
    void aLegWhosePathNeverComesClosesAndTheBridgeWithIt() throws Exception {
        try (EmbeddedMsrpStack a = EmbeddedMsrpStack.start();
                EmbeddedMsrpStack r = EmbeddedMsrpStack.start(StackConfig.builder().port(0).bindTimeoutMillis(500)
                        .build())) {
            Recorder atA = new Recorder();
            Recorder atOut = new Recorder();
            MsrpSession sa = a.createSession(SessionOptions.of(atA));
            MsrpSession in = r.createSession(SessionOptions.of(new Recorder()));
            MsrpSession out = r.createSession(SessionOptions.of(atOut));
            r.bridge(in, out);
            Hops.connect(sa, in, Opener.LEFT);

            // Accepted hop by hop and queued in the leg; only the success REPORT would say it arrived.
            MessageDelivery d = sa.send(OutgoingMessage.builder("text/plain", new ByteArrayInputStream(TEXT),
                    TEXT.length).successReport(SuccessReport.YES).build());
            assertEquals(CloseReason.CONNECT_FAILED, Recorder.next(atOut.closed));
            assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(atA.closed));
            DeliveryResult result = d.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertFalse(result.isSuccess(), result.toString());
            Hops.awaitNothingOpen(a, r);
        }
    }
}
