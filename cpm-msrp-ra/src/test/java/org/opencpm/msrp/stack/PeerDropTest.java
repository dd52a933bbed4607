package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * A peer that goes away in the middle of a transfer across A, two bridges and C: every session and connection on
 * every remaining hop is released, hop after hop, each listener told, and the message reported aborted at the
 * receiver or failed at the sender.
 */
class PeerDropTest {

    static final Payload PAYLOAD = new Payload(8L * 1024 * 1024, 13);

    /** The chain A - R1 - R2 - C with the transfer stalled half-way: C's sink does not return until released. */
    private static final class Chain implements AutoCloseable {
        final EmbeddedMsrpStack a = EmbeddedMsrpStack.start(small());
        final EmbeddedMsrpStack r1 = EmbeddedMsrpStack.start(small());
        final EmbeddedMsrpStack r2 = EmbeddedMsrpStack.start(small());
        final EmbeddedMsrpStack c = EmbeddedMsrpStack.start(small());
        final Recorder atA = new Recorder();
        final Recorder atC = new Recorder();
        final CountDownLatch receiverReads = new CountDownLatch(1);
        final BackgroundSend sender;
        final MsrpSession sa;

        Chain() throws Exception {
            atC.gate = receiverReads;
            sa = a.createSession(SessionOptions.of(atA));
            MsrpSession r1in = r1.createSession(SessionOptions.of(new Recorder()));
            MsrpSession r1out = r1.createSession(SessionOptions.of(new Recorder()));
            MsrpSession r2in = r2.createSession(SessionOptions.of(new Recorder()));
            MsrpSession r2out = r2.createSession(SessionOptions.of(new Recorder()));
            r1.bridge(r1in, r1out);
            r2.bridge(r2in, r2out);
            Hops.connect(sa, r1in, Opener.LEFT);
            Hops.connect(r1out, r2in, Opener.RIGHT);
            Hops.connect(r2out, c.createSession(SessionOptions.of(atC)), Opener.LEFT);
            sender = new BackgroundSend(sa, PAYLOAD);
            Await.until("the transfer stalls at C", () -> r2out.queuedBytes() > 0 && sa.queuedBytes() > 0);
        }

        private static StackConfig small() {
            return StackConfig.builder().port(0).socketBufferBytes(8 * 1024).queueBytes(64 * 1024).build();
        }

        @Override
        public void close() {
            receiverReads.countDown();
            for (EmbeddedMsrpStack s : new EmbeddedMsrpStack[] {a, r1, r2, c}) {
                s.close();
            }
        }
    }

    @Test
    void theSenderDroppingReleasesEveryHop() throws Exception {
        try (Chain chain = new Chain()) {
            chain.a.close();
            chain.receiverReads.countDown();
            Hops.awaitNothingOpen(chain.a, chain.r1, chain.r2, chain.c);
            assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(chain.atC.closed));
            assertTrue(Recorder.next(chain.atC.aborted) < PAYLOAD.size);
            assertTrue(chain.atC.received.isEmpty());
            assertFalse(chain.sender.result().isSuccess());
        }
    }

    @Test
    void theReceiverDroppingReleasesEveryHopBackToTheSender() throws Exception {
        try (Chain chain = new Chain()) {
            chain.c.close();
            Hops.awaitNothingOpen(chain.a, chain.r1, chain.r2, chain.c);
            assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(chain.atA.closed));
            // 413 if R1 refused the next chunk before its leg closed, 408 if the session closed first.
            DeliveryResult result = chain.sender.result();
            assertFalse(result.isSuccess(), result.toString());
        }
    }
}
