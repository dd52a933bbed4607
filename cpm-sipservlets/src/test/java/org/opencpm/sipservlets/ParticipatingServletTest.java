package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.sip.testkit.SipTestAgent;

class ParticipatingServletTest {

    private static EmbeddedCore core;
    private SipTestAgent alice;
    private SipTestAgent bobPhone;
    private SipTestAgent bobTablet;

    @BeforeAll
    static void startCore() throws Exception {
        core = new EmbeddedCore();
        core.provision("alice", "alice-secret");
        core.provision("bob", "bob-secret");
        core.provision("dave", "dave-secret");
    }

    @AfterAll
    static void stopCore() {
        core.close();
    }

    @BeforeEach
    void agents() throws Exception {
        alice = SipTestAgent.udp("alice").as("alice", "opencpm.test", "alice-secret", "127.0.0.1", core.port());
        bobPhone = SipTestAgent.udp("bob-phone").as("bob", "opencpm.test", "bob-secret", "127.0.0.1", core.port());
        bobTablet = SipTestAgent.tcp("bob-tablet").as("bob", "opencpm.test", "bob-secret", "127.0.0.1", core.port());
        assertEquals(200, bobPhone.register(3600, "urn:uuid:00000000-0000-0000-0000-0000000b0001").getStatusCode());
        assertEquals(200, bobTablet.register(3600, "urn:uuid:00000000-0000-0000-0000-0000000b0002").getStatusCode());
    }

    @AfterEach
    void closeAgents() throws Exception {
        bobPhone.unregisterAll();
        alice.close();
        bobPhone.close();
        bobTablet.close();
    }

