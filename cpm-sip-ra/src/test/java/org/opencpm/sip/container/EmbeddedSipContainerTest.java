package org.opencpm.sip.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sip.testkit.SipTestAgent;

/** The container on real sockets, with servlets registered by hand and JAIN-SIP test agents. */
class EmbeddedSipContainerTest {

    @ServletName("echo")
    static final class EchoServlet extends SipServlet {
        @Override
        protected void doMessage(SipServletRequest request) {
            if (request.getContentLength() == 0) {
                throw new IllegalStateException("empty body makes this servlet fail");
            }
            var response = request.createResponse(200);
            response.setHeader("X-Echo", new String(request.getRawContent(), StandardCharsets.UTF_8));
            response.send();
        }
    }

    /** Relays a MESSAGE to {@link #target} on a linked leg, and the answer back. */
    @ServletName("relay")
    static final class RelayServlet extends SipServlet {
        volatile String target;
        volatile org.opencpm.sip.api.SipFactory sipFactory;

        @Override
        protected void doMessage(SipServletRequest request) {
            SipServletRequest out = request.getB2buaHelper().createRequest(request, true,
                    Map.of("X-Relayed", List.of("yes")));
            out.setRequestURI(sipFactory.createURI(target));
            out.send();
        }

        @Override
        protected void doResponse(SipServletResponse response) {
            if (response.getStatus() >= 200) {
                SipServletRequest original = response.getRequest().getB2buaHelper()
                        .getLinkedSipServletRequest(response.getRequest());
                original.createResponse(response.getStatus()).send();
                response.getApplicationSession().invalidate();
            }
        }
    }

    private final RelayServlet relay = new RelayServlet();
    private EmbeddedSipContainer container;
    private SipTestAgent alice;
    private SipTestAgent bob;

    @BeforeEach
    void start() throws Exception {
        container = EmbeddedSipContainer.onFreePort(new Properties())
                .servlet(new EchoServlet())
                .servlet(relay);
        container.start("""
                MESSAGE echo * * echo
                MESSAGE relay * * relay
                """);
        alice = SipTestAgent.udp("alice").as("alice", "opencpm.test", "secret", "127.0.0.1", container.port());
        bob = SipTestAgent.tcp("bob").as("bob", "opencpm.test", "secret", "127.0.0.1", container.port());
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        container.close();
    }

    @Test
    void requestReachesTheRoutedServletOverUdpAndTcp() throws Exception {
        Response r = alice.sendMessage("sip:echo@opencpm.test", "hello");
        assertEquals(200, r.getStatusCode());
        assertEquals("X-Echo: hello", r.getHeader("X-Echo").toString().trim());
        assertEquals(200, bob.sendMessage("sip:echo@opencpm.test", "over tcp").getStatusCode());
    }

    @Test
    void unroutedRequestGets404AndOptionsGets200() throws Exception {
        assertEquals(404, alice.sendMessage("sip:nobody@opencpm.test", "x").getStatusCode());
        String options = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKopt1\r\n"
                + "From: <sip:probe@opencpm.test>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: opt-1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        String answer = SipTestAgent.sendRawUdp("127.0.0.1", container.port(), options, 3000);
        assertNotNull(answer);
        assertTrue(answer.startsWith("SIP/2.0 200"), answer);
    }

    @Test
    void servletFailureBecomes500AndTheContainerGoesOn() throws Exception {
        Response failed = alice.sendMessage("sip:echo@opencpm.test", "text/plain", new byte[0], Map.of());
        assertEquals(500, failed.getStatusCode());
        assertEquals(200, alice.sendMessage("sip:echo@opencpm.test", "still alive").getStatusCode());
    }

    @Test
    void malformedDatagramsAreAnswered400OrDroppedNeverCrash() throws Exception {
        String badHeader = "MESSAGE sip:echo@opencpm.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKbad1\r\n"
                + "From: <sip:a@opencpm.test>;tag=1\r\nTo: <sip:echo@opencpm.test>\r\nCall-ID: bad-1\r\n"
                + "CSeq: notanumber MESSAGE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        String answer = SipTestAgent.sendRawUdp("127.0.0.1", container.port(), badHeader, 2000);
        assertNotNull(answer, "a request with a malformed CSeq is answered");
        assertTrue(answer.startsWith("SIP/2.0 400"), answer);
        String garbage = "HELLO THERE\r\n\r\n";
        SipTestAgent.sendRawUdp("127.0.0.1", container.port(), garbage, 500);
        assertEquals(200, alice.sendMessage("sip:echo@opencpm.test", "after garbage").getStatusCode());
    }

    @Test
    void b2buaRelaysOnALinkedLegAndRoutesTheResponseBack() throws Exception {
        relay.sipFactory = container.getSipFactory();
        relay.target = "sip:bob@127.0.0.1:" + bob.port() + ";transport=tcp";
        bob.answerWith(202);
        Response r = alice.sendMessage("sip:relay@opencpm.test", "relayed text");
        assertEquals(202, r.getStatusCode());
        Request atBob = bob.awaitRequest(2, TimeUnit.SECONDS);
        assertNotNull(atBob);
        assertEquals("relayed text", new String(atBob.getRawContent(), StandardCharsets.UTF_8));
        assertNotNull(atBob.getHeader("X-Relayed"));
        assertFalse(atBob.getHeader("Call-ID").toString().contains(r.getHeader("Call-ID").toString()),
                "a B2BUA leg has its own Call-ID");
        // The relay invalidates its session right after it answers, so alice may see the 202 a moment before.
        for (int i = 0; i < 40 && container.container().applicationSessionCount() > 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(0, container.container().applicationSessionCount(), "the relay invalidated its session");
    }

    @Test
    void stopReleasesThePorts() throws Exception {
        int port = container.port();
        container.close();
        assertFalse(SipTestAgent.tcpListening("127.0.0.1", port));
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(port, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(port, udp.getLocalPort());
        }
    }
}
