package org.opencpm.message.imdn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImdnDocumentTest {

    private static final String NS = "urn:ietf:params:xml:ns:imdn";
    private static final String SECRET = "s3cr3t-do-not-leak";

    /** The RFC 5438 delivery notification example, line wrap inside a start tag and all. */
    static final String RFC5438_DELIVERY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <imdn xmlns="urn:ietf:params:xml:ns:imdn">
              <message-id>34jk324j</message-id>
              <datetime>2008-04-04T12:16:49-05:00</datetime>
              <recipient-uri>im:bob@example.com</recipient-uri>
              <original-recipient-uri
                 >im:bob@example.com</original-recipient-uri>
              <delivery-notification>
                 <status>
                    <delivered/>
                 </status>
              </delivery-notification>
            </imdn>
            """;

    /** The RFC 5438 display notification example. */
    private static final String RFC5438_DISPLAY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <imdn xmlns="urn:ietf:params:xml:ns:imdn">
              <message-id>34jk324j</message-id>
              <datetime>2008-04-04T12:16:49-05:00</datetime>
              <recipient-uri>im:bob@example.com</recipient-uri>
              <original-recipient-uri
                 >im:bob@example.com</original-recipient-uri>
              <display-notification>
                 <status>
                    <displayed/>
                 </status>
              </display-notification>
            </imdn>
            """;

    private static ImdnDocument parse(String xml) {
        return ImdnDocument.parse(xml.getBytes(UTF_8));
    }

    /** A document around the given notification element; "-" leaves message-id or datetime out. */
    private static String doc(String messageId, String dateTime, String rest) {
        return "<imdn xmlns=\"" + NS + "\">"
                + (messageId.equals("-") ? "" : "<message-id>" + messageId + "</message-id>")
                + (dateTime.equals("-") ? "" : "<datetime>" + dateTime + "</datetime>")
                + rest + "</imdn>";
    }

    private static String delivery(String statusContent) {
        return doc("m1", "2008-04-04T12:16:49-05:00",
                "<delivery-notification><status>" + statusContent + "</status></delivery-notification>");
    }

    @Test
    void parsesTheRfc5438DeliveryExample() {
        ImdnDocument d = parse(RFC5438_DELIVERY);
        assertEquals("34jk324j", d.messageId());
        assertEquals("2008-04-04T12:16:49-05:00", d.dateTime());
        assertEquals("im:bob@example.com", d.recipientUri());
        assertEquals("im:bob@example.com", d.originalRecipientUri());
        assertNull(d.subject());
        assertEquals(NotificationType.DELIVERY, d.type());
        assertEquals("delivered", d.status());
        assertEquals(Optional.of(DeliveryStatus.DELIVERED), d.deliveryStatus());
        assertEquals(Optional.empty(), d.displayStatus());
        assertEquals(Optional.empty(), d.processingStatus());
    }

    @Test
    void parsesTheRfc5438DisplayExample() {
        ImdnDocument d = parse(RFC5438_DISPLAY);
        assertEquals(ImdnDocument.display("34jk324j", "2008-04-04T12:16:49-05:00", "im:bob@example.com",
                "im:bob@example.com", DisplayStatus.DISPLAYED), d);
        assertEquals(Optional.of(DisplayStatus.DISPLAYED), d.displayStatus());
        assertEquals(Optional.empty(), d.deliveryStatus());
    }

    @Test
    void parsesAProcessingNotification() {
        ImdnDocument d = parse(doc("m1", "2008-04-04T12:16:49-05:00",
                "<processing-notification><status><stored/></status></processing-notification>"));
        assertEquals(NotificationType.PROCESSING, d.type());
        assertEquals(Optional.of(ProcessingStatus.STORED), d.processingStatus());
        assertNull(d.recipientUri());
    }

    @Test
    void writesInSchemaOrder() {
        ImdnDocument d = new ImdnDocument("34jk324j", "2008-04-04T12:16:49-05:00", "im:bob@example.com",
                "im:bob@example.com", "Tom & <Jerry>\r\n", NotificationType.DELIVERY, "delivered");
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <imdn xmlns="urn:ietf:params:xml:ns:imdn">
                  <message-id>34jk324j</message-id>
                  <datetime>2008-04-04T12:16:49-05:00</datetime>
                  <recipient-uri>im:bob@example.com</recipient-uri>
                  <original-recipient-uri>im:bob@example.com</original-recipient-uri>
                  <subject>Tom &amp; &lt;Jerry&gt;&#13;
                </subject>
                  <delivery-notification><status><delivered/></status></delivery-notification>
                </imdn>
                """, new String(d.toXml(), UTF_8));
    }

    @Test
    void leavesOutAbsentOptionalElements() {
        ImdnDocument d = ImdnDocument.processing("m1", "2008-04-04T12:16:49Z", null, null, ProcessingStatus.ERROR);
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <imdn xmlns="urn:ietf:params:xml:ns:imdn">
                  <message-id>m1</message-id>
                  <datetime>2008-04-04T12:16:49Z</datetime>
                  <processing-notification><status><error/></status></processing-notification>
                </imdn>
                """, new String(d.toXml(), UTF_8));
    }

    static Stream<ImdnDocument> everyStatus() {
        Stream<ImdnDocument> delivery = Stream.of(DeliveryStatus.values())
                .map(s -> ImdnDocument.delivery("m-" + s, "2008-04-04T12:16:49Z", "sip:b@example.com", null, s));
        Stream<ImdnDocument> display = Stream.of(DisplayStatus.values())
                .map(s -> ImdnDocument.display("m-" + s, "2008-04-04T12:16:49Z", null, "tel:+15551234567", s));
        Stream<ImdnDocument> processing = Stream.of(ProcessingStatus.values())
                .map(s -> ImdnDocument.processing("m-" + s, "2008-04-04T12:16:49Z", null, null, s));
        ImdnDocument awkward = new ImdnDocument("a&b<c>", "2008-04-04T12:16:49Z", "sip:b@example.com?x=1&y=2",
                null, "  \"quoted\" 'x' \u00fc \ud83d\ude00 \r\n\t ", NotificationType.DISPLAY, "displayed");
        return Stream.of(delivery, display, processing, Stream.of(awkward)).flatMap(s -> s);
    }

    @ParameterizedTest
    @MethodSource("everyStatus")
    void roundTrips(ImdnDocument d) {
        assertEquals(d, ImdnDocument.parse(d.toXml()));
    }

    @Test
    void statusNamesAreTheRfcElementNames() {
        assertEquals("delivered failed forbidden error",
                String.join(" ", Stream.of(DeliveryStatus.values()).map(DeliveryStatus::xmlName).toList()));
        assertEquals("displayed forbidden error",
                String.join(" ", Stream.of(DisplayStatus.values()).map(DisplayStatus::xmlName).toList()));
        assertEquals("processed stored forbidden error",
                String.join(" ", Stream.of(ProcessingStatus.values()).map(ProcessingStatus::xmlName).toList()));
        assertEquals(DeliveryStatus.FAILED, DeliveryStatus.fromXml("failed"));
        assertEquals(ProcessingStatus.STORED, ProcessingStatus.fromXml("stored"));
        assertEquals("IMDN display status unknown: Displayed",
                assertThrows(ImdnFormatException.class, () -> DisplayStatus.fromXml("Displayed")).getMessage());
        assertEquals("delivery-notification", NotificationType.DELIVERY.xmlName());
    }

    @Test
    void acceptsPrefixesExtensionsAndComments() {
        ImdnDocument d = parse("""
                <?xml version="1.0"?>
                <!-- a comment -->
                <i:imdn xmlns:i="urn:ietf:params:xml:ns:imdn" xmlns:x="urn:example:ext">
                  <x:note>ignored</x:note>
                  <i:message-id> m7 </i:message-id>
                  <i:datetime>2008-04-04T12:16:49Z</i:datetime>
                  <i:future-element/>
                  <i:display-notification>
                    <x:extra/>
                    <i:status><!-- no --><i:forbidden/></i:status>
                  </i:display-notification>
                </i:imdn>
                """);
        assertEquals("m7", d.messageId());
        assertEquals(Optional.of(DisplayStatus.FORBIDDEN), d.displayStatus());
    }

    static Stream<Arguments> malformed() {
        String dt = "2008-04-04T12:16:49Z";
        String ok = "<delivery-notification><status><delivered/></status></delivery-notification>";
        return Stream.of(
                Arguments.of("not xml", "IMDN XML not well-formed or has a DOCTYPE (line 1)"),
                Arguments.of("<imdn xmlns=\"" + NS + "\">\n<message-id>m1</message-id>\n",
                        "IMDN XML not well-formed or has a DOCTYPE (line 3)"),
                Arguments.of("<imdn xmlns=\"" + NS + "\"><message-id>a</datetime></imdn>",
                        "IMDN XML not well-formed or has a DOCTYPE (line 1)"),
                Arguments.of(doc("m1", dt, ok).replace("<imdn ", "<imdnx ").replace("</imdn>", "</imdnx>"),
                        "IMDN root element must be imdn in urn:ietf:params:xml:ns:imdn"),
                Arguments.of(doc("m1", dt, ok).replace(" xmlns=\"" + NS + "\"", ""),
                        "IMDN root element must be imdn in urn:ietf:params:xml:ns:imdn"),
                Arguments.of(doc("m1", dt, ok).replace(NS, "urn:ietf:params:xml:ns:imdn2"),
                        "IMDN root element must be imdn in urn:ietf:params:xml:ns:imdn"),
                Arguments.of(doc("-", dt, ok), "IMDN message-id missing"),
                Arguments.of(doc(" \n ", dt, ok), "IMDN message-id missing"),
                Arguments.of(doc("m1", "-", ok), "IMDN datetime missing"),
                Arguments.of(doc("m1", dt, "<message-id>m2</message-id>" + ok), "IMDN has more than one message-id"),
                Arguments.of(doc("m1", dt, "<datetime>x</datetime>" + ok), "IMDN has more than one datetime"),
                Arguments.of(doc("m1", dt, ""), "IMDN has no notification element"),
                Arguments.of(doc("m1", dt, ok + ok), "IMDN has more than one notification element"),
                Arguments.of(doc("m1", dt, ok + ok.replace("delivery", "display").replace("delivered", "displayed")),
                        "IMDN has more than one notification element"),
                Arguments.of(doc("m1", dt, "<delivery-notification/>"),
                        "IMDN delivery-notification needs exactly one status"),
                Arguments.of(doc("m1", dt, "<display-notification><status><displayed/></status>"
                        + "<status><displayed/></status></display-notification>"),
                        "IMDN display-notification needs exactly one status"),
                Arguments.of(delivery(""), "IMDN status must hold exactly one element"),
                Arguments.of(delivery("delivered"), "IMDN status must hold exactly one element"),
                Arguments.of(delivery("<delivered/><failed/>"), "IMDN status must hold exactly one element"),
                Arguments.of(delivery("<bogus/>"), "IMDN delivery status unknown: bogus"),
                Arguments.of(delivery("<displayed/>"), "IMDN delivery status unknown: displayed"),
                Arguments.of(delivery("<Delivered/>"), "IMDN delivery status unknown: Delivered"),
                Arguments.of(delivery("<x:delivered xmlns:x=\"urn:example\"/>"),
                        "IMDN delivery status unknown: delivered"),
                Arguments.of(delivery("<d\u00e9livr\u00e9/>"), "IMDN delivery status unknown"),
                Arguments.of(delivery("<" + "a".repeat(41) + "/>"), "IMDN delivery status unknown"),
                Arguments.of(doc("m1", dt, "<processing-notification><status><displayed/></status>"
                        + "</processing-notification>"), "IMDN processing status unknown: displayed"),
                Arguments.of(doc("m1", dt, "<subject>\u0001</subject>" + ok),
                        "IMDN XML not well-formed or has a DOCTYPE (line 1)"),
                Arguments.of(doc("m1", dt, "<subject>" + "x".repeat(ImdnDocument.MAX_SIZE) + "</subject>" + ok),
                        "IMDN document too large"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void rejectsWithAPreciseOneLineReason(String xml, String reason) {
        ImdnFormatException e = assertThrows(ImdnFormatException.class, () -> parse(xml));
        assertEquals(reason, e.getMessage());
        assertTrue(e.getMessage().matches("[\\x20-\\x7e]{1,100}"), e.getMessage());
    }

    @Test
    void rejectsAnExternalEntity(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE imdn [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + delivery("<delivered/>").replace("<message-id>m1", "<message-id>&xxe;");
        assertDoctypeRefused(xxe);
    }

    @Test
    void rejectsAParameterEntityAndAnExternalDtd(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        assertDoctypeRefused("<!DOCTYPE imdn [<!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p;]>\n"
                + delivery("<delivered/>").replace("<message-id>m1", "<message-id>&leak;"));
        assertDoctypeRefused("<!DOCTYPE imdn SYSTEM \"" + dtd.toUri() + "\">\n"
                + delivery("<delivered/>").replace("<message-id>m1", "<message-id>&leak;"));
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE imdn [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        assertDoctypeRefused(dtd + delivery("<delivered/>").replace("<message-id>m1", "<message-id>&lol9;"));
    }

    private static void assertDoctypeRefused(String xml) {
        ImdnFormatException e = assertThrows(ImdnFormatException.class, () -> parse(xml));
        assertTrue(e.getMessage().startsWith("IMDN XML not well-formed or has a DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void xincludeIsNotFollowed(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        ImdnDocument d = parse(doc("m1", "2008-04-04T12:16:49Z",
                "<subject><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" parse=\"text\" href=\""
                        + secret.toUri() + "\"/></subject>"
                        + "<delivery-notification><status><delivered/></status></delivery-notification>"));
        assertEquals("", d.subject());
    }

    @Test
    void constructorChecksWhatItHolds() {
        assertEquals("IMDN message-id missing", assertThrows(ImdnFormatException.class,
                () -> ImdnDocument.delivery(null, "2008-04-04T12:16:49Z", null, null, DeliveryStatus.DELIVERED))
                .getMessage());
        assertEquals("IMDN datetime missing", assertThrows(ImdnFormatException.class,
                () -> ImdnDocument.delivery("m1", " ", null, null, DeliveryStatus.DELIVERED)).getMessage());
        assertEquals("IMDN display status unknown: delivered", assertThrows(ImdnFormatException.class,
                () -> new ImdnDocument("m1", "2008-04-04T12:16:49Z", null, null, null, NotificationType.DISPLAY,
                        "delivered")).getMessage());
        assertEquals("IMDN text has a character XML cannot carry", assertThrows(ImdnFormatException.class,
                () -> ImdnDocument.delivery("m\u0000", "2008-04-04T12:16:49Z", null, null, DeliveryStatus.FAILED))
                .getMessage());
        assertEquals("IMDN text has a character XML cannot carry", assertThrows(ImdnFormatException.class,
                () -> new ImdnDocument("m1", "2008-04-04T12:16:49Z", null, null, "\ud800", NotificationType.DELIVERY,
                        "failed")).getMessage());
    }
}
