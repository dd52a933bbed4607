package org.opencpm.sip.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
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
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;

/** INVITE dialogs through a B2BUA servlet (subsequent requests routed by dialog) and servlet timers. */
class DialogsAndTimersTest {

    /**
     * A call B2BUA: INVITE to {@link #target} on a linked leg (after a digest challenge when {@link #challenge}),
     * answers relayed back with their body, re-INVITE and BYE relayed across; ACKs from callers recorded.
     */
    @ServletName("call")
    static final class CallServlet extends SipServlet {
        volatile String target;
        volatile org.opencpm.sip.api.SipFactory factory;
        volatile boolean challenge;
        final BlockingQueue<SipServletRequest> acks = new LinkedBlockingQueue<>();

        @Override
        protected void doInvite(SipServletRequest request) {
            B2buaHelper helper = request.getB2buaHelper();
            if (!request.isInitial()) { // a re-INVITE: on to the other leg, with its offer
                helper.createRequest(helper.getLinkedSession(request.getSession()), request, Map.of()).send();
                return;
            }
            if (challenge && request.getHeader("Proxy-Authorization") == null) {
                SipServletResponse challenge = request.createResponse(407);
                challenge.setHeader("Proxy-Authenticate", "Digest realm=\"opencpm.test\", nonce=\"n0nce\", qop=\"auth\"");
                challenge.send();
                return;
            }
            SipServletRequest out = helper.createRequest(request, true, Map.of());
            out.setRequestURI(factory.createURI(target));
            request.getSession().setAttribute("out", out);
            out.send();
        }

        @Override
        protected void doCancel(SipServletRequest request) {
            // The container answered the caller's CANCEL and its INVITE (487); the other leg is cancelled here.
            ((SipServletRequest) request.getSession().getAttribute("out")).createCancel().send();
        }

        @Override
        protected void doResponse(SipServletResponse response) {
            if (!"INVITE".equals(response.getMethod()) || response.getStatus() == 100) {
                return;
            }
            B2buaHelper helper = response.getRequest().getB2buaHelper();
            boolean success = response.getStatus() >= 200 && response.getStatus() < 300;
            if (success) {
                response.createAck().send();
            }
            SipServletRequest original = helper.getLinkedSipServletRequest(response.getRequest());
            if (original.isCommitted()) { // the caller cancelled: the container answered it 487
                if (success) {
                    response.getSession().createRequest("BYE").send();
                }
                return;
            }
            SipServletResponse relayed = original.createResponse(response.getStatus(), response.getReasonPhrase());
            if (response.getContentLength() > 0) {
                relayed.setContent(response.getRawContent(), response.getContentType());
            }
            relayed.send();
        }

