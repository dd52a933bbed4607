package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.msrp.testkit.MsrpPeer;
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;
import org.opencpm.storage.deferral.DeferredMessageEntity;

/**
 * Sessions with MSRP media through the PF of each side (OMA CPM SD 5.2.3.1, 5.2.2.1.5) in the embedded container:
 * real SIP user agents and real MSRP peers over loopback TCP, the server's own MSRP stack in between.
 */
class SessionRelayTest {

    static final String CHAT = "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.session";
    static final String LARGE = "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.largemsg";

    private EmbeddedCore core;
    private SipTestAgent alice;
    private SipTestAgent bob;
    private MsrpPeer aliceMedia;
    private MsrpPeer bobMedia;

    @BeforeEach
    void start() throws Exception {
        core = new EmbeddedCore();
        core.provision("alice", "alice-pw");
        core.provision("bob", "bob-pw");
        alice = SipTestAgent.tcp("alice").as("alice", EmbeddedCore.DOMAIN, "alice-pw", "127.0.0.1", core.port());
        bob = SipTestAgent.tcp("bob").as("bob", EmbeddedCore.DOMAIN, "bob-pw", "127.0.0.1", core.port());
        aliceMedia = new MsrpPeer();
        bobMedia = new MsrpPeer();
        bob.onInvite(invite -> Answer.ok("application/sdp", bobMedia.answer(invite.getRawContent(), Setup.PASSIVE)));
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        aliceMedia.close();
        bobMedia.close();
        core.close();
    }

