package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Issue 4 acceptance on WildFly with real SIP UAs: a standalone message to a 20-member pre-defined group reaches
 * every member once, with the sender and the group address; the offline member gets it on registration; a
 * non-member is refused under the members-only policy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupMessagingIT {

    private static final int MEMBERS = 20;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    private static SipTestAgent agent(String user) throws Exception {
        return SipTestAgent.udp(user).as(user, TestServer.DOMAIN, user + "-pw1", TestServer.HOST, TestServer.SIP_PORT);
    }

    private static String newUser(String prefix) throws Exception {
        String user = TestServer.uniqueUser(prefix);
        TestServer.provision(user, user + "-pw1");
        return user;
    }

    @Test
    void aTwentyMemberGroupGetsOneCopyEachAndTheOfflineMemberGetsItOnRegistration() throws Exception {
        String alice = newUser("alice");
        String outsider = newUser("eve");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(newUser("m" + i));
        }
        String id = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "sip:" + id + "@opencpm.test";
        var created = TestServer.send("POST", "/groups", "{\"id\":\"" + id + "\",\"owner\":\"" + alice
                + "\",\"displayName\":\"Team\",\"members\":[" + members.stream()
                .map(m -> "{\"address\":\"sip:" + m + "@opencpm.test\"}").collect(Collectors.joining(","))
                + "]}", true);
        assertEquals(201, created.statusCode(), created.body());

        List<SipTestAgent> devices = new ArrayList<>();
        try (SipTestAgent a = agent(alice); SipTestAgent eve = agent(outsider)) {
            for (String m : members.subList(0, MEMBERS - 1)) { // the last member stays offline for now
                SipTestAgent d = agent(m);
                devices.add(d);
                assertEquals(200, d.register(3600, null).getStatusCode());
            }
            byte[] body = ("From: <sip:" + alice + "@opencpm.test>\r\nTo: <" + group + ">\r\n"
                    + "DateTime: 2026-11-21T12:00:00Z\r\n\r\nContent-Type: text/plain\r\n\r\nhello team")
                    .getBytes(StandardCharsets.UTF_8);
            Response sent = a.sendMessage(group, "message/cpim", body, Map.of("Conversation-ID", id));
            assertEquals(202, sent.getStatusCode());

            for (SipTestAgent d : devices) {
                Request got = d.awaitRequest(5, TimeUnit.SECONDS);
                assertNotNull(got, "every online member gets the message");
                assertTrue(got.getHeader("From").toString().contains(group), got.toString());
                assertTrue(got.getHeader("P-Asserted-Identity").toString().contains("sip:" + alice + "@"));
                assertEquals(new String(body, StandardCharsets.UTF_8),
                        new String(got.getRawContent(), StandardCharsets.UTF_8));
                assertNull(d.awaitRequest(200, TimeUnit.MILLISECONDS), "exactly one copy");
            }
            assertNull(a.awaitRequest(200, TimeUnit.MILLISECONDS), "the sender gets no copy");

            try (SipTestAgent late = agent(members.get(MEMBERS - 1))) {
                assertEquals(200, late.register(3600, null).getStatusCode());
                Request got = late.awaitRequest(5, TimeUnit.SECONDS);
                assertNotNull(got, "the offline member's copy was deferred and is pushed on registration");
                assertTrue(got.getHeader("From").toString().contains(group));
                late.unregisterAll();
            }

            Response refused = eve.sendMessage(group, "text/plain", "let me in".getBytes(StandardCharsets.UTF_8),
                    Map.of());
            assertEquals(403, refused.getStatusCode());
            assertTrue(refused.getReasonPhrase().contains("members"), refused.getReasonPhrase());
        } finally {
            for (SipTestAgent d : devices) {
                d.unregisterAll();
                d.close();
            }
        }
    }
}
