package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.api.SessionState;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * Who opens the connection (RFC 6135), and connection reuse (RFC 4975 sec 5.4): either side active, a peer that
 * binds before this side has even heard the SDP answer, a passive session nobody binds to, and two sessions to the
 * same host and port sharing one connection, which closes when the last of them ends.
 */
class ConnectionSetupTest {

    private static OutgoingMessage text(String s) {
        return OutgoingMessage.of("text/plain", s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Opener.class)
    void eitherSideMayOpenAndMessagesGoBothWays(Opener opener) throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(); EmbeddedMsrpStack y = EmbeddedMsrpStack.start()) {
            Recorder atX = new Recorder();
            Recorder atY = new Recorder();
            MsrpSession sx = x.createSession(SessionOptions.of(atX));
            MsrpSession sy = y.createSession(SessionOptions.of(atY));
            Hops.connect(sx, sy, opener);
            assertEquals(SessionState.CONNECTED, sx.state());
            assertEquals(SessionState.CONNECTED, sy.state());
            assertTrue(sx.send(text("to y")).result().toCompletableFuture().get(30, TimeUnit.SECONDS).isSuccess());
            assertTrue(sy.send(text("to x!")).result().toCompletableFuture().get(30, TimeUnit.SECONDS).isSuccess());
            assertEquals(4, Recorder.next(atY.received).size());
            assertEquals(5, Recorder.next(atX.received).size());
            assertEquals(1, x.statistics().connections());
            assertEquals(1, y.statistics().connections());
            sy.close();
            Hops.awaitNothingOpen(x, y);
            assertEquals(CloseReason.CONNECTION_LOST, Recorder.next(atX.closed));
        }
    }

    @Test
    void aPeerThatBindsBeforeTheAnswerIsHeardIsTakenAtItsFromPath() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(); EmbeddedMsrpStack y = EmbeddedMsrpStack.start()) {
            Recorder atX = new Recorder();
            MsrpSession offerer = x.createSession(SessionOptions.of(atX));
            MsrpSession answerer = y.createSession(SessionOptions.of(new Recorder()));
            // The answerer connects at once; the offerer has not processed the SIP 200 yet.
            answerer.connect(offerer.localPath(), ConnectRole.ACTIVE).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertEquals(List.of(answerer.localUri()), offerer.remotePath().orElseThrow());
            offerer.setRemote(answerer.localPath(), ConnectRole.PASSIVE);
            offerer.connect().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(answerer.send(text("early")).result().toCompletableFuture().get(30, TimeUnit.SECONDS)
                    .isSuccess());
            assertEquals(5, Recorder.next(atX.received).size());
        }
    }

    @Test
    void aPassiveSessionNobodyBindsToCloses() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(
                StackConfig.builder().port(0).bindTimeoutMillis(200).build())) {
            Recorder atX = new Recorder();
            MsrpSession s = x.createSession(SessionOptions.of(atX));
            s.setRemote(List.of(MsrpUri.parse("msrp://127.0.0.1:9/nobody1;tcp")), ConnectRole.PASSIVE);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> s.connect().toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof IllegalStateException);
            assertEquals(CloseReason.CONNECT_FAILED, Recorder.next(atX.closed));
            Hops.awaitNothingOpen(x);
        }
    }

    @Test
    void anActiveSessionWithNobodyListeningCloses() throws Exception {
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(); EmbeddedMsrpStack gone = EmbeddedMsrpStack.start()) {
            MsrpUri nowhere = MsrpUri.of(false, "127.0.0.1", gone.port(), "gone0001");
            gone.close();
            Recorder atX = new Recorder();
            MsrpSession s = x.createSession(SessionOptions.of(atX));
            s.connect(List.of(nowhere), ConnectRole.ACTIVE);
            assertEquals(CloseReason.CONNECT_FAILED, Recorder.next(atX.closed));
            Hops.awaitNothingOpen(x);
        }
    }

    @Test
    void twoSessionsToTheSameHostAndPortShareOneConnection() throws Exception {
        try (EmbeddedMsrpStack p = EmbeddedMsrpStack.start(); EmbeddedMsrpStack q = EmbeddedMsrpStack.start()) {
            Recorder atQ = new Recorder();
            MsrpSession p1 = p.createSession(SessionOptions.of(new Recorder()));
            MsrpSession p2 = p.createSession(SessionOptions.of(new Recorder()));
            MsrpSession q1 = q.createSession(SessionOptions.of(atQ));
            MsrpSession q2 = q.createSession(SessionOptions.of(atQ));
            Hops.connect(p1, q1, Opener.LEFT);
            Hops.connect(p2, q2, Opener.LEFT);
            assertEquals(1, p.statistics().connections());
            assertEquals(1, q.statistics().connections());
            assertTrue(p1.send(text("one")).result().toCompletableFuture().get(30, TimeUnit.SECONDS).isSuccess());
            assertTrue(p2.send(text("two!")).result().toCompletableFuture().get(30, TimeUnit.SECONDS).isSuccess());
            assertEquals(7, Recorder.next(atQ.received).size() + Recorder.next(atQ.received).size());

            p1.close();
            assertEquals(1, p.statistics().connections());
            assertTrue(p2.send(text("still")).result().toCompletableFuture().get(30, TimeUnit.SECONDS).isSuccess());
            p2.close();
            // The last session gone, the connection closes, and the sessions at q go with it.
            Hops.awaitNothingOpen(p, q);
            assertEquals(List.of(CloseReason.CONNECTION_LOST, CloseReason.CONNECTION_LOST),
                    List.of(Recorder.next(atQ.closed), Recorder.next(atQ.closed)));
        }
    }

    @Test
    void aSessionAskingForANewConnectionGetsOne() throws Exception {
        try (EmbeddedMsrpStack p = EmbeddedMsrpStack.start(); EmbeddedMsrpStack q = EmbeddedMsrpStack.start()) {
            MsrpSession p1 = p.createSession(SessionOptions.of(new Recorder()));
            MsrpSession p2 = p.createSession(SessionOptions.of(new Recorder()).withReuseConnections(false));
            Hops.connect(p1, q.createSession(SessionOptions.of(new Recorder())), Opener.LEFT);
            Hops.connect(p2, q.createSession(SessionOptions.of(new Recorder())), Opener.LEFT);
            assertEquals(2, p.statistics().connections());
            assertEquals(2, q.statistics().connections());
        }
    }
}
