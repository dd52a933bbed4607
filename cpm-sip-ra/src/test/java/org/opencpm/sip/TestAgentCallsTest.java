package org.opencpm.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;

/** The test kit's calls from one agent straight to another, no server between them (each is the other's proxy). */
class TestAgentCallsTest {

    private static final String SDP = "application/sdp";
    private static final String CPM_SESSION =
            "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session\"";

    private static SipTestAgent[] pair(boolean tcp) throws Exception {
        SipTestAgent carol = tcp ? SipTestAgent.tcp("carol") : SipTestAgent.udp("carol");
        SipTestAgent dave = tcp ? SipTestAgent.tcp("dave") : SipTestAgent.udp("dave");
        carol.as("carol", "opencpm.test", "x", "127.0.0.1", dave.port());
        dave.as("dave", "opencpm.test", "x", "127.0.0.1", carol.port());
        return new SipTestAgent[] {carol, dave};
    }

    private static byte[] sdp(String user) {
        return ("v=0\r\no=" + user + " 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=message 7394 TCP/MSRP *\r\na=path:msrp://127.0.0.1:7394/" + user + ";tcp\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void featureTagsGoInTheContactOfTheInviteAndOfTheAnswer() throws Exception {
        SipTestAgent[] agents = pair(false);
        try (SipTestAgent carol = agents[0]; SipTestAgent dave = agents[1]) {
            carol.withFeatureTags(CPM_SESSION, "+g.oma.sip-im");
            dave.withFeatureTags(CPM_SESSION).onInvite(invite -> Answer.ok(SDP, sdp("dave")));
            SipCall call = carol.invite("sip:dave@opencpm.test", SDP, sdp("carol"), Map.of());
            assertEquals(200, call.status());
            assertTrue(call.header("Contact").contains("icsi-ref"), call.header("Contact"));

            SipCall callee = dave.awaitCall(3, TimeUnit.SECONDS);
            String contact = callee.invite().getHeader("Contact").toString();
            assertTrue(contact.contains("oma.cpm.session") && contact.contains("+g.oma.sip-im"), contact);
            assertTrue(carol.contact().startsWith("<" + carol.contactUri() + ">;+g.3gpp.icsi-ref="));
            assertEquals(200, call.bye().getStatusCode());
        }
    }

    @Test
    void cancelStopsADelayedAnswer() throws Exception {
        SipTestAgent[] agents = pair(false);
        try (SipTestAgent carol = agents[0]; SipTestAgent dave = agents[1]) {
            dave.onInvite(invite -> Answer.ok(SDP, sdp("dave")).after(Duration.ofMillis(1500)));
            SipCall call = carol.startInvite("sip:dave@opencpm.test", InviteOptions.create().body(SDP, sdp("carol")));
            assertNotNull(call.awaitProvisional(180, 3, TimeUnit.SECONDS), "180 Ringing comes first");
            assertEquals(200, call.cancel().getStatusCode());
            assertEquals(487, call.status());

            SipCall callee = dave.awaitCall(1, TimeUnit.SECONDS);
            assertEquals(487, callee.status());
            assertNotNull(callee.awaitRequest("CANCEL", 1, TimeUnit.SECONDS));
            Thread.sleep(2000); // past the delay: the cancelled 200 is never sent
            assertEquals(487, callee.status());
            assertEquals(List.of(180), callee.provisionalResponses().stream().map(r -> r.getStatusCode()).toList());
        }
    }

    @Test
    void overTcpTheCalleeReinvitesAndAnswersAByeItsOwnWay() throws Exception {
        SipTestAgent[] agents = pair(true);
        try (SipTestAgent carol = agents[0]; SipTestAgent dave = agents[1]) {
            dave.onInvite(invite -> Answer.ok(SDP, sdp("dave")).withHeader("X-Answered-By", "dave"));
            SipCall call = carol.invite("sip:dave@opencpm.test", SDP, sdp("carol"), Map.of());
            assertEquals(200, call.status());
            assertEquals("dave", call.header("X-Answered-By"));
            SipCall callee = dave.awaitCall(3, TimeUnit.SECONDS);
            assertNotNull(callee.awaitAck(3, TimeUnit.SECONDS));

            call.onReinvite(reinvite -> Answer.ok(SDP, sdp("carol-2")));
            Response answer = callee.reinvite(SDP, sdp("dave-2"));
            assertEquals(200, answer.getStatusCode());
            assertEquals(new String(sdp("carol-2"), StandardCharsets.UTF_8),
                    new String(answer.getRawContent(), StandardCharsets.UTF_8));
            assertNotNull(call.awaitRequest("INVITE", 1, TimeUnit.SECONDS));

            callee.onBye(481);
            assertEquals(481, call.bye().getStatusCode(), "the BYE answered per the callee's policy");
            assertTrue(call.isTerminated() && callee.isTerminated(), "a BYE ends the dialog whatever its answer");
        }
    }
}
