package org.opencpm.message.imdn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpm.message.cpim.CpimMessage;

/** RFC 5438 sec 6.4 routes through an intermediary, and sec 8.3 aggregates (errata 3850). */
class ImdnRoutingAndAggregationTest {

    private static CpimMessage asking(String prefix) {
        return CpimMessage.builder()
                .from("<sip:alice@example.com>")
                .to("<sip:team@example.com>")
                .namespace(prefix, CpimMessage.IMDN_NAMESPACE)
                .header(prefix + ".Message-ID", "34jk324j")
                .dateTime("2008-04-04T12:16:49-05:00")
                .header(prefix + ".Disposition-Notification", "positive-delivery")
                .contentType("text/plain")
                .body("hello".getBytes(UTF_8))
                .build();
    }

    private static ImdnDocument delivered(String recipient) {
        return ImdnDocument.delivery("34jk324j", "2008-04-04T12:16:49-05:00", recipient, recipient,
                DeliveryStatus.DELIVERED);
    }

    @Test
    void anIntermediaryAddsItsRecordRouteOnTopUnderTheSendersPrefix() {
        CpimMessage once = ImdnMessages.withRecordRoute(asking("x"), "sip:cf2@example.com");
        CpimMessage twice = ImdnMessages.withRecordRoute(once, "sip:team@example.com");

        assertEquals(List.of("sip:team@example.com", "sip:cf2@example.com"), ImdnMessages.recordRoutes(twice));
        assertTrue(new String(twice.toBytes(), UTF_8).contains(
                "x.IMDN-Record-Route: <sip:team@example.com>\r\nx.IMDN-Record-Route: <sip:cf2@example.com>\r\n"));
        CpimMessage reread = CpimMessage.parse(twice.toBytes());
        assertEquals(List.of("sip:team@example.com", "sip:cf2@example.com"), ImdnMessages.recordRoutes(reread));
        assertEquals("hello", new String(reread.body(), UTF_8), "the content is untouched");
    }

    @Test
    void aMessageWithoutTheImdnNamespaceCannotBeRecordRouted() {
        CpimMessage plain = CpimMessage.builder().from("<sip:a@example.com>").to("<sip:b@example.com>")
                .contentType("text/plain").body("x".getBytes(UTF_8)).build();
        ImdnFormatException e = assertThrows(ImdnFormatException.class,
                () -> ImdnMessages.withRecordRoute(plain, "sip:team@example.com"));
        assertEquals("message declares no imdn namespace", e.getMessage());
    }

    @Test
    void routesOfANotificationAreRead() {
        CpimMessage n = CpimMessage.builder().from("<sip:bob@example.com>").to("<sip:alice@example.com>")
                .namespace("imdn", CpimMessage.IMDN_NAMESPACE)
                .header("imdn.Message-ID", "n1")
                .header("imdn.IMDN-Route", "<sip:team@example.com>")
                .contentType(ImdnDocument.MEDIA_TYPE).body(delivered("sip:bob@example.com").toXml()).build();
        assertEquals(List.of("sip:team@example.com"), ImdnMessages.routes(n));
        assertEquals(List.of(), ImdnMessages.recordRoutes(n));
    }

    @Test
    void aBrokenRouteIsRefused() {
        CpimMessage n = CpimMessage.builder().from("<sip:bob@example.com>").to("<sip:alice@example.com>")
                .namespace("imdn", CpimMessage.IMDN_NAMESPACE)
                .header("imdn.IMDN-Route", "sip:team@example.com")
                .contentType("text/plain").body("x".getBytes(UTF_8)).build();
        assertThrows(ImdnFormatException.class, () -> ImdnMessages.routes(n));
    }

    @Test
    void anAggregateCarriesEachNotificationAsItsOwnPartAndReadsBack() {
        List<ImdnDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(delivered("sip:m" + i + "@example.com"));
        }
        CpimMessage aggregate = ImdnMessages.aggregateFor("\"Team\" <sip:team@example.com>",
                "<sip:alice@example.com>", "agg1", "2008-04-04T12:17:00Z", docs, "imdn-b1");

        String wire = new String(aggregate.toBytes(), UTF_8);
        assertTrue(wire.contains("Content-Type: multipart/mixed;boundary=imdn-b1\r\n"
                + "Content-Disposition: notification\r\n"), wire);
        assertTrue(wire.contains("--imdn-b1\r\nContent-Type: message/imdn+xml\r\n"
                + "Content-Disposition: notification\r\n\r\n<imdn xmlns="), wire);
        CpimMessage reread = CpimMessage.parse(aggregate.toBytes());
        assertTrue(ImdnMessages.isAggregate(reread));
        assertFalse(ImdnMessages.isNotification(reread));
        assertEquals(docs, ImdnMessages.aggregated(reread).stream()
                .map(d -> new ImdnDocument(d.messageId(), d.dateTime(), d.recipientUri(), d.recipientUri(),
                        d.subject(), d.type(), d.status()))
                .toList(), "each document, its repeated original-recipient-uri left out");
    }

    @Test
    void theCompactFormIsSmallerAndStillAValidDocument() {
        ImdnDocument doc = delivered("sip:m1@example.com");
        byte[] compact = doc.toCompactXml();
        assertTrue(compact.length < doc.toXml().length - 60, compact.length + " vs " + doc.toXml().length);
        ImdnDocument back = ImdnDocument.parse(compact);
        assertEquals("sip:m1@example.com", back.recipientUri());
        assertEquals(null, back.originalRecipientUri());

        ImdnDocument forwarded = ImdnDocument.delivery("1", "2008-04-04T12:16:49Z", "sip:b@x", "sip:a@x",
                DeliveryStatus.DELIVERED);
        assertEquals("sip:a@x", ImdnDocument.parse(forwarded.toCompactXml()).originalRecipientUri(),
                "a different original recipient is kept");
    }

    @Test
    void anAggregateWithAPartThatIsNotANotificationIsRefused() {
        byte[] body = ("--b\r\nContent-Type: message/imdn+xml\r\n\r\n"
                + new String(delivered("sip:m1@x").toXml(), UTF_8) + "\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "sneaky\r\n--b--\r\n").getBytes(UTF_8);
        CpimMessage m = CpimMessage.builder().from("<sip:team@x>").to("<sip:alice@x>")
                .contentType("multipart/mixed;boundary=b").contentHeader("Content-Disposition", "notification")
                .body(body).build();
        ImdnFormatException e = assertThrows(ImdnFormatException.class, () -> ImdnMessages.aggregated(m));
        assertEquals("aggregated notifications: every part must be message/imdn+xml", e.getMessage());
    }

    @Test
    void anAggregateWithADoctypeIsRefused() {
        byte[] body = ("--b\r\nContent-Type: message/imdn+xml\r\n\r\n<?xml version=\"1.0\"?>"
                + "<!DOCTYPE imdn [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><imdn>&x;</imdn>\r\n--b--\r\n")
                .getBytes(UTF_8);
        CpimMessage m = CpimMessage.builder().from("<sip:team@x>").to("<sip:alice@x>")
                .contentType("multipart/mixed;boundary=b").contentHeader("Content-Disposition", "notification")
                .body(body).build();
        assertThrows(ImdnFormatException.class, () -> ImdnMessages.aggregated(m));
    }
}
