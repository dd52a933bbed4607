package org.opencpm.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.message.imdn.NotificationType;

class PayloadInspectorTest {

    private static final String MESSAGE = "From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
            + "DateTime: 2026-11-21T12:00:00Z\r\nNS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: 34jk324j\r\n"
            + "imdn.Disposition-Notification: positive-delivery, negative-delivery\r\n"
            + "\r\nContent-Type: text/plain\r\n\r\nHello";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheImdnRequestOfACpimMessage() {
        Payload p = PayloadInspector.inspect("message/cpim", utf8(MESSAGE));
        assertEquals("text/plain", p.payloadType());
        assertEquals("34jk324j", p.imdnMessageId());
        assertTrue(p.disposition().positiveDelivery());
        assertTrue(p.disposition().negativeDelivery());
        assertEquals("2026-11-21T12:00:00Z", p.dateTime());
        assertFalse(p.isNotification());
        assertFalse(p.transientIndication());
    }

    @Test
    void readsADeliveryNotification() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><imdn xmlns=\"urn:ietf:params:xml:ns:imdn\">"
                + "<message-id>34jk324j</message-id><datetime>2026-11-21T12:00:00Z</datetime>"
                + "<delivery-notification><status><delivered/></status></delivery-notification></imdn>";
        String cpim = "From: <sip:bob@opencpm.test>\r\nTo: <sip:alice@opencpm.test>\r\nNS: imdn <urn:ietf:params:imdn>\r\n"
                + "imdn.Message-ID: n1\r\nDateTime: 2026-11-21T12:00:01Z\r\n\r\nContent-Type: message/imdn+xml\r\n"
                + "Content-Disposition: notification\r\n\r\n" + xml;
        Payload p = PayloadInspector.inspect("message/cpim", utf8(cpim));
        assertNotNull(p.notification());
        assertEquals("34jk324j", p.notification().messageId());
        assertEquals(NotificationType.DELIVERY, p.notification().type());
    }

    @Test
    void bareTextAndIsComposing() {
        assertEquals("text/plain", PayloadInspector.inspect("text/plain; charset=UTF-8", utf8("hi")).payloadType());
        assertTrue(PayloadInspector.inspect("application/im-iscomposing+xml", utf8("<x/>")).transientIndication());
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "application/x-unknown|payload|415",
            "text/html|<p>hi</p>|415",
            "text/plain||400",
            "message/cpim|From: <sip:a@b>\\r\\n\\r\\nContent-Type: text/plain\\r\\n\\r\\nhi|400",
            "message/cpim|no separator at all|400",
    })
    void refusesWhatItCannotTake(String type, String body, int status) {
        byte[] raw = body == null ? new byte[0] : utf8(body.replace("\\r\\n", "\r\n"));
        BadMessageException e = assertThrows(BadMessageException.class, () -> PayloadInspector.inspect(type, raw));
        assertEquals(status, e.status());
        assertFalse(e.reasonPhrase().contains("\n"));
    }

    @Test
    void aDispositionRequestNeedsMessageIdAndDateTime() {
        BadMessageException noId = assertThrows(BadMessageException.class, () -> PayloadInspector.inspect(
                "message/cpim", utf8(MESSAGE.replace("imdn.Message-ID: 34jk324j\r\n", ""))));
        assertTrue(noId.getMessage().contains("Message-ID"));
        BadMessageException noDate = assertThrows(BadMessageException.class, () -> PayloadInspector.inspect(
                "message/cpim", utf8(MESSAGE.replace("DateTime: 2026-11-21T12:00:00Z\r\n", ""))));
        assertTrue(noDate.getMessage().contains("DateTime"));
    }

    @Test
    void aBrokenNotificationIsRefused() {
        String cpim = "From: <sip:bob@opencpm.test>\r\nTo: <sip:alice@opencpm.test>\r\n\r\n"
                + "Content-Type: message/imdn+xml\r\n\r\n<imdn xmlns=\"urn:ietf:params:xml:ns:imdn\">";
        assertEquals(400, assertThrows(BadMessageException.class,
                () -> PayloadInspector.inspect("message/cpim", utf8(cpim))).status());
    }
}
