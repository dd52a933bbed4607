package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.sip.testkit.SipTestAgent;

/** Standalone messages to a CPM Ad-hoc Group: RFC 5365 MESSAGEs to the CF's ad-hoc address (SD 5.2.2.1.2). */
class AdHocMessageTest {

    private static final String AD_HOC = "sip:adhoc@opencpm.test";
    private static final String REQUIRE = "recipient-list-message";
    private static EmbeddedCore core;

    @BeforeAll
    static void startCore() throws Exception {
        core = new EmbeddedCore(ServiceProviderPolicy.defaults(), new ControllingPolicy("adhoc", 4, true,
                Duration.ofSeconds(10), 1300, Duration.ofDays(7)));
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            core.provision(user, user + "-secret");
        }
    }

    @AfterAll
    static void stopCore() {
        core.close();
    }

    @AfterEach
    void emptyQueues() {
        for (String user : List.of("alice", "bob", "carol", "dave")) {
            core.deferral.purge(user);
        }
    }

    private static SipTestAgent agent(String user) throws Exception {
        return SipTestAgent.udp(user).as(user, "opencpm.test", user + "-secret", "127.0.0.1", core.port());
    }

    static String list(String... uris) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
                + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\""
                + " xmlns:cp=\"urn:ietf:params:xml:ns:copycontrol\"><list>"
                + java.util.Arrays.stream(uris).map(u -> "<entry uri=\"" + u + "\" cp:copyControl=\"to\"/>")
                        .collect(Collectors.joining())
                + "</list></resource-lists>";
    }

    static byte[] multipart(String resourceList, String messageType, String message) {
        return ("--b1\r\nContent-Type: application/resource-lists+xml\r\nContent-Disposition: recipient-list\r\n\r\n"
                + resourceList + "\r\n--b1\r\nContent-Type: " + messageType + "\r\n\r\n" + message + "\r\n--b1--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final String CPIM = "From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
            + "cc: <sip:carol@opencpm.test>\r\nDateTime: 2026-11-21T12:00:00Z\r\n\r\n"
            + "Content-Type: text/plain\r\n\r\nhello you two";

    private static Response send(SipTestAgent from, byte[] body, Map<String, String> headers) throws Exception {
        return from.sendMessage(AD_HOC, "multipart/mixed;boundary=b1", body, headers);
    }

    @Test
    void eachListedRecipientButTheSenderGetsTheMessageAsSentWithTheSendersFrom() throws Exception {
        try (SipTestAgent alice = agent("alice"); SipTestAgent bob = agent("bob"); SipTestAgent carol = agent("carol")) {
            for (SipTestAgent a : List.of(alice, bob, carol)) {
                assertEquals(200, a.register(3600, null).getStatusCode());
            }
            Response r = send(alice, multipart(list("sip:bob@opencpm.test", "sip:carol@OpenCPM.test",
                    "sip:alice@opencpm.test", "sip:dave@opencpm.test"), "message/cpim", CPIM),
                    Map.of("Require", REQUIRE, "Conversation-ID", "adhoc-conv"));
            assertEquals(202, r.getStatusCode());
            for (SipTestAgent recipient : List.of(bob, carol)) {
                Request got = recipient.awaitRequest(3, TimeUnit.SECONDS);
                assertNotNull(got, "each listed recipient gets a copy");
                assertTrue(got.getHeader("From").toString().contains("sip:alice@opencpm.test"), got.toString());
                assertTrue(got.getHeader("P-Asserted-Identity").toString().contains("sip:alice@opencpm.test"));
                assertNull(got.getHeader("Require"), "the option tag was for the CF only");
                assertEquals("Conversation-ID: adhoc-conv", got.getHeader("Conversation-ID").toString().trim());
                assertEquals(CPIM, new String(got.getRawContent(), StandardCharsets.UTF_8), "the message part only");
                assertNull(recipient.awaitRequest(200, TimeUnit.MILLISECONDS), "exactly one copy");
            }
            assertNull(alice.awaitRequest(200, TimeUnit.MILLISECONDS), "the sender is left out");
            assertEquals(1, core.deferral.count("dave"), "an offline recipient's copy is deferred");
            for (SipTestAgent a : List.of(alice, bob, carol)) {
                a.unregisterAll();
            }
        }
    }

    @Test
    void badRequestsGetPreciseAnswersAndNothingIsSent() throws Exception {
        try (SipTestAgent alice = agent("alice")) {
            byte[] good = multipart(list("sip:bob@opencpm.test"), "message/cpim", CPIM);

            Response noRequire = send(alice, good, Map.of());
            assertEquals(421, noRequire.getStatusCode());
            assertEquals(REQUIRE, noRequire.getHeader("Require").toString().split(":", 2)[1].trim());

            Response notMultipart = alice.sendMessage(AD_HOC, "message/cpim", CPIM.getBytes(StandardCharsets.UTF_8),
                    Map.of("Require", REQUIRE));
            assertEquals(415, notMultipart.getStatusCode());
            assertTrue(notMultipart.getHeader("Accept").toString().contains("multipart/mixed"));

            Response tooMany = send(alice, multipart(list("sip:a@opencpm.test", "sip:b@opencpm.test",
                    "sip:c@opencpm.test", "sip:d@opencpm.test", "sip:e@opencpm.test"), "message/cpim", CPIM),
                    Map.of("Require", REQUIRE));
            assertEquals(413, tooMany.getStatusCode());
            assertTrue(tooMany.getReasonPhrase().contains("more than 4"), tooMany.getReasonPhrase());

            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list>"
                    + "<entry uri=\"&x;\"/></list></resource-lists>";
            Response external = send(alice, multipart(xxe, "message/cpim", CPIM), Map.of("Require", REQUIRE));
            assertEquals(400, external.getStatusCode());

            Response noList = alice.sendMessage(AD_HOC, "multipart/mixed;boundary=b1", ("--b1\r\nContent-Type: "
                    + "message/cpim\r\n\r\n" + CPIM + "\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8),
                    Map.of("Require", REQUIRE));
            assertEquals(400, noList.getStatusCode());
            assertTrue(noList.getReasonPhrase().contains("no recipient-list part"), noList.getReasonPhrase());

            Response onlyMe = send(alice, multipart(list("sip:alice@opencpm.test"), "message/cpim", CPIM),
                    Map.of("Require", REQUIRE));
            assertEquals(400, onlyMe.getStatusCode());

            Response badMessage = send(alice, multipart(list("sip:bob@opencpm.test"), "application/octet-stream",
                    "xx"), Map.of("Require", REQUIRE));
            assertEquals(415, badMessage.getStatusCode());

            Response big = send(alice, multipart(list("sip:bob@opencpm.test"), "text/plain", "x".repeat(1301)),
                    Map.of("Require", REQUIRE));
            assertEquals(413, big.getStatusCode(), "the message part is a pager-mode message");

            Response outside = send(alice, multipart(list("sip:zed@example.net"), "message/cpim", CPIM),
                    Map.of("Require", REQUIRE));
            assertEquals(404, outside.getStatusCode());

            Response elsewhere = alice.sendMessage("sip:bob@opencpm.test", "text/plain",
                    "hi".getBytes(StandardCharsets.UTF_8), Map.of("Require", REQUIRE));
            assertEquals(420, elsewhere.getStatusCode(), "only the ad-hoc address offers the URI-list service");
            assertTrue(elsewhere.getHeader("Unsupported").toString().contains(REQUIRE));
        }
        assertEquals(0, core.deferral.count("bob"), "nothing was sent for a refused request");
    }
}
