package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.FailureReport;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.SuccessReport;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * Success-Report and Failure-Report as they play out between real peers (RFC 4975 sec 7.1.1 to 7.1.4): what the
 * sender waits for, what the receiver sends back, and what a bridge turns a failure further on into.
 */
class ReportsTest {

    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.UTF_8);

    private static DeliveryResult resultOf(MessageDelivery d) throws Exception {
        return d.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void successReportYesBringsAReportOnTheWholeMessage() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(); EmbeddedMsrpStack y = EmbeddedMsrpStack.start()) {
            Recorder atX = new Recorder();
            MsrpSession sx = x.createSession(SessionOptions.of(atX));
            Hops.connect(sx, y.createSession(SessionOptions.of(new Recorder())), Opener.LEFT);
            MessageDelivery d = sx.send(OutgoingMessage.builder("text/plain", new ByteArrayInputStream(HELLO),
                    HELLO.length).successReport(SuccessReport.YES).build());
            assertEquals(DeliveryResult.ok("success REPORT received"), resultOf(d));
            MsrpReport report = Recorder.next(atX.reports);
            assertEquals(d.messageId(), report.messageId());
            assertEquals(ByteRange.whole(5), report.range());
            assertTrue(report.status().isSuccess());
        }
    }

    @Test
    void failureReportNoAwaitsNoResponseAndGetsNone() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(
                StackConfig.builder().port(0).transactionTimeoutMillis(300).build());
                ServerSocket server = new ServerSocket(0)) {
            MsrpSession sx = x.createSession(SessionOptions.of(new Recorder()));
            try (RawPeer peer = RawPeer.serving(server, sx)) {
                MessageDelivery d = sx.send(OutgoingMessage.builder("text/plain",
                        new ByteArrayInputStream(HELLO), HELLO.length).failureReport(FailureReport.NO).build());
                MsrpRequest send = peer.nextRequest();
                assertEquals(FailureReport.NO, send.headers().failureReport());
                assertTrue(resultOf(d).isSuccess());
                assertEquals(0, x.stack().transactions().size());
                // Well past the transaction timeout: nothing was awaited, so nothing timed out.
                assertNull(peer.frames.poll(600, TimeUnit.MILLISECONDS));
                assertEquals(1, x.statistics().sessions());
            }
        }
    }

    @Test
    void noResponseInTimeIs408() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(
                StackConfig.builder().port(0).transactionTimeoutMillis(300).build());
                ServerSocket server = new ServerSocket(0)) {
            MsrpSession sx = x.createSession(SessionOptions.of(new Recorder()));
            try (RawPeer peer = RawPeer.serving(server, sx)) {
                MessageDelivery d = sx.send(OutgoingMessage.of("text/plain", HELLO));
                assertEquals(MsrpStatus.REQUEST_TIMEOUT.code(), resultOf(d).code());
            }
        }
    }

    @Test
    void aRefusalBeyondABridgeComesBackAsAFailureReport() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(); EmbeddedMsrpStack r = EmbeddedMsrpStack.start();
                EmbeddedMsrpStack y = EmbeddedMsrpStack.start()) {
            Recorder atX = new Recorder();
            Recorder atY = new Recorder();
            atY.refuseWith = MsrpStatus.UNSUPPORTED_MEDIA_TYPE;
            MsrpSession sx = x.createSession(SessionOptions.of(atX));
            MsrpSession in = r.createSession(SessionOptions.of(new Recorder()));
            MsrpSession out = r.createSession(SessionOptions.of(new Recorder()));
            r.bridge(in, out);
            Hops.connect(sx, in, Opener.LEFT);
            Hops.connect(out, y.createSession(SessionOptions.of(atY)), Opener.LEFT);
            // The bridge accepted the chunk (200, hop by hop): without Success-Report that is all the delivery
            // waits for, and the failure further on reaches the listener as a REPORT.
            MessageDelivery d = sx.send(OutgoingMessage.of("application/x-unwanted", HELLO));
            assertTrue(resultOf(d).isSuccess());
            MsrpReport report = Recorder.next(atX.reports);
            assertEquals(d.messageId(), report.messageId());
            assertEquals(415, report.status().code());
            // With Success-Report the delivery waits for the verdict of the far end.
            MessageDelivery reported = sx.send(OutgoingMessage.builder("application/x-unwanted",
                    new ByteArrayInputStream(HELLO), HELLO.length).successReport(SuccessReport.YES).build());
            assertEquals(415, resultOf(reported).code());
        }
    }

    @Test
    void silenceBeyondABridgeComesBackAsA408FailureReport() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start();
                EmbeddedMsrpStack r = EmbeddedMsrpStack.start(
                        StackConfig.builder().port(0).transactionTimeoutMillis(300).build());
                ServerSocket server = new ServerSocket(0)) {
            MsrpSession sx = x.createSession(SessionOptions.of(new Recorder()));
            MsrpSession in = r.createSession(SessionOptions.of(new Recorder()));
            MsrpSession out = r.createSession(SessionOptions.of(new Recorder()));
            r.bridge(in, out);
            Hops.connect(sx, in, Opener.LEFT);
            try (RawPeer peer = RawPeer.serving(server, out)) {
                MessageDelivery d = sx.send(OutgoingMessage.builder("text/plain", new ByteArrayInputStream(HELLO),
                        HELLO.length).successReport(SuccessReport.YES).build());
                assertEquals(MsrpRequest.SEND, peer.nextRequest().method());
                assertEquals(MsrpStatus.REQUEST_TIMEOUT.code(), resultOf(d).code());
            }
        }
    }
}
