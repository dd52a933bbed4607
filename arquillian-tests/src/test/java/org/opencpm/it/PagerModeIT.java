package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.sip.testkit.SipTestAgent;

/** Issue 2 acceptance on WildFly: users from REST, real UAs over UDP and TCP, the registrar and the PF. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PagerModeIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static SipTestAgent agent(String name, boolean tcp, String user, String password) throws Exception {
        SipTestAgent a = tcp ? SipTestAgent.tcp(name) : SipTestAgent.udp(name);
        return a.as(user, TestServer.DOMAIN, password, TestServer.HOST, TestServer.SIP_PORT);
    }

    @Test
    void messageReachesBothDevicesOfTheRecipientThenUnregisteredIsDeferred() throws Exception {
        String alice = TestServer.uniqueUser("alice");
        String bob = TestServer.uniqueUser("bob");
        TestServer.provision(alice, "alice-password");
        TestServer.provision(bob, "bob-password");
        try (SipTestAgent a = agent("alice", false, alice, "alice-password");
             SipTestAgent phone = agent("bob-phone", false, bob, "bob-password");
             SipTestAgent laptop = agent("bob-laptop", true, bob, "bob-password")) {
            assertEquals(200, a.register(3600, "urn:uuid:" + java.util.UUID.randomUUID()).getStatusCode());
            assertEquals(200, phone.register(3600, "urn:uuid:" + java.util.UUID.randomUUID()).getStatusCode());
            Response both = laptop.register(3600, "urn:uuid:" + java.util.UUID.randomUUID());
            assertEquals(200, both.getStatusCode());
            assertEquals(2, countContacts(both), both.toString());

            String cpim = "From: <sip:" + alice + "@opencpm.test>\r\nTo: <sip:" + bob + "@opencpm.test>\r\n"
                    + "DateTime: 2026-11-21T12:00:00Z\r\n\r\nContent-Type: text/plain\r\n\r\nhello from alice";
            Map<String, String> ids = Map.of("Conversation-ID", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                    "Contribution-ID", "abcdef-1234-5678-90ab-cdef01234567",
                    "InReplyTo-Contribution-ID", "4a7c-in-reply");
            Response sent = a.sendMessage("sip:" + bob + "@opencpm.test", "message/cpim",
                    cpim.getBytes(StandardCharsets.UTF_8), ids);
            assertEquals(200, sent.getStatusCode());
            for (SipTestAgent device : new SipTestAgent[] {phone, laptop}) {
                Request got = device.awaitRequest(5, TimeUnit.SECONDS);
                assertNotNull(got, "each device of bob receives the message");
                assertEquals(cpim, new String(got.getRawContent(), StandardCharsets.UTF_8));
                ids.forEach((name, value) -> assertEquals(name + ": " + value, got.getHeader(name).toString().trim()));
            }

            assertEquals(200, phone.unregisterAll().getStatusCode());
            // No device left: the PF keeps it for later (OMA CPM SD 5.2.5) and says so with 202.
            assertEquals(202, a.sendMessage("sip:" + bob + "@opencpm.test", "anyone?").getStatusCode());
            assertNull(laptop.awaitRequest(300, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void wrongPasswordUnknownUserAndOversizeBodyAreRefused() throws Exception {
        String carol = TestServer.uniqueUser("carol");
        TestServer.provision(carol, "carol-password");
        try (SipTestAgent c = agent("carol", false, carol, "carol-password")) {
            assertEquals(403, c.register(3600, null, "not-her-password").getStatusCode());
            assertEquals(200, c.register(3600, null).getStatusCode());
            byte[] big = new byte[1301];
            Arrays.fill(big, (byte) 'x');
            Response tooBig = c.sendMessage("sip:" + carol + "@opencpm.test", "text/plain", big, Map.of());
            assertEquals(413, tooBig.getStatusCode());
            assertTrue(tooBig.getHeader("Warning").toString().contains("large message mode"));
            assertEquals(404, c.sendMessage("sip:" + TestServer.uniqueUser("nobody") + "@opencpm.test", "hi")
                    .getStatusCode());
            c.unregisterAll();
        }
        try (SipTestAgent ghost = agent("ghost", false, TestServer.uniqueUser("ghost"), "whatever1")) {
            assertEquals(404, ghost.register(3600, null).getStatusCode());
        }
    }

    @Test
    void malformedRequestsAre400AndTheServerCarriesOn() throws Exception {
        String badCseq = "REGISTER sip:opencpm.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKit1\r\n"
                + "From: <sip:x@opencpm.test>;tag=1\r\nTo: <sip:x@opencpm.test>\r\nCall-ID: it-bad-1\r\n"
                + "CSeq: one REGISTER\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        String answer = SipTestAgent.sendRawUdp(TestServer.HOST, TestServer.SIP_PORT, badCseq, 3000);
        assertNotNull(answer, "a malformed header is answered");
        assertTrue(answer.startsWith("SIP/2.0 400"), answer);
        SipTestAgent.sendRawUdp(TestServer.HOST, TestServer.SIP_PORT, "NOT A SIP REQUEST LINE\r\n\r\n", 500);
        String badContact = badCseq.replace("CSeq: one", "CSeq: 1").replace("it-bad-1", "it-bad-2")
                .replace("z9hG4bKit1", "z9hG4bKit2").replace("Content-Length", "Contact: <sip:x@127.0.0.1;>>\r\nContent-Length");
        String contactAnswer = SipTestAgent.sendRawUdp(TestServer.HOST, TestServer.SIP_PORT, badContact, 3000);
        assertNotNull(contactAnswer);
        assertTrue(contactAnswer.startsWith("SIP/2.0 4"), contactAnswer);
        String dave = TestServer.uniqueUser("dave");
        TestServer.provision(dave, "dave-password");
        try (SipTestAgent d = agent("dave", true, dave, "dave-password")) {
            assertEquals(200, d.register(3600, null).getStatusCode(), "the server still serves after bad input");
            d.unregisterAll();
        }
    }

    private static int countContacts(Response r) {
        int n = 0;
        for (var it = r.getHeaders("Contact"); it.hasNext(); it.next()) {
            n++;
        }
        return n;
    }
}
