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
 * non-member is refused under the members-only policy; the 20 members' delivery notifications reach the sender
 * aggregated through the group; an ad-hoc list of 5 recipients (RFC 5365) works the same.
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

    private static List<String> newUsers(String prefix, int count) throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(newUser(prefix + i));
        }
        return users;
    }

    /** A group of {@code owner} and {@code members} created over REST; its address. */
    private static String newGroup(String idPrefix, String displayName, String owner, List<String> members)
            throws Exception {
        String id = idPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = TestServer.send("POST", "/groups", "{\"id\":\"" + id + "\",\"owner\":\"" + owner
                + "\",\"displayName\":\"" + displayName + "\",\"members\":[" + members.stream()
                .map(m -> "{\"address\":\"sip:" + m + "@opencpm.test\"}").collect(Collectors.joining(","))
                + "]}", true);
        assertEquals(201, created.statusCode(), created.body());
        return "sip:" + id + "@opencpm.test";
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
        List<String> members = newUsers("m", MEMBERS);
        String group = newGroup("team", "Team", alice, members);
        String id = group.substring(4, group.indexOf('@'));

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

    @Test
    void deliveryNotificationsFromTwentyMembersReachTheSenderAggregated() throws Exception {
        String alice = newUser("alice");
        List<String> members = newUsers("n", MEMBERS);
        String group = newGroup("crew", "Crew", alice, members);
        String id = group.substring(4, group.indexOf('@'));

        List<SipTestAgent> devices = new ArrayList<>();
        try (SipTestAgent a = agent(alice)) {
            assertEquals(200, a.register(3600, null).getStatusCode());
            for (String m : members) {
                SipTestAgent d = agent(m);
                devices.add(d);
                assertEquals(200, d.register(3600, null).getStatusCode());
            }
            String messageId = "agg-" + id;
            assertEquals(202, a.sendMessage(group, "message/cpim",
                    CpimBodies.text(alice, id, messageId, "positive-delivery", "did you all get this?"), Map.of())
                    .getStatusCode());

            for (int i = 0; i < MEMBERS; i++) {
                Request copy = devices.get(i).awaitRequest(5, TimeUnit.SECONDS);
                assertNotNull(copy, "every member gets the message");
                String route = CpimBodies.recordRoute(copy.getRawContent());
                assertEquals(group, route, "the CF asks for the notifications to come back through the group");
                // What an RFC 5438 client does: the notification goes to the IMDN-Record-Route, naming it.
                Response sent = devices.get(i).sendMessage(route, "message/cpim",
                        CpimBodies.delivered(members.get(i), alice, "n-" + i + "-" + id, messageId, route), Map.of());
                assertEquals(202, sent.getStatusCode());
            }

            Map<String, Integer> notified = new java.util.HashMap<>();
            int messages = 0;
            int aggregates = 0;
            while (notified.size() < MEMBERS) {
                Request got = a.awaitRequest(15, TimeUnit.SECONDS);
                assertNotNull(got, "notifications for " + (MEMBERS - notified.size()) + " members still missing");
                messages++;
                assertTrue(got.getHeader("From").toString().contains(group), "from the group: " + got);
                String body = new String(got.getRawContent(), StandardCharsets.UTF_8);
                assertTrue(got.getRawContent().length <= 1300, "a pager-mode message: " + body.length());
                if (body.contains("Content-Type: multipart/mixed")) {
                    aggregates++;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<recipient-uri>sip:([^@]+)@")
                        .matcher(body);
                while (m.find()) {
                    notified.merge(m.group(1), 1, Integer::sum);
                }
                assertTrue(body.contains("<message-id>" + messageId + "</message-id>"), body);
            }
            assertEquals(new java.util.HashSet<>(members), notified.keySet());
            assertTrue(notified.values().stream().allMatch(n -> n == 1), "each member's notification once: "
                    + notified);
            // Pager-mode aggregates (the default 1300-byte budget) hold two or three notifications each.
            assertTrue(messages <= MEMBERS / 2, messages + " messages carried 20 notifications");
            assertTrue(aggregates >= messages - 1, aggregates + " of " + messages + " are aggregates");
            assertNull(a.awaitRequest(500, TimeUnit.MILLISECONDS), "nothing more");
            a.unregisterAll();
        } finally {
            for (SipTestAgent d : devices) {
                d.unregisterAll();
                d.close();
            }
        }
    }

    @Test
    void anAdHocListOfFiveRecipientsWorksTheSame() throws Exception {
        String alice = newUser("alice");
        List<String> recipients = newUsers("r", 5);
        String list = resourceList(recipients.stream().map(r -> "sip:" + r + "@opencpm.test").toList());
        String cpim = "From: <sip:" + alice + "@opencpm.test>\r\nTo: <sip:" + recipients.get(0)
                + "@opencpm.test>\r\nDateTime: 2026-11-21T12:00:00Z\r\n\r\nContent-Type: text/plain\r\n\r\nhi five";
        List<SipTestAgent> devices = new ArrayList<>();
        try (SipTestAgent a = agent(alice)) {
            for (String r : recipients.subList(0, 4)) { // the last one is offline for now
                SipTestAgent d = agent(r);
                devices.add(d);
                assertEquals(200, d.register(3600, null).getStatusCode());
            }
            Response sent = a.sendMessage(AD_HOC, "multipart/mixed;boundary=list-b", adHocBody(list, cpim),
                    Map.of("Require", "recipient-list-message", "Conversation-ID", "five-" + alice));
            assertEquals(202, sent.getStatusCode());
            for (SipTestAgent d : devices) {
                Request got = d.awaitRequest(5, TimeUnit.SECONDS);
                assertNotNull(got, "each listed recipient gets the message");
                assertTrue(got.getHeader("From").toString().contains("sip:" + alice + "@"), got.toString());
                assertEquals(cpim, new String(got.getRawContent(), StandardCharsets.UTF_8));
                assertNull(d.awaitRequest(200, TimeUnit.MILLISECONDS), "exactly one copy");
            }
            try (SipTestAgent late = agent(recipients.get(4))) {
                assertEquals(200, late.register(3600, null).getStatusCode());
                Request got = late.awaitRequest(5, TimeUnit.SECONDS);
                assertNotNull(got, "the offline recipient's copy was deferred and is pushed on registration");
                assertEquals(cpim, new String(got.getRawContent(), StandardCharsets.UTF_8));
                late.unregisterAll();
            }

            List<String> tooMany = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                tooMany.add("sip:someone" + i + "@opencpm.test");
            }
            assertEquals(413, a.sendMessage(AD_HOC, "multipart/mixed;boundary=list-b",
                    adHocBody(resourceList(tooMany), cpim), Map.of("Require", "recipient-list-message"))
                    .getStatusCode(), "the provider's list bound (100 by default)");
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list><entry uri=\"&x;\"/>"
                    + "</list></resource-lists>";
            assertEquals(400, a.sendMessage(AD_HOC, "multipart/mixed;boundary=list-b", adHocBody(xxe, cpim),
                    Map.of("Require", "recipient-list-message")).getStatusCode());
            assertEquals(421, a.sendMessage(AD_HOC, "multipart/mixed;boundary=list-b", adHocBody(list, cpim),
                    Map.of()).getStatusCode());
            for (SipTestAgent d : devices) {
                assertNull(d.awaitRequest(200, TimeUnit.MILLISECONDS), "nothing from the refused requests");
            }
        } finally {
            for (SipTestAgent d : devices) {
                d.unregisterAll();
                d.close();
            }
        }
    }

    private static final String AD_HOC = "sip:adhoc@opencpm.test";

    private static String resourceList(List<String> uris) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<resource-lists xmlns=\"urn:ietf:params:xml:ns:"
                + "resource-lists\" xmlns:cp=\"urn:ietf:params:xml:ns:copycontrol\"><list>" + uris.stream()
                .map(u -> "<entry uri=\"" + u + "\" cp:copyControl=\"to\"/>").collect(Collectors.joining())
                + "</list></resource-lists>";
    }

    /** An RFC 5365 body: the recipient list, then the message. */
    private static byte[] adHocBody(String resourceList, String cpim) {
        return ("--list-b\r\nContent-Type: application/resource-lists+xml\r\nContent-Disposition: recipient-list"
                + "\r\n\r\n" + resourceList + "\r\n--list-b\r\nContent-Type: message/cpim\r\n\r\n" + cpim
                + "\r\n--list-b--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
