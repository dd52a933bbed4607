package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.codec.SuccessReport;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * A message of several megabytes from A through two bridges (R1 and R2, each the two legs of a back-to-back user
 * agent, as PF and CF are in the CPM media path) to C, over real loopback connections, in the three ways the ZTE
 * link-establishment method has the hops opened: by the inviting side (with the bridges opening their next hop
 * only when the first SEND arrives), by the invited side, and by the clients towards the network with the middle
 * hop opened by R1. C gets it byte for byte; R2 passes 10 KiB chunks on in 4 KiB slices; A's Success-Report comes
 * back through both bridges. Then A ends the session, and every session and connection on every hop is released.
 */
class RelayChainTest {

    static final Payload PAYLOAD = new Payload(6L * 1024 * 1024 + 123, 7);
    static final long QUEUE = 256 * 1024;

    enum Variant {
        INVITING_SIDE_OPENS(Opener.LEFT, Opener.LEFT, Opener.LEFT),
        INVITED_SIDE_OPENS(Opener.RIGHT, Opener.RIGHT, Opener.RIGHT),
        CLIENTS_OPEN(Opener.LEFT, Opener.LEFT, Opener.RIGHT);

        final Opener first;
        final Opener middle;
        final Opener last;

        Variant(Opener first, Opener middle, Opener last) {
            this.first = first;
            this.middle = middle;
            this.last = last;
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aLargeMessageCrossesTwoBridgesByteForByte(Variant variant) throws Exception {
        try (EmbeddedMsrpStack a = EmbeddedMsrpStack.start();
                EmbeddedMsrpStack r1 = EmbeddedMsrpStack.start();
                EmbeddedMsrpStack r2 = EmbeddedMsrpStack.start(
                        StackConfig.builder().port(0).relaySliceBytes(4096).queueBytes(QUEUE).build());
                EmbeddedMsrpStack c = EmbeddedMsrpStack.start()) {
            Recorder atA = new Recorder();
            Recorder atC = new Recorder();
            Recorder legs = new Recorder();
            MsrpSession sa = a.createSession(SessionOptions.of(atA));
            MsrpSession r1in = r1.createSession(SessionOptions.of(legs));
            MsrpSession r1out = r1.createSession(SessionOptions.of(legs));
            MsrpSession r2in = r2.createSession(SessionOptions.of(legs));
            MsrpSession r2out = r2.createSession(SessionOptions.of(legs));
            MsrpSession sc = c.createSession(SessionOptions.of(atC));
            r1.bridge(r1in, r1out);
            r2.bridge(r2in, r2out);
            Hops.negotiate(sa, r1in, variant.first);
            Hops.negotiate(r1out, r2in, variant.middle);
            Hops.negotiate(r2out, sc, variant.last);
            for (MsrpSession s : new MsrpSession[] {sa, r1in, r2in, sc}) {
                s.connect();
            }
            if (variant != Variant.INVITING_SIDE_OPENS) {
                r1out.connect();
                r2out.connect();
            }
            sa.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);

            MessageDelivery delivery = sa.send(OutgoingMessage.builder("application/octet-stream",
                    PAYLOAD.stream(), PAYLOAD.size).successReport(SuccessReport.YES).build());

            Recorder.Received got = Recorder.next(atC.received);
            assertEquals(PAYLOAD.size, got.size());
            assertEquals(PAYLOAD.digest(), got.digest());
            assertEquals(delivery.messageId(), got.messageId());
            DeliveryResult result = delivery.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(result.isSuccess(), result.toString());
            MsrpReport report = Recorder.next(atA.reports);
            assertTrue(report.confirmsWholeMessage(), report.toString());
            assertEquals(1, a.statistics().connections());
            assertEquals(2, r1.statistics().connections());
            assertEquals(2, r2.statistics().connections());
            assertEquals(1, c.statistics().connections());
            assertTrue(r2.statistics().peakQueuedBytes() <= QUEUE, r2.statistics().toString());

            sa.close();
            Hops.awaitNothingOpen(a, r1, r2, c);
            assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(atC.closed));
        }
    }
}
