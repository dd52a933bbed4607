package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * A receiver that does not read holds the sender back through a bridge, and the bridge's memory stays within its
 * queue bound all along. Socket buffers are kept small so that the kernel does not absorb what is being shown:
 * the message is many times larger than every buffer and queue on the way put together, so while the receiver
 * reads nothing the sender cannot have finished.
 */
class BackPressureTest {

    static final long QUEUE = 64 * 1024;
    static final Payload PAYLOAD = new Payload(8L * 1024 * 1024, 11);

    private static StackConfig small() {
        return StackConfig.builder().port(0).socketBufferBytes(8 * 1024).queueBytes(QUEUE).build();
    }

    @Test
    void aReceiverThatDoesNotReadHoldsTheSenderBackThroughTheBridge() throws Exception {
        try (EmbeddedMsrpStack a = EmbeddedMsrpStack.start(small()); EmbeddedMsrpStack r = EmbeddedMsrpStack.start(small());
                EmbeddedMsrpStack c = EmbeddedMsrpStack.start(small())) {
            Recorder atC = new Recorder();
            CountDownLatch receiverReads = new CountDownLatch(1);
            atC.gate = receiverReads;
            MsrpSession sa = a.createSession(SessionOptions.of(new Recorder()));
            MsrpSession in = r.createSession(SessionOptions.of(new Recorder()));
            MsrpSession out = r.createSession(SessionOptions.of(new Recorder()));
            r.bridge(in, out);
            Hops.connect(sa, in, Opener.LEFT);
            Hops.connect(out, c.createSession(SessionOptions.of(atC)), Opener.LEFT);

            BackgroundSend sender = new BackgroundSend(sa, PAYLOAD);

            // The bridge's outgoing leg fills up to its bound, and stays there.
            Await.until(() -> "bridge queue full: " + out.queuedBytes(),
                    () -> out.queuedBytes() > QUEUE - 16 * 1024);
            Await.until(() -> "sender queue full: " + sa.queuedBytes(), () -> sa.queuedBytes() > QUEUE - 16 * 1024);
            assertTrue(sender.thread.isAlive(), "the sender finished although nothing was read");
            assertEquals(0, atC.bytesIn());
            assertTrue(r.statistics().peakQueuedBytes() <= QUEUE, r.statistics().toString());
            assertTrue(a.statistics().peakQueuedBytes() <= QUEUE, a.statistics().toString());

            receiverReads.countDown();
            Recorder.Received got = Recorder.next(atC.received);
            assertEquals(PAYLOAD.digest(), got.digest());
            assertTrue(sender.result().isSuccess());
            assertTrue(r.statistics().peakQueuedBytes() <= QUEUE, r.statistics().toString());
        }
    }
}
