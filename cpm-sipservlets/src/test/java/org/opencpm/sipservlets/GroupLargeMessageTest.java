package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.msrp.testkit.MsrpPeer;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.ExpiredHandling;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;
import org.opencpm.sipservlets.session.LinkEstablishment;
import org.opencpm.sipservlets.session.SessionPolicy;

/**
 * A large message to a pre-defined group along the ZTE chain client A - PF A - CF - PF B - client B (OMA CPM SD
 * 5.2.2.1.5) in each link-establishment variant and with the CF answering at once or after the first member: both
 * online members get it byte for byte, the offline one has it kept by their PF, and nothing stays open.
 */
class GroupLargeMessageTest {

    @ParameterizedTest
    @CsvSource({"INVITING_SIDE,false", "INVITED_SIDE,false", "CLIENTS,false", "INVITING_SIDE,true",
            "CLIENTS,true"})
    void aLargeMessageReachesEveryMemberWhole(LinkEstablishment links, boolean cfAnswersAtOnce) throws Exception {
        SessionPolicy sessions = new SessionPolicy(links, cfAnswersAtOnce, Duration.ofSeconds(5), 16L << 20, 1L << 30,
                true);
        ServiceProviderPolicy provider = new ServiceProviderPolicy(DeferredDelivery.PUSH, ExpiredHandling.DISCARD,
                MultiDevicePolicy.ALL, Duration.ofSeconds(2), 16);
        try (EmbeddedCore core = new EmbeddedCore(provider, ControllingPolicy.defaults(), sessions);
             SipTestAgent alice = agent(core, "alice");
             SipTestAgent bob = agent(core, "bob");
             SipTestAgent carol = agent(core, "carol");
             MsrpPeer aliceMedia = new MsrpPeer();
             MsrpPeer bobMedia = new MsrpPeer();
             MsrpPeer carolMedia = new MsrpPeer()) {
            core.provision("dave", "dave-pw"); // a member with no device
            core.groups.create("alice", new GroupDraft("team", "Team", GroupPolicy.defaults(), List.of(
                    member("bob"), member("carol"), member("dave"))));
            // Clients let the server choose (actpass) when they answer, so each variant decides every hop.
            bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            carol.onInvite(r -> Answer.ok("application/sdp", carolMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, bob.register(3600, null).getStatusCode());
            assertEquals(200, carol.register(3600, null).getStatusCode());

            SipCall call = alice.invite("sip:team@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                    .body("application/sdp", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS)
                            .getBytes(StandardCharsets.UTF_8))
                    .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg\""));
            assertEquals(200, call.status());
            String answer = call.bodyText();
            // The client-facing answer follows the variant: the client opens unless the invited side does.
            assertTrue(answer.contains(links == LinkEstablishment.INVITED_SIDE ? "a=setup:active" : "a=setup:passive"),
                    answer);
            aliceMedia.answered(call.body());

            SipCall atBob = bob.awaitCall(10, TimeUnit.SECONDS);
            assertNotNull(atBob);
            String offerAtBob = new String(atBob.invite().getRawContent(), StandardCharsets.UTF_8);
            assertTrue(offerAtBob.contains(links == LinkEstablishment.INVITING_SIDE ? "a=setup:active"
                    : "a=setup:passive"), offerAtBob);
            assertTrue(atBob.invite().getHeader("From").toString().contains("sip:team@"), "from the group");
            assertTrue(atBob.invite().getHeader("P-Asserted-Identity").toString().contains("sip:alice@"));

            byte[] body = new byte[3_000_000];
            new Random(links.ordinal()).nextBytes(body);
            DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.of("application/octet-stream", body))
                    .result().toCompletableFuture().get(60, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertEquals(200, call.bye().getStatusCode());
            assertArrayEquals(body, bobMedia.next().body(), "Bob's copy");
            assertArrayEquals(body, carolMedia.next().body(), "Carol's copy");
            awaitReleased(core);
        }
    }

    /**
     * RFC 5366: a large message INVITE to the CF's ad-hoc address with the recipients beside the offer reaches
     * each listed user but the sender through the CF, from the sender; without the option tag it is 421.
     */
    @Test
    void aLargeMessageToAnAdHocListReachesEveryListedUserWhole() throws Exception {
        try (EmbeddedCore core = new EmbeddedCore();
             SipTestAgent alice = agent(core, "alice");
             SipTestAgent bob = agent(core, "bob");
             SipTestAgent carol = agent(core, "carol");
             MsrpPeer aliceMedia = new MsrpPeer();
             MsrpPeer bobMedia = new MsrpPeer();
             MsrpPeer carolMedia = new MsrpPeer()) {
            bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            carol.onInvite(r -> Answer.ok("application/sdp", carolMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, bob.register(3600, null).getStatusCode());
            assertEquals(200, carol.register(3600, null).getStatusCode());
            String adHoc = "sip:adhoc@" + EmbeddedCore.DOMAIN;
            byte[] body = AdHocMessageTest.multipart(AdHocMessageTest.list("sip:bob@opencpm.test",
                    "sip:carol@opencpm.test", "sip:alice@opencpm.test"), "application/sdp",
                    aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS));
            InviteOptions invite = InviteOptions.create().body("multipart/mixed;boundary=b1", body)
                    .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg\"");
            assertEquals(421, alice.invite(adHoc, invite).status(), "RFC 5366 asks for Require");

            SipCall call = alice.invite(adHoc, invite.header("Require", "recipient-list-invite"));
            assertEquals(200, call.status());
            aliceMedia.answered(call.body());
            SipCall atBob = bob.awaitCall(10, TimeUnit.SECONDS);
            assertNotNull(atBob);
            assertTrue(atBob.invite().getHeader("From").toString().contains("sip:alice@"), "from the sender");
            byte[] message = new byte[1_000_000];
            new Random(9).nextBytes(message);
            DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.of("application/octet-stream", message))
                    .result().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertEquals(200, call.bye().getStatusCode());
            assertArrayEquals(message, bobMedia.next().body(), "Bob's copy");
            assertArrayEquals(message, carolMedia.next().body(), "Carol's copy");
            awaitReleased(core);
        }
    }

    private static SipTestAgent agent(EmbeddedCore core, String user) throws Exception {
        core.provision(user, user + "-pw");
        return SipTestAgent.tcp(user).as(user, EmbeddedCore.DOMAIN, user + "-pw", "127.0.0.1", core.port());
    }

    private static GroupMember member(String user) {
        return new GroupMember("sip:" + user + "@" + EmbeddedCore.DOMAIN, GroupRole.PARTICIPANT, null);
    }

    static void awaitReleased(EmbeddedCore core) throws InterruptedException {
        for (int i = 0; i < 300 && (core.msrp.statistics().sessions() > 0 || core.msrp.statistics().connections() > 0);
             i++) {
            Thread.sleep(50);
        }
        assertEquals(0, core.msrp.statistics().sessions(), "every server MSRP session released");
        assertEquals(0, core.msrp.statistics().connections(), "every server MSRP connection released");
    }
}
