package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.codec.MsrpResponse;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.MsrpUri;

/**
 * What the connector answers to a peer that errs, over a real connection: every refusal with the status RFC 4975
 * gives it, the connection going on afterwards, and a stream that cannot be read any more closed.
 */
class ProtocolErrorsTest {

    private EmbeddedMsrpStack stack;
    private Recorder recorder;
    private MsrpSession session;
    private RawPeer peer;

    @BeforeEach
    void bindARawPeer() throws Exception {
        stack = EmbeddedMsrpStack.start(StackConfig.builder().port(0).maxMessagesInProgress(4).build());
        recorder = new Recorder();
        session = stack.createSession(SessionOptions.of(recorder));
        peer = RawPeer.connect(stack.port());
        session.setRemote(List.of(peer.uri), ConnectRole.PASSIVE);
        session.connect();
        peer.sendEmpty("bind0001", session.localUri(), "Byte-Range: 1-0/0\n");
        assertResponse("bind0001", 200);
    }

    @AfterEach
    void stop() throws Exception {
        peer.close();
        stack.close();
    }

    private void assertResponse(String transactionId, int code) throws InterruptedException {
        MsrpResponse r = peer.nextResponse();
        assertEquals(transactionId, r.transactionId());
        assertEquals(code, r.code(), r.startLine());
        assertEquals(List.of(peer.uri), r.headers().toPath());
    }

    private MsrpUri unknownSession() {
        return MsrpUri.of(false, "127.0.0.1", stack.port(), "nosuchsession1");
    }

    @Test
    void aSessionNotKnownHereIs481() throws Exception {
        peer.sendText("t0000001", unknownSession(), "mid1", "", "Hello", '$');
        assertResponse("t0000001", 481);
    }

    @Test
    void aMalformedHeaderIs400AndTheConnectionGoesOn() throws Exception {
        peer.sendText("t0000002", session.localUri(), "mid2", "Byte-Range: one-5/5\n", "Hello", '$');
        assertResponse("t0000002", 400);
        peer.sendText("t0000003", session.localUri(), "mid3", "Byte-Range: 1-5/5\n", "Hello", '$');
        assertResponse("t0000003", 200);
        assertEquals(5, Recorder.next(recorder.received).size());
    }

    @Test
    void anAbsurdByteRangeIs413() throws Exception {
        peer.sendText("t0000004", session.localUri(), "mid4", "Byte-Range: 1-*/999999999999999\n", "Hello", '+');
        assertResponse("t0000004", 413);
    }

    @Test
    void anUnknownMethodIs501() throws Exception {
        peer.send("MSRP t0000005 FROBNICATE\nTo-Path: " + session.localUri() + "\nFrom-Path: " + peer.uri
                + "\n-------t0000005$\n");
        assertResponse("t0000005", 501);
    }

    @Test
    void aContentTypeTheListenerRefusesIs415() throws Exception {
        recorder.refuseWith = MsrpStatus.UNSUPPORTED_MEDIA_TYPE;
        peer.sendText("t0000006", session.localUri(), "mid6", "", "Hello", '$');
        assertResponse("t0000006", 415);
    }

    @Test
    void failureReportNoGetsNoResponseAtAll() throws Exception {
        peer.sendText("t0000007", unknownSession(), "mid7", "Failure-Report: no\n", "Hello", '$');
        peer.sendText("t0000008", session.localUri(), "mid8", "Failure-Report: no\n", "Hello", '$');
        peer.sendText("t0000009", session.localUri(), "mid9", "", "Hello", '$');
        // Frames are answered in order: the first response to come is the third request's.
        assertResponse("t0000009", 200);
        assertEquals(2, List.of(Recorder.next(recorder.received), Recorder.next(recorder.received)).size());
    }

    @Test
    void aSessionBoundToAnotherConnectionIs506() throws Exception {
        try (RawPeer other = RawPeer.connect(stack.port())) {
            other.sendText("t0000010", session.localUri(), "mid10", "", "Hello", '$');
            MsrpResponse r = other.nextResponse();
            assertEquals(506, r.code());
        }
    }

    @Test
    void aPeerOtherThanTheNegotiatedOneIs481() throws Exception {
        MsrpSession waiting = stack.createSession(SessionOptions.of(new Recorder()));
        waiting.setRemote(List.of(MsrpUri.parse("msrp://127.0.0.1:9/expected1;tcp")), ConnectRole.PASSIVE);
        waiting.connect();
        peer.sendEmpty("t0000011", waiting.localUri(), "");
        assertResponse("t0000011", 481);
    }

    @Test
    void tooManyMessagesAtOnceAre413() throws Exception {
        for (int i = 0; i < 4; i++) {
            peer.sendText("u000000" + i, session.localUri(), "many" + i, "Byte-Range: 1-5/10\n", "Hello", '+');
            assertResponse("u000000" + i, 200);
        }
        peer.sendText("u0000009", session.localUri(), "many9", "Byte-Range: 1-5/10\n", "Hello", '+');
        assertResponse("u0000009", 413);
    }

    @Test
    void aStreamThatCannotBeFramedClosesTheConnectionAndItsSession() throws Exception {
        peer.send("GET / HTTP/1.1\n\n");
        assertTrue(peer.closedByConnector());
        assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(recorder.closed));
        Hops.awaitNothingOpen(stack);
    }
}