        @Override
        protected void doAck(SipServletRequest request) {
            acks.add(request);
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

    private static final String SDP = "application/sdp";
    private static final String CPM_SESSION =
            "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session\"";

    /** An MSRP media description as a CPM client would offer or answer it. */
    private static String sdp(String user, int port) {
        return "v=0\r\no=" + user + " 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=message " + port + " TCP/MSRP *\r\na=accept-types:message/cpim\r\n"
                + "a=path:msrp://127.0.0.1:" + port + "/" + user + ";tcp\r\n";
    }

    private static String text(Request request) {
        return new String(request.getRawContent(), StandardCharsets.UTF_8);
    }

    /** Alice calls Bob through the B2BUA with an offer and repeated Accept-Contact; Bob answers with SDP. */
    private SipCall establish() throws Exception {
        bob.onInvite(invite -> Answer.ok(SDP, sdp("bob", 7395)));
        SipCall call = alice.invite("sip:bob@opencpm.test", SDP, sdp("alice", 7394).getBytes(StandardCharsets.UTF_8),
                Map.of("Accept-Contact", List.of("*;" + CPM_SESSION, "*;+g.oma.sip-im")));
        assertEquals(200, call.status());
        return call;
    }

    @Test
    void sdpOfferAndAnswerCrossTheB2bua() throws Exception {
        SipCall call = establish();
        assertEquals(sdp("bob", 7395), call.bodyText(), "the caller gets the callee's answer");
        assertTrue(call.header("Content-Type").startsWith(SDP));
        assertNotNull(call.awaitProvisional(180, 3, TimeUnit.SECONDS), "180 relayed before the 200");
        assertTrue(call.ackSent());

        SipCall callee = bob.awaitCall(3, TimeUnit.SECONDS);
        assertNotNull(callee);
        assertEquals(sdp("alice", 7394), text(callee.invite()), "the offer crossed the B2BUA");
        List<String> acceptContact = new ArrayList<>();
        callee.invite().getHeaders("Accept-Contact").forEachRemaining(h -> acceptContact.add(h.toString()));
        assertEquals(2, acceptContact.size(), "both Accept-Contact values relayed: " + acceptContact);
        assertTrue(acceptContact.get(0).contains("icsi-ref"), acceptContact.toString());
        assertEquals(200, callee.status());
        assertNotNull(callee.awaitAck(3, TimeUnit.SECONDS), "the B2BUA acknowledges the callee's 200");
    }

    @Test
    void reInviteFromEitherSideIsRelayedWithItsAnswer() throws Exception {
        SipCall call = establish();
        SipCall callee = bob.awaitCall(3, TimeUnit.SECONDS);
        assertNotNull(callee.awaitAck(3, TimeUnit.SECONDS));
        callee.onReinvite(reinvite -> Answer.ok(SDP, sdp("bob", 8395)));

        Response answer = call.reinvite(SDP, sdp("alice", 8394));
        assertEquals(200, answer.getStatusCode());
        assertEquals(sdp("bob", 8395), new String(answer.getRawContent(), StandardCharsets.UTF_8));
        Request reinvite = callee.awaitRequest("INVITE", 3, TimeUnit.SECONDS);
        assertNotNull(reinvite, "the re-INVITE reached the callee in its dialog");
        assertEquals(sdp("alice", 8394), text(reinvite));
        assertEquals(callee.callId(), ((javax.sip.header.CallIdHeader) reinvite.getHeader("Call-ID")).getCallId());
        assertNotNull(callee.awaitAck(3, TimeUnit.SECONDS), "the re-INVITE's 200 acknowledged");

        call.onReinvite(reinvite2 -> Answer.ok(SDP, sdp("alice", 9394)));
        Response back = callee.reinvite(SDP, sdp("bob", 9395));
        assertEquals(200, back.getStatusCode(), "a re-INVITE from the callee side crosses too");
        assertEquals(sdp("alice", 9394), new String(back.getRawContent(), StandardCharsets.UTF_8));
        assertEquals(sdp("bob", 9395), text(call.awaitRequest("INVITE", 3, TimeUnit.SECONDS)));

        callee.onReinvite(reinvite3 -> Answer.status(488));
        assertEquals(488, call.reinvite(SDP, sdp("alice", 10394)).getStatusCode(), "a refused offer comes back");
        assertEquals(200, call.bye().getStatusCode(), "and the call goes on until the BYE");
        assertNotNull(callee.awaitRequest("BYE", 3, TimeUnit.SECONDS));
    }

    @Test
    void byeFromTheCalleeSideEndsBothLegs() throws Exception {
        SipCall call = establish();
        SipCall callee = bob.awaitCall(3, TimeUnit.SECONDS);
        assertNotNull(callee.awaitAck(3, TimeUnit.SECONDS));

        assertEquals(200, callee.bye().getStatusCode());
        Request bye = call.awaitRequest("BYE", 3, TimeUnit.SECONDS);
        assertNotNull(bye, "the BYE went on to the caller");
        assertEquals(call.callId(), ((javax.sip.header.CallIdHeader) bye.getHeader("Call-ID")).getCallId());
        assertTrue(call.isTerminated());
        assertTrue(callee.isTerminated());
    }

    @Test
    void theCallerAcknowledgesWhenTheTestSaysSo() throws Exception {
        bob.onInvite(invite -> Answer.ok(SDP, sdp("bob", 7395)));
        SipCall call = alice.invite("sip:bob@opencpm.test",
                InviteOptions.create().body(SDP, sdp("alice", 7394)).autoAck(false));
        assertEquals(200, call.status());
        assertFalse(call.ackSent());
        assertNull(this.call.acks.poll(700, TimeUnit.MILLISECONDS), "no ACK before the test sends it");
        call.ack();
        assertNotNull(this.call.acks.poll(3, TimeUnit.SECONDS), "the ACK reached the B2BUA");
        assertEquals(200, call.bye().getStatusCode());
    }

    @Test
    void aChallengedInviteIsSentAgainWithCredentialsInTheSameCall() throws Exception {
        call.challenge = true;
        SipCall call = establish();
        Response challenge = call.challenge();
        assertNotNull(challenge);
        assertEquals(407, challenge.getStatusCode());
        Request retry = call.invite();
        assertEquals(((javax.sip.header.CallIdHeader) challenge.getHeader("Call-ID")).getCallId(), call.callId());
        assertEquals(((javax.sip.header.FromHeader) challenge.getHeader("From")).getTag(),
                ((javax.sip.header.FromHeader) retry.getHeader("From")).getTag(), "same From tag");
        assertTrue(((javax.sip.header.CSeqHeader) retry.getHeader("CSeq")).getSeqNumber()
                > ((javax.sip.header.CSeqHeader) challenge.getHeader("CSeq")).getSeqNumber(), "new CSeq");
        String credentials = retry.getHeader("Proxy-Authorization").toString();
        assertTrue(credentials.contains("username=\"alice\"") && credentials.contains("nonce=\"n0nce\""),
                credentials);
        assertEquals(sdp("alice", 7394), text(retry), "the offer is sent again");
        assertEquals(sdp("bob", 7395), call.bodyText());
    }

    @Test
    void aCancelledCallerCancelsTheOtherLegToo() throws Exception {
        bob.onInvite(r -> Answer.status(180)); // rings, never answers
        SipCall call = alice.startInvite("sip:bob@opencpm.test", InviteOptions.create());
        assertNotNull(call.awaitProvisional(180, 5, TimeUnit.SECONDS));
        SipCall atBob = bob.awaitCall(5, TimeUnit.SECONDS);
        assertEquals(200, call.cancel().getStatusCode());
        assertEquals(487, call.awaitFinalResponse(5, TimeUnit.SECONDS).getStatusCode());
        assertNotNull(atBob.awaitRequest(Request.CANCEL, 5, TimeUnit.SECONDS), "the B2BUA cancelled Bob's leg");
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