    @Test
    void messageReachesEveryDeviceWithCpmHeadersUnchanged() throws Exception {
        Map<String, String> cpm = new LinkedHashMap<>();
        cpm.put("Conversation-ID", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        cpm.put("Contribution-ID", "abcdef-1234-5678-90ab-cdef01234567");
        cpm.put("InReplyTo-Contribution-ID", "0123-reply-to-me");
        cpm.put("Reply-To", "<sip:alice-office@opencpm.test>"); // SD 5.2.2.1.1: the Reply-to Indication
        String cpim = "From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
                + "DateTime: 2026-11-21T12:00:00Z\r\n\r\nContent-Type: text/plain\r\n\r\nHello Bob";
        Map<String, String> sent = new LinkedHashMap<>(cpm);
        sent.put("Accept-Contact", "*;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.msg\"");
        Response r = alice.sendMessage("sip:bob@opencpm.test", "message/cpim", cpim.getBytes(StandardCharsets.UTF_8),
                sent);
        assertEquals(200, r.getStatusCode());
        for (SipTestAgent device : new SipTestAgent[] {bobPhone, bobTablet}) {
            Request got = device.awaitRequest(3, TimeUnit.SECONDS);
            assertNotNull(got, "every registered device gets the message");
            assertEquals(Request.MESSAGE, got.getMethod());
            assertEquals(cpim, new String(got.getRawContent(), StandardCharsets.UTF_8));
            assertTrue(got.getHeader("Content-Type").toString().contains("message/cpim"));
            for (var h : cpm.entrySet()) {
                assertEquals(h.getKey() + ": " + h.getValue(), got.getHeader(h.getKey()).toString().trim());
            }
            assertTrue(got.getHeader("P-Asserted-Identity").toString().contains("sip:alice@opencpm.test"));
            // The CPM feature tag stays (SD 5.2.2.1), and the service is asserted (RFC 6050).
            assertTrue(got.getHeader("Accept-Contact").toString().contains("oma.cpm.msg"), got.toString());
            assertTrue(got.getHeader("P-Asserted-Service").toString()
                    .contains("urn:urn-7:3gpp-service.ims.icsi.oma.cpm.msg"), got.toString());
            assertTrue(got.getHeader("From").toString().contains("sip:alice@opencpm.test"));
            assertTrue(got.getRequestURI().toString().contains(":" + device.port()));
            assertNull(got.getHeader("Proxy-Authorization"), "credentials never leave the server");
        }
    }

    @Test
    void oneAcceptingDeviceIsEnough() throws Exception {
        bobPhone.answerWith(486);
        assertEquals(200, alice.sendMessage("sip:bob@opencpm.test", "one of two").getStatusCode());
        bobTablet.answerWith(486);
        // Every device refused: kept for later (OMA CPM SD 5.1.5 item 5), the sender hears 202.
        assertEquals(202, alice.sendMessage("sip:bob@opencpm.test", "none of two").getStatusCode());
        assertEquals(1, core.deferral.count("bob"));
        core.deferral.purge("bob");
    }

    @Test
    void noRegisteredDeviceDefers() throws Exception {
        assertEquals(202, alice.sendMessage("sip:dave@opencpm.test", "are you there").getStatusCode());
        bobPhone.unregisterAll();
        assertEquals(202, alice.sendMessage("sip:bob@opencpm.test", "gone").getStatusCode());
        assertNull(bobPhone.awaitRequest(300, TimeUnit.MILLISECONDS));
        assertEquals(1, core.deferral.count("dave"));
        assertEquals(1, core.deferral.count("bob"));
        core.deferral.purge("dave");
        core.deferral.purge("bob");
    }

    @Test
    void aReplyToThatIsNotAnAddressIsRefused() throws Exception {
        Response r = alice.sendMessage("sip:bob@opencpm.test", "text/plain", "hi".getBytes(StandardCharsets.UTF_8),
                Map.of("Reply-To", "<mailto:alice@example.com>"));
        assertEquals(400, r.getStatusCode());
        assertNull(bobPhone.awaitRequest(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void anUnknownContentTypeGets415WithWhatIsAccepted() throws Exception {
        Response r = alice.sendMessage("sip:bob@opencpm.test", "application/x-unknown",
                "?".getBytes(StandardCharsets.UTF_8), Map.of());
        assertEquals(415, r.getStatusCode());
        assertTrue(r.toString().contains("message/cpim"), r.toString());
        assertNull(bobPhone.awaitRequest(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void unknownRecipientGives404() throws Exception {
        assertEquals(404, alice.sendMessage("sip:nobody@opencpm.test", "hello?").getStatusCode());
    }

    @Test
    void oversizeBodyIsRefusedWithAPointerToLargeMessageMode() throws Exception {
        byte[] big = new byte[1301];
        Arrays.fill(big, (byte) 'x');
        Response r = alice.sendMessage("sip:bob@opencpm.test", "text/plain", big, Map.of());
        assertEquals(413, r.getStatusCode());
        assertTrue(r.getHeader("Warning").toString().contains("large message mode"), r.toString());
        assertNull(bobPhone.awaitRequest(300, TimeUnit.MILLISECONDS));
        byte[] fits = Arrays.copyOf(big, 1300);
        assertEquals(200, alice.sendMessage("sip:bob@opencpm.test", "text/plain", fits, Map.of()).getStatusCode());
    }

    @Test
    void unauthenticatedSenderIsChallengedWith407() throws Exception {
        String message = "MESSAGE sip:bob@opencpm.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKm1\r\n"
                + "From: <sip:alice@opencpm.test>;tag=1\r\nTo: <sip:bob@opencpm.test>\r\nCall-ID: msg-raw-1\r\n"
                + "CSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi";
        String answer = SipTestAgent.sendRawUdp("127.0.0.1", core.port(), message, 3000);
        assertNotNull(answer);
        assertTrue(answer.startsWith("SIP/2.0 407"), answer);
        assertTrue(answer.contains("Proxy-Authenticate: Digest"), answer);
        assertNull(bobPhone.awaitRequest(300, TimeUnit.MILLISECONDS));
    }
}
