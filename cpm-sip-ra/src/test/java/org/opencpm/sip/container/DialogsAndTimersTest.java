package org.opencpm.sip.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.sip.api.B2buaHelper;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sip.api.SipSession;
import org.opencpm.sip.testkit.SipTestAgent;

/** INVITE dialogs through a B2BUA servlet (subsequent requests routed by dialog) and servlet timers. */
class DialogsAndTimersTest {

    /** A call B2BUA: INVITE to {@link #target} on a linked leg, answers relayed back, BYE relayed across. */
    @ServletName("call")
    static final class CallServlet extends SipServlet {
        volatile String target;
        volatile org.opencpm.sip.api.SipFactory factory;

        @Override
        protected void doInvite(SipServletRequest request) {
            SipServletRequest out = request.getB2buaHelper().createRequest(request, true, Map.of());
            out.setRequestURI(factory.createURI(target));
            out.send();
        }

        @Override
        protected void doResponse(SipServletResponse response) {
            if (!"INVITE".equals(response.getMethod()) || response.getStatus() == 100) {
                return;
            }
            B2buaHelper helper = response.getRequest().getB2buaHelper();
            if (response.getStatus() >= 200 && response.getStatus() < 300) {
                response.createAck().send();
            }
            SipSession caller = helper.getLinkedSession(response.getSession());
            helper.createResponseToOriginalRequest(caller, response.getStatus(), null).send();
        }

        @Override
        protected void doBye(SipServletRequest request) {
            SipSession other = request.getB2buaHelper().getLinkedSession(request.getSession());
            other.createRequest("BYE").send();
            request.createResponse(200).send();
        }
    }

    /** Answers MESSAGE 202 and reports a timer it set to fire 200 ms later; "cancel" in the body cancels it. */
    @ServletName("timers")
    static final class TimerServlet extends SipServlet {
        final BlockingQueue<String> fired = new ArrayBlockingQueue<>(10);
        volatile org.opencpm.sip.api.TimerService timers;

        @Override
        protected void doMessage(SipServletRequest request) {
            String body = new String(request.getRawContent());
            ServletTimer t = timers.createTimer(request.getApplicationSession(), "timers", 200, body);
            if (body.equals("cancel")) {
                t.cancel();
            }
            request.createResponse(202).send();
        }

        @Override
        public void timeout(ServletTimer timer) {
            fired.add((String) timer.getInfo());
        }
    }

    private final CallServlet call = new CallServlet();
    private final TimerServlet timers = new TimerServlet();
    private EmbeddedSipContainer container;
    private SipTestAgent alice;
    private SipTestAgent bob;

    @BeforeEach
    void start() throws Exception {
        container = EmbeddedSipContainer.onFreePort(new Properties()).servlet(call).servlet(timers);
        container.start("""
                INVITE * * * call
                MESSAGE timers * * timers
                """);
        call.factory = container.getSipFactory();
        timers.timers = container.getTimerService();
        alice = SipTestAgent.udp("alice").as("alice", "opencpm.test", "x", "127.0.0.1", container.port());
        bob = SipTestAgent.tcp("bob").as("bob", "opencpm.test", "x", "127.0.0.1", container.port());
        call.target = "sip:bob@127.0.0.1:" + bob.port() + ";transport=tcp";
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        container.close();
    }

    @Test
    void inviteAckAndByeCrossTheB2buaAndByeIsRoutedByDialog() throws Exception {
        assertEquals(200, alice.invite("sip:bob@opencpm.test").getStatusCode());
        Request invite = bob.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(invite);
        assertEquals(Request.INVITE, invite.getMethod());
        Request ack = bob.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(ack, "the B2BUA acknowledges the callee's 200");
        assertEquals(Request.ACK, ack.getMethod());

        assertEquals(200, alice.bye().getStatusCode(), "the BYE found its dialog and servlet");
        Request bye = bob.awaitRequest(3, TimeUnit.SECONDS);
        assertNotNull(bye, "the BYE went on to the other leg");
        assertEquals(Request.BYE, bye.getMethod());
        assertEquals(invite.getHeader("Call-ID"), bye.getHeader("Call-ID"), "in the callee's dialog");
    }

    @Test
    void byeOutsideAnyDialogGets481() throws Exception {
        String bye = "BYE sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKbye1\r\n"
                + "From: <sip:a@opencpm.test>;tag=1\r\nTo: <sip:b@opencpm.test>;tag=2\r\nCall-ID: no-such-dialog\r\n"
                + "CSeq: 2 BYE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        String answer = SipTestAgent.sendRawUdp("127.0.0.1", container.port(), bye, 3000);
        assertNotNull(answer);
        assertTrue(answer.startsWith("SIP/2.0 481"), answer);
    }

    @Test
    void timersFireOnTheirServletUnlessCancelled() throws Exception {
        assertEquals(202, alice.sendMessage("sip:timers@opencpm.test", "cancel").getStatusCode());
        assertEquals(202, alice.sendMessage("sip:timers@opencpm.test", "fire").getStatusCode());
        assertEquals("fire", timers.fired.poll(3, TimeUnit.SECONDS));
        assertFalse(timers.fired.poll(500, TimeUnit.MILLISECONDS) != null, "the cancelled timer never fired");
    }
}
