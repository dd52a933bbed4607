package org.opencpm.sipservlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.ContactHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencpm.sip.testkit.SipTestAgent;

class RegistrarServletTest {

    private static EmbeddedCore core;

    @BeforeAll
    static void start() throws Exception {
        core = new EmbeddedCore();
        core.provision("alice", "alice-secret");
        core.provision("bob", "bob-secret");
        core.provision("carol", "carol-secret");
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    private static List<String> contacts(Response r) {
        List<String> list = new ArrayList<>();
        ListIterator<?> it = r.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            list.add(it.next().toString().trim());
        }
        return list;
    }

    @Test
    void twoDevicesOfOneUserAreBothBoundAndCanLeave() throws Exception {
        try (SipTestAgent phone = SipTestAgent.udp("phone"); SipTestAgent tablet = SipTestAgent.tcp("tablet")) {
            phone.as("alice", "opencpm.test", "alice-secret", "127.0.0.1", core.port());
            tablet.as("alice", "opencpm.test", "alice-secret", "127.0.0.1", core.port());
            assertEquals(200, phone.register(3600, "urn:uuid:00000000-0000-0000-0000-00000000a001").getStatusCode());
            Response both = tablet.register(1800, "urn:uuid:00000000-0000-0000-0000-00000000a002");
            assertEquals(200, both.getStatusCode());
            List<String> bound = contacts(both);
            assertEquals(2, bound.size(), bound.toString());
            assertTrue(bound.stream().anyMatch(c -> c.contains(":" + phone.port()) && c.contains("a001")), bound.toString());
            assertTrue(bound.stream().anyMatch(c -> c.contains(":" + tablet.port()) && c.contains("expires=1800")
                    || c.contains(":" + tablet.port()) && c.contains("expires=179")), bound.toString());
            assertNotNull(both.getHeader("Date"));

            Response afterLeave = phone.register(0, "urn:uuid:00000000-0000-0000-0000-00000000a001");
            assertEquals(200, afterLeave.getStatusCode());
            assertEquals(1, contacts(afterLeave).size(), contacts(afterLeave).toString());

            Response none = tablet.unregisterAll();
            assertEquals(200, none.getStatusCode());
            assertEquals(0, contacts(none).size());
        }
    }

    @Test
    void reRegisteringTheSameInstanceReplacesItsBinding() throws Exception {
        try (SipTestAgent first = SipTestAgent.udp("first"); SipTestAgent moved = SipTestAgent.udp("moved")) {
            first.as("carol", "opencpm.test", "carol-secret", "127.0.0.1", core.port());
            moved.as("carol", "opencpm.test", "carol-secret", "127.0.0.1", core.port());
            String instance = "urn:uuid:00000000-0000-0000-0000-00000000c001";
            assertEquals(200, first.register(3600, instance).getStatusCode());
            Response r = moved.register(3600, instance);
            List<String> bound = contacts(r);
            assertEquals(1, bound.size(), bound.toString());
            assertTrue(bound.get(0).contains(":" + moved.port()), bound.toString());
            moved.unregisterAll();
        }
    }

    @Test
    void wrongPasswordIsForbiddenAndUnknownUserIsNotFound() throws Exception {
        try (SipTestAgent ua = SipTestAgent.udp("ua")) {
            ua.as("bob", "opencpm.test", "bob-secret", "127.0.0.1", core.port());
            assertEquals(403, ua.register(3600, null, "wrong-password").getStatusCode());
            ua.as("nobody", "opencpm.test", "x", "127.0.0.1", core.port());
            assertEquals(404, ua.register(3600, null).getStatusCode());
        }
    }

    @Test
    void tooShortExpiryGets423WithMinExpires() throws Exception {
        try (SipTestAgent ua = SipTestAgent.udp("ua")) {
            ua.as("bob", "opencpm.test", "bob-secret", "127.0.0.1", core.port());
            Response r = ua.register(10, null);
            assertEquals(423, r.getStatusCode());
            assertEquals("60", r.getHeader("Min-Expires").toString().split(":")[1].trim());
        }
    }

    @Test
    void registerWithoutCredentialsIsChallengedAndMalformedOnesAreRefused() throws Exception {
        String register = "REGISTER sip:opencpm.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${port};branch=z9hG4bKreg1\r\n"
                + "From: <sip:bob@opencpm.test>;tag=1\r\nTo: <sip:bob@opencpm.test>\r\nCall-ID: reg-raw-1\r\n"
                + "CSeq: 1 REGISTER\r\nMax-Forwards: 70\r\nContact: <sip:bob@127.0.0.1:${port}>\r\n"
                + "Content-Length: 0\r\n\r\n";
        String challenge = SipTestAgent.sendRawUdp("127.0.0.1", core.port(), register, 3000);
        assertNotNull(challenge);
        assertTrue(challenge.startsWith("SIP/2.0 401"), challenge);
        assertTrue(challenge.contains("WWW-Authenticate: Digest realm=\"opencpm.test\""), challenge);

        String badAuth = register.replace("reg-raw-1", "reg-raw-2").replace("z9hG4bKreg1", "z9hG4bKreg2").replace("Content-Length",
                "Authorization: Digest username=\"bob\", realm=\"opencpm.test\", nonce=\"abc\"\r\nContent-Length");
        String refused = SipTestAgent.sendRawUdp("127.0.0.1", core.port(), badAuth, 3000);
        assertNotNull(refused);
        assertTrue(refused.startsWith("SIP/2.0 400"), refused);
    }
}
