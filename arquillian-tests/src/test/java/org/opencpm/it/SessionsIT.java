package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sip.message.Request;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * Issue 5 on WildFly, with real SIP user agents and real MSRP peers over loopback TCP: a 1-1 chat through PF A and
 * PF B both ways, torn down with nothing left open; a 5 MB large message to a group along client A - PF A - CF -
 * PF B - client B reaching both online members byte for byte, and the offline member once registered, in each
 * link-establishment variant (set as an operator would, through the management API); a file transfer cut off
 * half-way and resumed by the receiver, byte for byte.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsIT {

    private static final String CHAT = "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session";
    private static final String FILE_TRANSFER = "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.filetransfer";
    private static final String LARGE = "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg";

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static String newUser(String prefix) throws Exception {
        String user = TestServer.uniqueUser(prefix);
        TestServer.provision(user, user + "-pw1");
        return user;
    }

    private static SipTestAgent agent(String user) throws Exception {
        return SipTestAgent.tcp(user).as(user, TestServer.DOMAIN, user + "-pw1", TestServer.HOST, TestServer.SIP_PORT);
    }

    private static SipCall invite(SipTestAgent from, String to, String sdp, String service) throws Exception {
        return from.invite(to, InviteOptions.create().body("application/sdp", sdp.getBytes(StandardCharsets.UTF_8))
                .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + service + "\""));
    }

    @Test
    void aChatGoesBothWaysThroughBothFunctionsAndLeavesNothingOpen() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        try (SipTestAgent a = agent(alice); SipTestAgent b = agent(bob);
             MsrpPeer aMedia = new MsrpPeer(); MsrpPeer bMedia = new MsrpPeer()) {
            b.onInvite(r -> Answer.ok("application/sdp", bMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, b.register(3600, null).getStatusCode());
            SipCall call = invite(a, "sip:" + bob + "@opencpm.test", aMedia.offer(Direction.SENDRECV, Setup.ACTPASS),
                    CHAT);
            assertEquals(200, call.status());
            aMedia.answered(call.body());
            SipCall atBob = b.awaitCall(5, TimeUnit.SECONDS);
            assertNotNull(atBob);

            for (int i = 0; i < 3; i++) {
                assertTrue(aMedia.session.send(OutgoingMessage.of("text/plain", text("ping " + i))).result()
                        .toCompletableFuture().get(10, TimeUnit.SECONDS).isSuccess());
                assertEquals("ping " + i, bMedia.next().text());
                bMedia.session.send(OutgoingMessage.of("text/plain", text("pong " + i)));
                assertEquals("pong " + i, aMedia.next().text());
            }
            assertEquals(200, call.bye().getStatusCode());
            assertNotNull(atBob.awaitRequest(Request.BYE, 5, TimeUnit.SECONDS), "Bob's dialog ended too");
            assertNotNull(bMedia.closed.get(10, TimeUnit.SECONDS), "Bob's MSRP session was released");
            awaitNoMsrpLeft();
            b.unregisterAll();
        }
    }

    @Test
    void aFiveMegabyteLargeMessageReachesEveryMemberOfAGroupWhole() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        String carol = newUser("carol");
        String dave = newUser("dave"); // offline at first
        String group = newGroup("big", alice, List.of(bob, carol, dave));
        byte[] cpim = largeCpim(alice, group, 5 * 1024 * 1024);
        try (SipTestAgent a = agent(alice); SipTestAgent b = agent(bob); SipTestAgent c = agent(carol);
             MsrpPeer aMedia = new MsrpPeer(); MsrpPeer bMedia = new MsrpPeer(); MsrpPeer cMedia = new MsrpPeer()) {
            b.onInvite(r -> Answer.ok("application/sdp", bMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            c.onInvite(r -> Answer.ok("application/sdp", cMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, b.register(3600, null).getStatusCode());
            assertEquals(200, c.register(3600, null).getStatusCode());

            SipCall call = invite(a, group, aMedia.offer(Direction.SENDONLY, Setup.ACTIVE), LARGE);
            assertEquals(200, call.status());
            aMedia.answered(call.body());
            DeliveryResult sent = aMedia.session.send(OutgoingMessage.of("message/cpim", cpim)).result()
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertEquals(200, call.bye().getStatusCode()); // the sender closes after the last chunk
            assertArrayEquals(cpim, bMedia.next().body(), "Bob's copy, byte for byte");
            assertArrayEquals(cpim, cMedia.next().body(), "Carol's copy, byte for byte");
            awaitNoMsrpLeft();

            // Dave's PF took it on his behalf (SD 5.2.2.1.5); it reaches him once he registers.
            try (SipTestAgent d = agent(dave); MsrpPeer dMedia = new MsrpPeer()) {
                d.onInvite(r -> Answer.ok("application/sdp", dMedia.answer(r.getRawContent(), Setup.PASSIVE)));
                assertEquals(200, d.register(3600, null).getStatusCode());
                MsrpPeer.Received late = dMedia.next();
                assertNotNull(late, "the kept large message is delivered on registration");
                assertArrayEquals(cpim, late.body());
                awaitNoMsrpLeft();
                d.unregisterAll();
            }
            b.unregisterAll();
            c.unregisterAll();
        }
    }

    /**
     * SD 5.2.4.6, RFC 5547 sec 9: Alice's client loses its connection half-way through a file; Bob's client, which
     * kept the bytes it had, asks for the rest with {@code a=file-range} in a new transfer of its own, and ends up
     * with the whole file.
     */
    @Test
    void aFileTransferCutOffHalfWayIsResumedAndCompletesByteForByte() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        byte[] file = new byte[4 * 1024 * 1024 + 13];
        new Random(5).nextBytes(file);
        String selector = "file-selector:name:\"holiday.bin\" type:application/octet-stream size:" + file.length
                + " hash:sha-1:" + TestFiles.sha1(file);
        Path kept = Files.createTempFile("holiday", ".bin");
        long present;
        String messageId;
        try (SipTestAgent a = agent(alice); SipTestAgent b = agent(bob);
             MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer().receiveInto(kept, 0)) {
            b.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, b.register(3600, null).getStatusCode());
            SipCall call = invite(a, "sip:" + bob + "@opencpm.test", aliceMedia.offer(Direction.SENDONLY,
                    Setup.ACTPASS, selector, "file-transfer-id:first-try"), FILE_TRANSFER);
            assertEquals(200, call.status());
            aliceMedia.answered(call.body());
            SipCall atBob = b.awaitCall(5, TimeUnit.SECONDS);
            assertNotNull(atBob);
            assertTrue(new String(atBob.invite().getRawContent(), StandardCharsets.UTF_8).contains(selector),
                    "the file-selector reaches Bob as Alice wrote it");

            assertThrows(IOException.class, () -> aliceMedia.session.send(OutgoingMessage.builder(
                    "application/octet-stream", TestFiles.failingAfter(file, file.length / 2), file.length).build()));
            aliceMedia.session.close(); // her client is gone mid-transfer, without a BYE
            Long cutAt = bobMedia.aborted.poll(10, TimeUnit.SECONDS);
            assertNotNull(cutAt, "Bob's client sees the file cut off");
            present = cutAt;
            assertTrue(present > 0 && present <= file.length / 2, Long.toString(present));
            messageId = bobMedia.started.take().messageId();
            assertNotNull(atBob.awaitRequest(Request.BYE, 10, TimeUnit.SECONDS), "Bob's dialog ended by the PF");
            assertNotNull(call.awaitRequest(Request.BYE, 10, TimeUnit.SECONDS), "Alice's dialog ended by the PF");
            awaitNoMsrpLeft();
            b.unregisterAll();
        }

        try (SipTestAgent a = agent(alice); SipTestAgent b = agent(bob);
             MsrpPeer aliceMedia = new MsrpPeer(); MsrpPeer bobMedia = new MsrpPeer().receiveInto(kept, present)) {
            a.onInvite(r -> Answer.ok("application/sdp", aliceMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, a.register(3600, null).getStatusCode());
            String range = "file-range:" + (present + 1) + "-" + file.length;
            SipCall pull = invite(b, "sip:" + alice + "@opencpm.test", bobMedia.offer(Direction.RECVONLY,
                    Setup.ACTPASS, selector, "file-transfer-id:second-try", range), FILE_TRANSFER);
            assertEquals(200, pull.status());
            bobMedia.answered(pull.body());
            SipCall atAlice = a.awaitCall(5, TimeUnit.SECONDS);
            assertNotNull(atAlice);
            String offerAtAlice = new String(atAlice.invite().getRawContent(), StandardCharsets.UTF_8);
            assertTrue(offerAtAlice.contains(range) && offerAtAlice.contains("a=recvonly"), offerAtAlice);

            InputStream rest = new ByteArrayInputStream(file, (int) present, file.length - (int) present);
            DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.builder("application/octet-stream", rest,
                    file.length).resume(messageId, present).build()).result().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertNotNull(bobMedia.next(), "Bob's client has the file whole");
            assertEquals(present + 1, bobMedia.started.take().headers().byteRange().orElseThrow().start());
            assertArrayEquals(file, Files.readAllBytes(kept));
            assertEquals(200, pull.bye().getStatusCode());
            assertNotNull(atAlice.awaitRequest(Request.BYE, 5, TimeUnit.SECONDS));
            awaitNoMsrpLeft();
            a.unregisterAll();
        } finally {
            Files.deleteIfExists(kept);
        }
    }

    /**
     * SD 5.2.4.5, 5.2.4.7 on WildFly: Bob has no device; his PF takes Alice's file, keeps it (on the server's disk,
     * its entry in the database), and offers it when Bob registers, as if from Alice; it arrives byte for byte.
     */
    @Test
    void aFileForAnOfflineUserIsOfferedToHimWhenHeRegisters() throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        byte[] file = new byte[2 * 1024 * 1024 + 9];
        new Random(17).nextBytes(file);
        String selector = "file-selector:name:\"notes.txt\" type:text/plain size:" + file.length;
        try (SipTestAgent a = agent(alice); MsrpPeer aliceMedia = new MsrpPeer()) {
            SipCall call = invite(a, "sip:" + bob + "@opencpm.test", aliceMedia.offer(Direction.SENDONLY,
                    Setup.ACTPASS, selector, "file-transfer-id:for-later"), FILE_TRANSFER);
            assertEquals(200, call.status(), "Bob's PF answers for him");
            aliceMedia.answered(call.body());
            DeliveryResult sent = aliceMedia.session.send(OutgoingMessage.builder("text/plain",
                    new ByteArrayInputStream(file), file.length).build()).result().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertEquals(200, call.bye().getStatusCode());
        }
        awaitNoMsrpLeft();
        try (SipTestAgent b = agent(bob); MsrpPeer bobMedia = new MsrpPeer()) {
            b.onInvite(r -> Answer.ok("application/sdp", bobMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, b.register(3600, null).getStatusCode());
            SipCall atBob = b.awaitCall(10, TimeUnit.SECONDS);
            assertNotNull(atBob, "the kept file is offered on registration");
            assertTrue(new String(atBob.invite().getRawContent(), StandardCharsets.UTF_8).contains("a=" + selector));
            assertTrue(atBob.invite().getHeader("From").toString().contains("sip:" + alice + "@"));
            MsrpPeer.Received received = bobMedia.next();
            assertNotNull(received);
            assertArrayEquals(file, received.body());
            awaitNoMsrpLeft();
            b.unregisterAll();
        }
    }

    @Test
    void inTheInvitedSideVariantTheLargeMessageReachesBothMembersWhole() throws Exception {
        withSessionProperties(Map.of("opencpm.msrp.link-establishment", "invited-side"),
                () -> largeMessageToTwoMembers("invited-side", Setup.ACTIVE, Setup.PASSIVE));
    }

    @Test
    void inTheClientsVariantWithTheCfAnsweringAtOnceTheLargeMessageReachesBothMembersWhole() throws Exception {
        withSessionProperties(Map.of("opencpm.msrp.link-establishment", "clients",
                        "opencpm.cf.session-answer", "immediately"),
                () -> largeMessageToTwoMembers("clients", Setup.PASSIVE, Setup.PASSIVE));
    }

    /**
     * A 5 MB large message to a group of two online members along client A - PF A - CF - PF B - client B, the
     * clients leaving each choice to the server (actpass), so the setups they see show the variant in force: who
     * opens the client-facing connections (ZTE FIG. 1-7).
     */
    private void largeMessageToTwoMembers(String variant, Setup answeredToSender, Setup offeredToMember)
            throws Exception {
        String alice = newUser("alice");
        String bob = newUser("bob");
        String carol = newUser("carol");
        String group = newGroup(variant, alice, List.of(bob, carol));
        byte[] cpim = largeCpim(alice, group, 5 * 1024 * 1024);
        try (SipTestAgent a = agent(alice); SipTestAgent b = agent(bob); SipTestAgent c = agent(carol);
             MsrpPeer aMedia = new MsrpPeer(); MsrpPeer bMedia = new MsrpPeer(); MsrpPeer cMedia = new MsrpPeer()) {
            b.onInvite(r -> Answer.ok("application/sdp", bMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            c.onInvite(r -> Answer.ok("application/sdp", cMedia.answer(r.getRawContent(), Setup.PASSIVE)));
            assertEquals(200, b.register(3600, null).getStatusCode());
            assertEquals(200, c.register(3600, null).getStatusCode());

            SipCall call = invite(a, group, aMedia.offer(Direction.SENDONLY, Setup.ACTPASS), LARGE);
            assertEquals(200, call.status());
            assertTrue(call.bodyText().contains("a=setup:" + answeredToSender.token()), call.bodyText());
            aMedia.answered(call.body());
            SipCall atBob = b.awaitCall(10, TimeUnit.SECONDS);
            assertNotNull(atBob);
            String offerAtBob = new String(atBob.invite().getRawContent(), StandardCharsets.UTF_8);
            assertTrue(offerAtBob.contains("a=setup:" + offeredToMember.token()), offerAtBob);

            DeliveryResult sent = aMedia.session.send(OutgoingMessage.of("message/cpim", cpim)).result()
                    .toCompletableFuture().get(120, TimeUnit.SECONDS);
            assertTrue(sent.isSuccess(), sent.toString());
            assertEquals(200, call.bye().getStatusCode());
            assertArrayEquals(cpim, bMedia.next().body(), "Bob's copy, byte for byte");
            assertArrayEquals(cpim, cMedia.next().body(), "Carol's copy, byte for byte");
            awaitNoMsrpLeft();
            b.unregisterAll();
            c.unregisterAll();
        }
    }

    /**
     * Runs {@code test} with the server's system properties set as given (through the management API, as an
     * operator would), and removes them afterwards: the sessions read them for each new session.
     */
    private void withSessionProperties(Map<String, String> properties, ThrowingRunnable test) throws Exception {
        try {
            for (Map.Entry<String, String> p : properties.entrySet()) {
                ModelNode add = Operations.createAddOperation(systemProperty(p.getKey()));
                add.get("value").set(p.getValue());
                management(add);
            }
            test.run();
        } finally {
            for (String name : properties.keySet()) {
                management(Operations.createRemoveOperation(systemProperty(name)));
            }
        }
    }

    private static ModelNode systemProperty(String name) {
        return Operations.createAddress("system-property", name);
    }

    private void management(ModelNode operation) throws Exception {
        ModelNode result = management.getControllerClient().execute(operation);
        assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static String newGroup(String prefix, String owner, List<String> members) throws Exception {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = TestServer.send("POST", "/groups", "{\"id\":\"" + id + "\",\"owner\":\"" + owner
                + "\",\"displayName\":\"Big\",\"members\":[" + members.stream()
                .map(m -> "{\"address\":\"sip:" + m + "@opencpm.test\"}").collect(Collectors.joining(","))
                + "]}", true);
        assertEquals(201, created.statusCode(), created.body());
        return "sip:" + id + "@opencpm.test";
    }

    /** A CPIM message (RFC 3862) whose text body makes it {@code size} bytes or a little more. */
    private static byte[] largeCpim(String sender, String group, int size) {
        StringBuilder body = new StringBuilder(size);
        Random random = new Random(7);
        while (body.length() < size) {
            body.append((char) ('a' + random.nextInt(26)));
            if (body.length() % 100 == 99) {
                body.append('\n');
            }
        }
        return ("From: <sip:" + sender + "@opencpm.test>\r\nTo: <" + group + ">\r\nDateTime: 2026-11-21T12:00:00Z\r\n"
                + "\r\nContent-Type: text/plain\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Waits until the server's MSRP connector holds no session and no connection (GET /api/health). */
    private static void awaitNoMsrpLeft() throws Exception {
        String health = "";
        for (int i = 0; i < 100; i++) {
            health = TestServer.get("/api/health").body();
            if (health.contains("\"sessions\":0") && health.contains("\"connections\":0")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("MSRP sessions or connections left on the server: " + health);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
