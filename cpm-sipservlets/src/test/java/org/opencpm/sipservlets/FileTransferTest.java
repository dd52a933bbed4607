package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencpm.group.GroupDraft;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRole;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.msrp.testkit.MsrpPeer;
import org.opencpm.msrp.testkit.TestFiles;
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * File transfer to an offline user (OMA CPM SD 5.2.4.5, 5.2.4.7, RFC 5547) through the PF of each side in the
 * embedded container, with real SIP user agents and real MSRP peers over loopback TCP. The resumed transfer (SD
 * 5.2.4.6) is shown on WildFly, in SessionsIT.
 */
class FileTransferTest {

    static final String FILE_TRANSFER = "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.filetransfer";

    private EmbeddedCore core;
    private SipTestAgent alice;
    private SipTestAgent bob;

    @BeforeEach
    void start() throws Exception {
        core = new EmbeddedCore();
        core.provision("alice", "alice-pw");
        core.provision("bob", "bob-pw");
        alice = SipTestAgent.tcp("alice").as("alice", EmbeddedCore.DOMAIN, "alice-pw", "127.0.0.1", core.port());
        bob = SipTestAgent.tcp("bob").as("bob", EmbeddedCore.DOMAIN, "bob-pw", "127.0.0.1", core.port());
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        core.close();
    }

