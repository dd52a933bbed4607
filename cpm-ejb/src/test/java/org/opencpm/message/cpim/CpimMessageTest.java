package org.opencpm.message.cpim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpimMessageTest {

    /** The RFC 3862 example message: a lang-tagged Subject, an NS prefix, a Require. */
    private static final String RFC3862_EXAMPLE = """
            From: MR SANDERS <im:piglet@100akerwood.com>
            To: Depressed Donkey <im:eeyore@100akerwood.com>
            DateTime: 2000-12-13T13:40:00-08:00
            Subject: the weather will be fine today
            Subject:;lang=fr beau temps prevu pour aujourd'hui
            NS: MyFeatures <mid:MessageFeatures@id.foo.com>
            Require: MyFeatures.VitalMessageOption
            MyFeatures.VitalMessageOption: Confirmation-requested
            MyFeatures.WackyMessageOption: Use-silly-font

            Content-type: text/xml; charset=utf-8
            Content-ID: <1234567890@foo.com>

            <body>
            Here is the text of my message.
            </body>
            """;

    /** The RFC 5438 sec 7.1.1 instant message asking for delivery and display notifications. */
    private static final String RFC5438_REQUEST = """
            From: Alice <im:alice@example.com>
            To: Bob <im:bob@example.com>
            NS: imdn <urn:ietf:params:imdn>
            imdn.Message-ID: 34jk324j
            DateTime: 2006-04-04T12:16:49-05:00
            imdn.Disposition-Notification: positive-delivery, display

            Content-type: text/plain
            Content-length: 11

            Hello World""";

    static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(UTF_8);
    }

    @Test
    void parsesTheRfc3862Example() {
        CpimMessage m = CpimMessage.parse(crlf(RFC3862_EXAMPLE));

        assertEquals("MR SANDERS <im:piglet@100akerwood.com>", m.from());
        assertEquals("im:piglet@100akerwood.com", m.fromUri());
        assertEquals("Depressed Donkey <im:eeyore@100akerwood.com>", m.to());
        assertEquals("im:eeyore@100akerwood.com", m.toUri());
        assertEquals(Optional.of("2000-12-13T13:40:00-08:00"), m.dateTime());
        assertEquals(Optional.of("the weather will be fine today"), m.subject());
        assertEquals(List.of("the weather will be fine today", "beau temps prevu pour aujourd'hui"),
                m.headers("Subject"));
        assertEquals(new CpimHeader("Subject", "beau temps prevu pour aujourd'hui", ";lang=fr"), m.headers().get(4));
        assertEquals(Map.of("MyFeatures", "mid:MessageFeatures@id.foo.com"), m.namespaces());
        assertEquals(Optional.of("Confirmation-requested"),
                m.extension("mid:MessageFeatures@id.foo.com", "VitalMessageOption"));
        assertEquals(Optional.of("MyFeatures.VitalMessageOption"), m.header("Require"));
        assertEquals(9, m.headers().size());
        assertEquals("text/xml; charset=utf-8", m.contentType());
        assertEquals("text/xml", m.contentMediaType());
        assertEquals(Optional.of("<1234567890@foo.com>"), m.contentHeader("Content-ID"));
        assertEquals(Optional.empty(), m.contentDisposition());
        assertEquals("<body>\r\nHere is the text of my message.\r\n</body>\r\n", new String(m.body(), UTF_8));
    }

    @Test
    void parsesTheRfc5438RequestAndFindsImdnHeadersByNamespace() {
        CpimMessage m = CpimMessage.parse(crlf(RFC5438_REQUEST));

        assertEquals("im:alice@example.com", m.fromUri());
        assertEquals("im:bob@example.com", m.toUri());
        assertEquals(Map.of("imdn", CpimMessage.IMDN_NAMESPACE), m.namespaces());
        assertEquals(Optional.of("34jk324j"), m.extension(CpimMessage.IMDN_NAMESPACE, "Message-ID"));
        assertEquals(Optional.of("positive-delivery, display"),
                m.extension(CpimMessage.IMDN_NAMESPACE, "Disposition-Notification"));
        assertEquals(Optional.empty(), m.extension(CpimMessage.IMDN_NAMESPACE, "Original-To"));
        assertEquals(Optional.empty(), m.extension("urn:example:other", "Message-ID"));
        assertEquals("text/plain", m.contentType());
        assertEquals("Hello World", new String(m.body(), UTF_8));
    }

    @Test
    void roundTripsByteForByte() {
        for (String example : List.of(RFC3862_EXAMPLE, RFC5438_REQUEST)) {
            byte[] raw = crlf(example);
            assertArrayEquals(raw, CpimMessage.parse(raw).toBytes(), example);
        }
    }

    @Test
    void acceptsBareLfLineEndsAndWritesCrlf() {
        byte[] lf = RFC5438_REQUEST.getBytes(UTF_8);
        CpimMessage m = CpimMessage.parse(lf);
        assertEquals(Optional.of("34jk324j"), m.extension(CpimMessage.IMDN_NAMESPACE, "Message-ID"));
        assertEquals("text/plain", m.contentType());
        assertArrayEquals(crlf(RFC5438_REQUEST), m.toBytes());
    }

    @Test
    void keepsABinaryBodyByteForByte() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 512; i++) {
            body.write(i);
        }
        body.writeBytes(new byte[] {'\r', '\n', '\r', '\n', 0, '\n', '\n', (byte) 0xff, '\r'});
        byte[] payload = body.toByteArray();
        byte[] head = crlf("""
                From: <sip:alice@example.com>
                To: <sip:bob@example.com>

                Content-Type: application/octet-stream
                Content-Length: %d

                """.formatted(payload.length));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(head);
        raw.writeBytes(payload);

        CpimMessage m = CpimMessage.parse(raw.toByteArray());
        assertArrayEquals(payload, m.body());
        assertArrayEquals(raw.toByteArray(), m.toBytes());
    }

    @Test
    void contentLengthMayLeaveOutOneTrailingLineEnd() {
        String message = """
                From: <sip:alice@example.com>
                To: <sip:bob@example.com>

                Content-Type: text/plain
                Content-Length: 5

                hello
                """;
        assertEquals("hello\r\n", new String(CpimMessage.parse(crlf(message)).body(), UTF_8));
        assertEquals("hello\n", new String(CpimMessage.parse(message.getBytes(UTF_8)).body(), UTF_8));
    }

    @Test
    void anyPrefixBoundToTheImdnNamespaceWorksWhereverNsStands() {
        CpimMessage m = CpimMessage.parse(crlf("""
                From: <sip:alice@example.com>
                To: <sip:bob@example.com>
                MsgState.Message-ID: aliased-1
                NS: MsgState <URN:IETF:PARAMS:IMDN>

                Content-Type: text/plain

                """));
        assertEquals(Optional.of("aliased-1"), m.extension(CpimMessage.IMDN_NAMESPACE, "Message-ID"));
        assertEquals(Optional.empty(), m.header("imdn.Message-ID"));
    }

    @Test
    void defaultNamespaceAppliesToUnprefixedNames() {
        CpimMessage m = CpimMessage.parse(crlf("""
                From: <sip:alice@example.com>
                To: <sip:bob@example.com>
                NS: <urn:example:defaults>
                Colour: blue

                Content-Type: text/plain

                """));
        assertEquals(Map.of("", "urn:example:defaults"), m.namespaces());
        assertEquals(Optional.of("blue"), m.extension("urn:example:defaults", "Colour"));
    }

    @Test
    void exactCaseWinsAndOtherCasesAreFoundToo() {
        CpimMessage m = CpimMessage.parse(crlf("""
                from: "Alice \\"Al\\" Smith" <sip:alice@example.com>
                To: Bob (work), Esq. <sip:bob@example.com>
                To: <tel:+15551234567>
                cc: <sip:carol@example.com>
                Subject: exact
                subject: other case

                content-type: Text/Plain; charset=UTF-8
                CONTENT-DISPOSITION: render

                """));
        assertEquals("sip:alice@example.com", m.fromUri());
        assertEquals("\"Alice \\\"Al\\\" Smith\" <sip:alice@example.com>", m.from());
        assertEquals("sip:bob@example.com", m.toUri());
        assertEquals(List.of("Bob (work), Esq. <sip:bob@example.com>", "<tel:+15551234567>"), m.headers("To"));
        assertEquals(Optional.of("exact"), m.subject());
        assertEquals(List.of("other case"), m.headers("subject"));
        assertEquals(List.of("exact", "other case"), m.headers("SUBJECT"));
        assertEquals("Text/Plain; charset=UTF-8", m.contentType());
        assertEquals("text/plain", m.contentMediaType());
        assertEquals(Optional.of("render"), m.contentDisposition());
        assertEquals(0, m.body().length);
    }

    @Test
    void acceptsRfc3339Variants() {
        for (String dateTime : List.of("2006-04-04T12:16:49Z", "2006-04-04t12:16:49.123456z",
                "2016-12-31T23:59:60+00:00", "2024-02-29T00:00:00-12:00")) {
            CpimMessage m = CpimMessage.builder().from("<sip:a@example.com>").to("<sip:b@example.com>")
                    .dateTime(dateTime).contentType("text/plain").build();
            assertEquals(Optional.of(dateTime), m.dateTime());
        }
    }

    @Test
    void builderWritesHeadersInOrderWithCrlf() {
        CpimMessage m = CpimMessage.builder()
                .from("Alice <im:alice@example.com>")
                .to("Bob <im:bob@example.com>")
                .namespace("imdn", CpimMessage.IMDN_NAMESPACE)
                .header("imdn.Message-ID", "34jk324j")
                .dateTime("2006-04-04T12:16:49-05:00")
                .header("imdn.Disposition-Notification", "positive-delivery, display")
                .contentHeader("Content-type", "text/plain")
                .contentHeader("Content-length", "11")
                .body("Hello World".getBytes(UTF_8))
                .build();

        assertArrayEquals(crlf(RFC5438_REQUEST), m.toBytes());
        assertEquals(m.headers(), CpimMessage.parse(m.toBytes()).headers());
    }

    @Test
    void builderChecksAsParseDoes() {
        CpimFormatException missingTo = assertThrows(CpimFormatException.class,
                () -> CpimMessage.builder().from("<sip:a@example.com>").contentType("text/plain").build());
        assertEquals("CPIM header block missing To", missingTo.getMessage());

        CpimFormatException injected = assertThrows(CpimFormatException.class, () -> CpimMessage.builder()
                .from("<sip:a@example.com>").to("<sip:b@example.com>")
                .subject("hi\r\nimdn.Message-ID: forged").contentType("text/plain").build());
        assertEquals("CPIM header Subject has a control character", injected.getMessage());

        CpimFormatException undeclared = assertThrows(CpimFormatException.class, () -> CpimMessage.builder()
                .from("<sip:a@example.com>").to("<sip:b@example.com>")
                .header("imdn.Message-ID", "x").contentType("text/plain").build());
        assertEquals("CPIM header prefix imdn has no NS declaration", undeclared.getMessage());

        CpimFormatException tooLarge = assertThrows(CpimFormatException.class, () -> CpimMessage.builder()
                .from("<sip:a@example.com>").to("<sip:b@example.com>").contentType("text/plain")
                .body(new byte[CpimMessage.MAX_MESSAGE_SIZE]).build());
        assertEquals("CPIM message too large", tooLarge.getMessage());
    }

    @Test
    void bodyIsCopiedInAndOut() {
        byte[] body = {1, 2, 3};
        CpimMessage.Builder builder = CpimMessage.builder().from("<sip:a@example.com>").to("<sip:b@example.com>")
                .contentType("application/octet-stream").body(body);
        body[0] = 9;
        CpimMessage m = builder.build();
        m.body()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, m.body());
    }
}
