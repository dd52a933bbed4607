package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpResponse;

/**
 * What a bridge refuses to pass on, between two hand-written peers: a chunk storm towards a next hop that does not
 * answer stops at the bound of chunks in flight, and a Byte-Range beyond the message size bound is refused before
 * a byte is forwarded; both with 413, which asks the sender to stop sending that message (RFC 4975 sec 10).
 */
class BridgeBoundsTest {

    @Test
    void aChunkStormAndAnAbsurdByteRangeStopAtTheBridge() throws Exception {
        try (EmbeddedMsrpStack r = EmbeddedMsrpStack.start(StackConfig.builder().port(0).maxOutstanding(8)
                .maxMessageSize(1 << 20).build()); ServerSocket downstream = new ServerSocket(0);
                RawPeer sender = RawPeer.connect(r.port())) {
            MsrpSession in = r.createSession(SessionOptions.of(new Recorder()));
            MsrpSession out = r.createSession(SessionOptions.of(new Recorder()));
            r.bridge(in, out);
            in.connect(List.of(sender.uri), ConnectRole.PASSIVE);
            try (RawPeer silent = RawPeer.serving(downstream, out)) {
                for (int i = 0; i < 8; i++) {
                    sender.sendText("s000000" + i, in.localUri(), "storm" + i, "", "x", '$');
                    assertEquals(200, ((MsrpResponse) sender.next()).code());
                    // Passed on with the paths of the outgoing leg, and never answered.
                    MsrpRequest passed = silent.nextRequest();
                    assertEquals(List.of(silent.uri), passed.headers().toPath());
                    assertEquals(out.localPath(), passed.headers().fromPath());
                    assertEquals("storm" + i, passed.headers().messageId().orElseThrow());
                }
                sender.sendText("s0000009", in.localUri(), "storm9", "", "x", '$');
                assertEquals(413, ((MsrpResponse) sender.next()).code());

                sender.sendText("s0000010", in.localUri(), "absurd1", "Byte-Range: 1-*/99999999999\n", "x", '+');
                assertEquals(413, ((MsrpResponse) sender.next()).code());
            }
        }
    }
}
