package org.opencpm.message.imdn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.message.cpim.CpimFormatException;
import org.opencpm.message.cpim.CpimMessage;

class ImdnMessagesTest {

    private static final ImdnDocument DELIVERED = ImdnDocument.delivery("34jk324j", "2008-04-04T12:16:49-05:00",
            "im:bob@example.com", "im:bob@example.com", DeliveryStatus.DELIVERED);

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(UTF_8);
    }

    @Test
    void wrapsAnImdnAsTheRfc5438ExamplesDo() {
        CpimMessage m = ImdnMessages.notificationFor("Bob <im:bob@example.com>", "Alice <im:alice@example.com>",
                "d834jied93rf", "2008-04-04T12:16:49-05:00", DELIVERED);

        byte[] xml = DELIVERED.toXml();
        String expectedHead = """
                From: Bob <im:bob@example.com>
                To: Alice <im:alice@example.com>
                NS: imdn <urn:ietf:params:imdn>
                imdn.Message-ID: d834jied93rf
                DateTime: 2008-04-04T12:16:49-05:00

                Content-Type: message/imdn+xml
                Content-Disposition: notification
                Content-Length: %d

                """.formatted(xml.length);
        assertEquals(new String(crlf(expectedHead), UTF_8) + new String(xml, UTF_8), new String(m.toBytes(), UTF_8));

        CpimMessage back = CpimMessage.parse(m.toBytes());
        assertTrue(ImdnMessages.isNotification(back));
        assertEquals(Optional.of("d834jied93rf"), ImdnMessages.messageId(back));
        assertEquals(Optional.of("notification"), back.contentDisposition());
        assertEquals(DELIVERED, ImdnDocument.parse(back.body()));
        assertEquals(DispositionRequest.none(), ImdnMessages.dispositionRequest(back));
    }

    @Test
    void refusesABrokenEnvelope() {
        CpimFormatException e = assertThrows(CpimFormatException.class, () -> ImdnMessages.notificationFor(
                "bob@example.com", "<im:alice@example.com>", "d834jied93rf", "2008-04-04T12:16:49-05:00",
                DELIVERED));
        assertEquals("CPIM From not of the form [Formal-name] <URI>", e.getMessage());
        e = assertThrows(CpimFormatException.class, () -> ImdnMessages.notificationFor("<im:bob@example.com>",
                "<im:alice@example.com>", "d834jied93rf", "yesterday", DELIVERED));
        assertEquals("CPIM DateTime not RFC 3339", e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "message/imdn+xml                      | true",
        "Message/IMDN+XML                      | true",
        "message/imdn+xml; charset=utf-8       | true",
        "message/imdn+xml;charset=\"UTF-8\"    | true",
        "text/plain                            | false",
        "message/imdn                          | false",
        "multipart/mixed; boundary=x           | false",
    })
    void recognisesNotificationsByContentType(String contentType, boolean notification) {
        CpimMessage m = CpimMessage.builder().from("<sip:a@example.com>").to("<sip:b@example.com>")
                .contentType(contentType).build();
        assertEquals(notification, ImdnMessages.isNotification(m));
    }

    @Test
    void readsTheRequestOfAnInstantMessage() {
        CpimMessage m = CpimMessage.parse(crlf("""
                From: Alice <im:alice@example.com>
                To: Bob <im:bob@example.com>
                NS: imdn <urn:ietf:params:imdn>
                imdn.Message-ID: 34jk324j
                DateTime: 2006-04-04T12:16:49-05:00
                imdn.Disposition-Notification: positive-delivery, display

                Content-type: text/plain
                Content-length: 11

                Hello World"""));
        assertFalse(ImdnMessages.isNotification(m));
        assertEquals(Optional.of("34jk324j"), ImdnMessages.messageId(m));
        assertEquals(DispositionRequest.of(true, false, true, false), ImdnMessages.dispositionRequest(m));
    }

    @Test
    void newMessageIdsAreUrlSafeLongAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ImdnMessages.newMessageId();
            assertTrue(id.matches("[A-Za-z0-9_-]{16,}"), id);
            assertTrue(seen.add(id), id);
        }
    }
}