    private SipCall invite(String offer, String service) throws Exception {
        return alice.invite("sip:bob@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                .body("application/sdp", offer.getBytes(StandardCharsets.UTF_8))
                .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + service.replace(":", "%3A") + "\""));
    }

    @Test
    void aChatGoesBothWaysThroughBothParticipatingFunctionsAndEndsCleanly() throws Exception {
        assertEquals(200, bob.register(3600, null).getStatusCode());
        SipCall call = invite(aliceMedia.offer(Direction.SENDRECV, Setup.ACTPASS), CHAT);
        assertEquals(200, call.status());
        SipCall atBob = bob.awaitCall(5, TimeUnit.SECONDS);
        assertNotNull(atBob);
        String offerAtBob = new String(atBob.invite().getRawContent(), StandardCharsets.UTF_8);
        String answerAtAlice = new String(call.body(), StandardCharsets.UTF_8);
        // Each side sees the server's own path, never the other client's (the PFs stay in the media path).
        assertTrue(offerAtBob.contains("a=path:msrp://" + core.msrp.host() + ":" + core.msrp.port() + "/"), offerAtBob);
        assertTrue(answerAtAlice.contains("a=path:msrp://" + core.msrp.host() + ":" + core.msrp.port() + "/"),
                answerAtAlice);
        assertTrue(offerAtBob.contains("a=accept-types:message/cpim application/im-iscomposing+xml text/plain"));
        assertTrue(atBob.invite().getHeader("P-Asserted-Service").toString().contains(CHAT));
        aliceMedia.answered(call.body());

        assertTrue(aliceMedia.session.send(OutgoingMessage.of("text/plain", bytes("Hello Bob"))).result()
                .toCompletableFuture().get(10, TimeUnit.SECONDS).isSuccess());
        assertEquals("Hello Bob", bobMedia.next().text());
        String composing = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<isComposing "
                + "xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\"><state>active</state></isComposing>";
        bobMedia.session.send(OutgoingMessage.of("application/im-iscomposing+xml", bytes(composing)));
        MsrpPeer.Received isComposing = aliceMedia.next();
        assertNotNull(isComposing, "isComposing relayed (RFC 3994)");
        assertEquals("application/im-iscomposing+xml", isComposing.contentType());
        bobMedia.session.send(OutgoingMessage.of("text/plain", bytes("Hi Alice")));
        assertEquals("Hi Alice", aliceMedia.next().text());

        assertEquals(200, call.bye().getStatusCode());
        assertNotNull(atBob.awaitRequest(Request.BYE, 5, TimeUnit.SECONDS), "the BYE reached Bob's leg");
        assertNotNull(bobMedia.closed.get(5, TimeUnit.SECONDS), "Bob's MSRP session was released");
        awaitNoServerSessions();
    }

    @Test
    void aReinvitePassesThroughBothFunctions() throws Exception {
        assertEquals(200, bob.register(3600, null).getStatusCode());
        String offer = aliceMedia.offer(Direction.SENDRECV, Setup.ACTIVE);
        SipCall call = invite(offer, CHAT);
        assertEquals(200, call.status());
        aliceMedia.answered(call.body());
        SipCall atBob = bob.awaitCall(5, TimeUnit.SECONDS);
        atBob.onReinvite(r -> Answer.ok("application/sdp", bobAnswerAgain(r)));
        String modified = offer.replace("a=sendrecv", "a=sendrecv\r\na=max-size:4096");
        assertEquals(200, call.reinvite("application/sdp", modified).getStatusCode());
        Request reinvite = atBob.awaitRequest(Request.INVITE, 5, TimeUnit.SECONDS);
        assertNotNull(reinvite, "the re-INVITE reached Bob (SD 5.2.3.1.3)");
        assertTrue(new String(reinvite.getRawContent(), StandardCharsets.UTF_8).contains("a=max-size:4096"));

        String moved = offer.replace(aliceMedia.session.localUri().toString(), "msrp://127.0.0.1:9/other;tcp");
        assertEquals(488, call.reinvite("application/sdp", moved).getStatusCode(), "the path may not move");
        call.bye();
        awaitNoServerSessions();
    }

    private byte[] bobAnswerAgain(Request reinvite) {
        SessionDescription o = SessionDescription.parse(reinvite.getRawContent());
        return ("v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=message "
                + bobMedia.session.localUri().effectivePort() + " TCP/MSRP *\r\na=accept-types:"
                + String.join(" ", o.msrpMedia().get(0).acceptTypes()) + "\r\na=path:" + bobMedia.session.localUri()
                + "\r\na=setup:" + (o.msrpMedia().get(0).setup().orElse(Setup.ACTIVE) == Setup.PASSIVE ? "active" : "passive")
                + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLargeMessageArrivesWholeEvenWhenTheByeFollowsTheLastChunkAtOnce() throws Exception {
        assertEquals(200, bob.register(3600, null).getStatusCode());
        SipCall call = invite(aliceMedia.offer(Direction.SENDONLY, Setup.ACTIVE, "max-size:3000000"), LARGE);
        assertEquals(200, call.status());
        aliceMedia.answered(call.body());
        byte[] body = new byte[2_000_000];
        new Random(5).nextBytes(body);
        DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.of("application/octet-stream", body)).result()
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertTrue(sent.isSuccess(), sent.toString());
        assertEquals(200, call.bye().getStatusCode()); // SD 5.2.2.1.5: the sender closes after the last chunk
        MsrpPeer.Received got = bobMedia.next();
        assertNotNull(got);
        assertArrayEquals(body, got.body());
        awaitNoServerSessions();
    }

    @Test
    void withNoDeviceTheTerminatingFunctionTakesALargeMessageForDeferredDelivery() throws Exception {
        String cpim = "From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
                + "DateTime: 2026-11-21T10:00:00Z\r\n\r\nContent-Type: text/plain\r\n\r\n" + "x".repeat(5000);
        SipCall call = invite(aliceMedia.offer(Direction.SENDONLY, Setup.ACTIVE), LARGE);
        assertEquals(200, call.status(), "the PF answers on Bob's behalf (SD 5.2.2.1.5)");
        aliceMedia.answered(call.body());
        assertTrue(aliceMedia.session.send(OutgoingMessage.of("message/cpim", bytes(cpim))).result()
                .toCompletableFuture().get(10, TimeUnit.SECONDS).isSuccess());
        call.bye();
        List<DeferredMessageEntity> queued = awaitDeferred("bob");
        assertEquals(1, queued.size());
        assertEquals("message/cpim", queued.get(0).getContentType());
        assertArrayEquals(bytes(cpim), queued.get(0).getBody());
        awaitNoServerSessions();

        // Bob registers: the PF delivers the kept message in large message mode (SD 5.2.5, 5.2.2.1.5).
        assertEquals(200, bob.register(3600, null).getStatusCode());
        SipCall push = bob.awaitCall(10, TimeUnit.SECONDS);
        assertNotNull(push, "the PF invited Bob's device");
        String offer = new String(push.invite().getRawContent(), StandardCharsets.UTF_8);
        assertTrue(offer.contains("a=sendonly") && offer.contains("a=accept-types:message/cpim"), offer);
        assertTrue(push.invite().getHeader("P-Asserted-Service").toString().contains(LARGE));
        MsrpPeer.Received delivered = bobMedia.next();
        assertNotNull(delivered);
        assertArrayEquals(bytes(cpim), delivered.body());
        assertNotNull(push.awaitRequest(Request.BYE, 10, TimeUnit.SECONDS), "the PF closes after the last chunk");
        for (int i = 0; i < 100 && !core.deferredMessages.list("bob", 0, 10).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertTrue(core.deferredMessages.list("bob", 0, 10).isEmpty(), "delivered once, then removed");
        awaitNoServerSessions();
    }

    @Test
    void badInvitationsAreRefusedPrecisely() throws Exception {
        assertEquals(415, alice.invite("sip:bob@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                .body("text/plain", bytes("hello"))).status());
        assertEquals(400, alice.invite("sip:bob@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                .body("application/sdp", bytes("v=0\r\nnonsense\r\n"))).status());
        String audio = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";
        assertEquals(488, alice.invite("sip:bob@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                .body("application/sdp", bytes(audio))).status());
        assertEquals(404, alice.invite("sip:nobody@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                .body("application/sdp", bytes(aliceMedia.offer(Direction.SENDRECV, Setup.ACTIVE)))).status());
        awaitNoServerSessions();
    }

    private List<DeferredMessageEntity> awaitDeferred(String user) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<DeferredMessageEntity> queued = core.deferredMessages.list(user, 0, 10);
            if (!queued.isEmpty()) {
                return queued;
            }
            Thread.sleep(50);
        }
        return List.of();
    }

    private void awaitNoServerSessions() throws InterruptedException {
        for (int i = 0; i < 200 && (core.msrp.statistics().sessions() > 0 || core.msrp.statistics().connections() > 0); i++) {
            Thread.sleep(50);
        }
        assertEquals(0, core.msrp.statistics().sessions(), "every server MSRP session released");
        assertEquals(0, core.msrp.statistics().connections(), "every server MSRP connection released");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