    /**
     * SD 5.2.4.5, 5.2.4.7: Bob is offline; his PF takes Alice's file on his behalf, keeps it on disk, and offers it
     * to Bob's device when he registers, as if from Alice, described as she did (file-selector, file-icon,
     * file-disposition) under a transfer id of its own. The file arrives byte for byte, then nothing is kept.
     */
    @Test
    void aFileForAnOfflineUserIsTakenByHisPfAndOfferedAgainWhenHeRegisters() throws Exception {
        byte[] file = new byte[3 * 1024 * 1024 + 5];
        new Random(11).nextBytes(file);
        String selector = "file-selector:name:\"plans.pdf\" type:application/pdf size:" + file.length
                + " hash:sha-1:" + TestFiles.sha1(file);
        try (MsrpPeer aliceMedia = new MsrpPeer()) {
            SipCall call = invite(alice, "bob", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS, selector,
                    "file-transfer-id:offline-1", "file-icon:cid:thumb-1@alice.example",
                    "file-disposition:attachment"));
            assertEquals(200, call.status(), "Bob's PF answers for him");
            String answer = call.bodyText();
            assertTrue(answer.contains("a=recvonly") && answer.contains("a=" + selector), answer);
            aliceMedia.answered(call.body());
            DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.builder("application/pdf",
                    new ByteArrayInputStream(file), file.length).build()).result().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertEquals(200, call.bye().getStatusCode());
        }
        awaitNoServerSessions();
        assertEquals(1, core.deferredMessages.count("bob"), "queued for Bob");
        assertEquals(1, keptFileCount(), "the file is on the PF's disk");

        try (MsrpPeer bobMedia = new MsrpPeer()) {
            bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, bob.register(3600, null).getStatusCode());
            SipCall atBob = bob.awaitCall(10, TimeUnit.SECONDS);
            assertNotNull(atBob, "the file is offered when Bob registers");
            String offer = new String(atBob.invite().getRawContent(), StandardCharsets.UTF_8);
            assertTrue(offer.contains("a=" + selector) && offer.contains("a=file-icon:cid:thumb-1@alice.example")
                    && offer.contains("a=file-disposition:attachment") && offer.contains("a=sendonly"), offer);
            assertTrue(offer.contains("a=file-transfer-id:") && !offer.contains("offline-1"), offer);
            assertTrue(atBob.invite().getHeader("From").toString().contains("sip:alice@"), "as if from Alice");
            assertTrue(atBob.invite().getHeader("Accept-Contact").toString().contains("filetransfer"));
            MsrpPeer.Received received = bobMedia.next();
            assertNotNull(received);
            assertEquals("application/pdf", received.contentType());
            assertArrayEquals(file, received.body());
            assertNotNull(atBob.awaitRequest(Request.BYE, 10, TimeUnit.SECONDS), "the PF closes after the file");
        }
        for (int i = 0; i < 100 && (core.deferredMessages.count("bob") > 0 || keptFileCount() > 0); i++) {
            Thread.sleep(50);
        }
        assertEquals(0, core.deferredMessages.count("bob"), "nothing left queued");
        assertEquals(0, keptFileCount(), "nothing left on disk");
        awaitNoServerSessions();
    }

    @Test
    void aFileCutOffBeforeItsEndIsNotKept() throws Exception {
        byte[] file = new byte[2 * 1024 * 1024];
        new Random(3).nextBytes(file);
        try (MsrpPeer aliceMedia = new MsrpPeer()) {
            SipCall call = invite(alice, "bob", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS,
                    "file-selector:name:\"cut.bin\" type:application/octet-stream size:" + file.length));
            assertEquals(200, call.status());
            aliceMedia.answered(call.body());
            assertThrows(IOException.class, () -> aliceMedia.session.send(OutgoingMessage.builder(
                    "application/octet-stream", TestFiles.failingAfter(file, file.length / 2), file.length).build()));
            assertEquals(200, call.bye().getStatusCode());
        }
        awaitNoServerSessions();
        assertEquals(0, core.deferredMessages.count("bob"));
        assertEquals(0, keptFileCount(), "the partial file is removed");
    }

    /**
     * SD 5.2.4.2: a file to a pre-defined group reaches every other member through the CF, the thumbnail and the
     * file-selector passed through as the sender wrote them.
     */
    @Test
    void aFileToAGroupReachesEveryOtherMemberWithItsDescription() throws Exception {
        core.provision("carol", "carol-pw");
        core.groups.create("alice", new GroupDraft("friends", "Friends", GroupPolicy.defaults(), List.of(
                new GroupMember("sip:bob@" + EmbeddedCore.DOMAIN, GroupRole.PARTICIPANT, null),
                new GroupMember("sip:carol@" + EmbeddedCore.DOMAIN, GroupRole.PARTICIPANT, null))));
        byte[] file = new byte[1024 * 1024 + 3];
        new Random(23).nextBytes(file);
        String selector = "file-selector:name:\"photo.jpg\" type:image/jpeg size:" + file.length;
        String icon = "file-icon:cid:thumb-2@alice.example";
        try (SipTestAgent carol = SipTestAgent.tcp("carol").as("carol", EmbeddedCore.DOMAIN, "carol-pw", "127.0.0.1",
                core.port());
             MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer();
             MsrpPeer carolMedia = new MsrpPeer()) {
            bob.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            carol.onInvite(r -> Answer.ok("application/sdp", carolMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, bob.register(3600, null).getStatusCode());
            assertEquals(200, carol.register(3600, null).getStatusCode());
            SipCall call = alice.invite("sip:friends@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                    .body("application/sdp", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS, selector, icon,
                            "file-transfer-id:to-friends").getBytes(StandardCharsets.UTF_8))
                    .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + FILE_TRANSFER + "\""));
            assertEquals(200, call.status());
            aliceMedia.answered(call.body());
            for (SipTestAgent member : List.of(bob, carol)) {
                SipCall atMember = member.awaitCall(10, TimeUnit.SECONDS);
                assertNotNull(atMember);
                String offer = new String(atMember.invite().getRawContent(), StandardCharsets.UTF_8);
                assertTrue(offer.contains("a=" + selector) && offer.contains("a=" + icon), offer);
            }
            DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.builder("image/jpeg",
                    new ByteArrayInputStream(file), file.length).build()).result().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertEquals(200, call.bye().getStatusCode());
            assertArrayEquals(file, bobMedia.next().body(), "Bob's copy");
            assertArrayEquals(file, carolMedia.next().body(), "Carol's copy");
        }
        awaitNoServerSessions();
    }

    @Test
    void aFileOverTheProvidersLimitIsRefusedWithAWarning() throws Exception {
        try (MsrpPeer aliceMedia = new MsrpPeer()) {
            SipCall call = invite(alice, "bob", aliceMedia.offer(Direction.SENDONLY, Setup.ACTPASS,
                    "file-selector:name:\"huge.iso\" type:application/octet-stream size:" + (2L << 30)));
            assertEquals(488, call.status());
            assertTrue(call.header("Warning").contains("over the limit of 1073741824"), call.header("Warning"));
        }
        awaitNoServerSessions();
    }

    private long keptFileCount() throws IOException {
        if (!Files.isDirectory(core.keptFiles.directory())) {
            return 0;
        }
        try (var files = Files.list(core.keptFiles.directory())) {
            return files.count();
        }
    }

    private static SipCall invite(SipTestAgent from, String to, String offer) throws Exception {
        return from.invite("sip:" + to + "@" + EmbeddedCore.DOMAIN, InviteOptions.create()
                .body("application/sdp", offer.getBytes(StandardCharsets.UTF_8))
                .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + FILE_TRANSFER + "\""));
    }

    private void awaitNoServerSessions() throws InterruptedException {
        for (int i = 0; i < 200 && (core.msrp.statistics().sessions() > 0 || core.msrp.statistics().connections() > 0);
             i++) {
            Thread.sleep(50);
        }
        assertEquals(0, core.msrp.statistics().sessions(), "every server MSRP session released");
        assertEquals(0, core.msrp.statistics().connections(), "every server MSRP connection released");
    }
}
