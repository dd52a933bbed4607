package org.opencpm.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpm.message.imdn.DeliveryStatus;
import org.opencpm.message.imdn.ImdnDocument;

class ServerNotificationsTest {

    private static StandaloneMessage message(String dispositions, String senderIdentity) {
        String cpim = "From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
                + "DateTime: 2026-11-21T12:00:00Z\r\nNS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: m1\r\n"
                + (dispositions == null ? "" : "imdn.Disposition-Notification: " + dispositions + "\r\n")
                + "\r\nContent-Type: text/plain\r\n\r\nHello";
        byte[] body = cpim.getBytes(StandardCharsets.UTF_8);
        return new StandaloneMessage("bob", "sip:bob@opencpm.test", "<sip:alice@opencpm.test>", senderIdentity,
                senderIdentity == null, "sip:alice@opencpm.test", List.of("Conversation-ID: c1", "Subject: x"),
                "message/cpim", body, PayloadInspector.inspect("message/cpim", body));
    }

    @Test
    void aNegativeNotificationGoesToTheSenderWhenAskedFor() {
        StandaloneMessage n = ServerNotifications.delivery(message("negative-delivery", "sip:alice@opencpm.test"),
                DeliveryStatus.FAILED, "alice", Instant.parse("2026-11-22T00:00:00Z")).orElseThrow();
        assertEquals("alice", n.recipient());
        assertEquals("sip:alice@opencpm.test", n.recipientAddress());
        assertEquals("sip:bob@opencpm.test", n.senderIdentity());
        assertEquals(List.of("Conversation-ID: c1"), n.headerLines());
        ImdnDocument doc = n.payload().notification();
        assertEquals("m1", doc.messageId());
        assertEquals("2026-11-21T12:00:00Z", doc.dateTime());
        assertEquals("failed", doc.status());
        assertTrue(n.payload().imdnMessageId() != null && !n.payload().imdnMessageId().equals("m1"));
    }

    @Test
    void nothingWhenNotAskedForOrWhenTheSenderIsAnonymous() {
        Instant now = Instant.now();
        assertTrue(ServerNotifications.delivery(message("negative-delivery", "sip:alice@opencpm.test"),
                DeliveryStatus.DELIVERED, "alice", now).isEmpty());
        assertTrue(ServerNotifications.delivery(message(null, "sip:alice@opencpm.test"),
                DeliveryStatus.FAILED, "alice", now).isEmpty());
        assertTrue(ServerNotifications.delivery(message("negative-delivery", null),
                DeliveryStatus.FAILED, null, now).isEmpty());
    }
}
