package org.opencpm.message.resourcelists;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpm.message.cpim.CpimMessage;

class RecipientListMessageTest {

    private static final String BOUNDARY = "boundary1";
    private static final String TYPE = "multipart/mixed;boundary=" + BOUNDARY;
    private static final int MAX = 100;

    private static final String LIST = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
            + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\" "
            + "xmlns:cp=\"urn:ietf:params:xml:ns:copycontrol\">"
            + "<list><entry uri=\"tel:+8613800000001\" cp:copyControl=\"to\"/>"
            + "<entry uri=\"tel:+8613800000002\" cp:copyControl=\"to\"/></list></resource-lists>";

    private static final String CPIM = String.join("\r\n",
            "From: <sip:anonymous@anonymous.invalid>",
            "To: <sip:anonymous@anonymous.invalid>",
            "NS: imdn <urn:ietf:params:imdn>",
            "imdn.Message-ID: Msg6rM0l3mS",
            "DateTime: 2024-05-01T10:00:00.000Z",
            "imdn.Disposition-Notification: positive-delivery",
            "",
            "Content-Type: text/plain;charset=UTF-8",
            "Content-Length: 5",
            "",
            "hello");

    /** Two parts as the cmcc SmsManager lays them out (protocol-facts section 4): the list, then the CPIM. */
    static final String CMCC_BODY = String.join("\r\n",
            "--" + BOUNDARY,
            "Content-Type: application/resource-lists+xml",
            "Content-Disposition: recipient-list",
            "",
            LIST,
            "--" + BOUNDARY,
            "Content-Type: message/cpim",
            "",
            CPIM,
            "--" + BOUNDARY + "--",
            "");

    private static RecipientListMessage parse(String contentType, String body) {
        return RecipientListMessage.parse(contentType, body.getBytes(UTF_8), MAX);
    }

    private static List<String> uris(RecipientListMessage m) {
        return m.recipients().entries().stream().map(ResourceEntry::uri).toList();
    }

    @Test
    void parsesTheCmccLayout() {
        RecipientListMessage m = parse(TYPE, CMCC_BODY);
        assertEquals(List.of("tel:+8613800000001", "tel:+8613800000002"), uris(m));
        assertEquals("message/cpim", m.innerContentType());
        assertEquals(CPIM, new String(m.innerBody(), UTF_8));
        assertEquals("hello", new String(CpimMessage.parse(m.innerBody()).body(), UTF_8));
    }

    static Stream<Arguments> tolerated() {
        String list = "Content-Type: application/resource-lists+xml\r\nContent-Disposition: recipient-list\r\n";
        return Stream.of(
                Arguments.of("bare LF line ends", TYPE, CMCC_BODY.replace("\r\n", "\n"), CPIM.replace("\r\n", "\n")),
                Arguments.of("quoted boundary, spaced parameters", "Multipart/Mixed ; charset=x ;Boundary = \""
                        + BOUNDARY + "\"", CMCC_BODY, CPIM),
                Arguments.of("preamble, epilogue and transport padding", TYPE,
                        "This is a preamble.\r\n" + CMCC_BODY.replace("--" + BOUNDARY + "\r\n",
                                "--" + BOUNDARY + " \t\r\n") + "epilogue --" + BOUNDARY + "\r\n", CPIM),
                Arguments.of("header names and values in any case, folded", TYPE, CMCC_BODY
                        .replace("Content-Type: application/resource-lists+xml",
                                "content-TYPE:Application/Resource-Lists+XML ;\r\n\tcharset=UTF-8")
                        .replace("Content-Disposition: recipient-list",
                                "CONTENT-DISPOSITION:  Recipient-List;handling=required"), CPIM),
                Arguments.of("message first, then the list", TYPE, "--" + BOUNDARY + "\r\nContent-Type: "
                        + "message/cpim\r\nContent-Transfer-Encoding: binary\r\n\r\n" + CPIM + "\r\n--" + BOUNDARY
                        + "\r\n" + list + "\r\n" + LIST + "\r\n--" + BOUNDARY + "--", CPIM),
                Arguments.of("an empty message body", TYPE, "--" + BOUNDARY + "\r\n" + list + "\r\n" + LIST
                        + "\r\n--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\n\r\n--" + BOUNDARY + "--", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerated")
    void toleratesWhatRfc2046Allows(String name, String contentType, String body, String inner) {
        RecipientListMessage m = parse(contentType, body);
        assertEquals(List.of("tel:+8613800000001", "tel:+8613800000002"), uris(m));
        assertEquals(inner, new String(m.innerBody(), UTF_8));
    }

    @Test
    void keepsTheMessageContentTypeWithItsParameters() {
        RecipientListMessage m = parse(TYPE, CMCC_BODY.replace("Content-Type: message/cpim",
                "Content-Type: text/plain; charset=UTF-8"));
        assertEquals("text/plain; charset=UTF-8", m.innerContentType());
    }

    static Stream<String> boundaries() {
        return Stream.of("boundary1", "a b:c/d=e?", "'()+_,-./:=?", "x".repeat(70));
    }

    @ParameterizedTest
    @MethodSource("boundaries")
    void roundTrips(String boundary) {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        RecipientListMessage m = new RecipientListMessage(ResourceLists.of("group", List.of(
                new ResourceEntry("sip:a@example.com", "A & B", CopyControl.TO),
                new ResourceEntry("tel:+15551234567", null, CopyControl.BCC))), "application/octet-stream", binary);
        String contentType = RecipientListMessage.contentType(boundary);
        RecipientListMessage back = RecipientListMessage.parse(contentType, m.toMultipart(boundary), MAX);
        assertEquals(m.recipients(), back.recipients());
        assertEquals(m.innerContentType(), back.innerContentType());
        assertArrayEquals(binary, back.innerBody());
    }

    @Test
    void writesTheRfc5365Layout() {
        RecipientListMessage m = parse(TYPE, CMCC_BODY);
        assertEquals("multipart/mixed;boundary=b1", RecipientListMessage.contentType("b1"));
        assertEquals("multipart/mixed;boundary=\"b 1\"", RecipientListMessage.contentType("b 1"));
        assertEquals("--b1\r\n"
                + "Content-Type: application/resource-lists+xml\r\n"
                + "Content-Disposition: recipient-list\r\n"
                + "\r\n"
                + new String(m.recipients().toXml(), UTF_8) + "\r\n"
                + "--b1\r\n"
                + "Content-Type: message/cpim\r\n"
                + "\r\n"
                + CPIM + "\r\n"
                + "--b1--\r\n", new String(m.toMultipart("b1"), UTF_8));
        assertEquals("recipient-list-message", RecipientListMessage.REQUIRE_OPTION_TAG);
    }

    static Stream<Arguments> malformed() {
        String list = "--" + BOUNDARY + "\r\nContent-Type: application/resource-lists+xml\r\n"
                + "Content-Disposition: recipient-list\r\n\r\n" + LIST + "\r\n";
        String message = "--" + BOUNDARY + "\r\nContent-Type: message/cpim\r\n\r\n" + CPIM + "\r\n";
        String close = "--" + BOUNDARY + "--\r\n";
        return Stream.of(
                Arguments.of(null, CMCC_BODY, "Content-Type must be multipart/mixed"),
                Arguments.of("multipart/related;boundary=" + BOUNDARY, CMCC_BODY,
                        "Content-Type must be multipart/mixed"),
                Arguments.of("multipart/mixed", CMCC_BODY, "multipart boundary missing"),
                Arguments.of("multipart/mixed;charset=x", CMCC_BODY, "multipart boundary missing"),
                Arguments.of("multipart/mixed;boundary=", CMCC_BODY, "multipart boundary malformed"),
                Arguments.of("multipart/mixed;boundary=\"\"", CMCC_BODY, "multipart boundary malformed"),
                Arguments.of("multipart/mixed;boundary=\"ab \"", CMCC_BODY, "multipart boundary malformed"),
                Arguments.of("multipart/mixed;boundary=a*b", CMCC_BODY, "multipart boundary malformed"),
                Arguments.of("multipart/mixed;boundary=" + "x".repeat(71), CMCC_BODY,
                        "multipart boundary malformed"),
                Arguments.of("multipart/mixed;boundary=\"" + BOUNDARY, CMCC_BODY,
                        "Content-Type parameters malformed"),
                Arguments.of("multipart/mixed;boundary=\"" + BOUNDARY + "\"x", CMCC_BODY,
                        "Content-Type parameters malformed"),
                Arguments.of("multipart/mixed; foo; boundary=" + BOUNDARY, CMCC_BODY,
                        "Content-Type parameters malformed"),
                Arguments.of("multipart/mixed;boundary=a;boundary=b", CMCC_BODY, "multipart boundary given twice"),
                Arguments.of(TYPE, "", "multipart has no delimiter line"),
                Arguments.of(TYPE, CMCC_BODY.replace("--" + BOUNDARY, "--other"), "multipart has no delimiter line"),
                Arguments.of(TYPE, list + message, "multipart has no close delimiter"),
                Arguments.of(TYPE, list.replace("--" + BOUNDARY + "\r\n", "--" + BOUNDARY + "x\r\n") + message
                        + close, "multipart delimiter line malformed"),
                Arguments.of(TYPE, list + "--" + BOUNDARY + "\r\nContent-Type message/cpim\r\n\r\nx\r\n" + close,
                        "multipart part header malformed"),
                Arguments.of(TYPE, list + "--" + BOUNDARY + "\r\n: message/cpim\r\n\r\nx\r\n" + close,
                        "multipart part header malformed"),
                Arguments.of(TYPE, list + "--" + BOUNDARY + "\r\n folded\r\n\r\nx\r\n" + close,
                        "multipart part header malformed"),
                Arguments.of(TYPE, list + "--" + BOUNDARY + "\r\nContent-Type: message/cpim\r\n" + close,
                        "multipart part headers not ended by a blank line"),
                Arguments.of(TYPE, message + close, "multipart has no recipient-list part"),
                Arguments.of(TYPE, list + close, "multipart has no message part"),
                Arguments.of(TYPE, list + list + message + close, "multipart has more than one recipient-list part"),
                Arguments.of(TYPE, list + message + message + close, "multipart has more than one message part"),
                Arguments.of(TYPE, list.replace("application/resource-lists+xml", "application/xml") + message
                        + close, "recipient-list part must be application/resource-lists+xml"),
                Arguments.of(TYPE, list.replace("Content-Type: application/resource-lists+xml\r\n", "") + message
                        + close, "recipient-list part must be application/resource-lists+xml"),
                Arguments.of(TYPE, list + message.replace("Content-Type: message/cpim\r\n", "") + close,
                        "message part has no Content-Type"),
                Arguments.of(TYPE, list + message.replace("Content-Type: message/cpim\r\n",
                        "Content-Type: message/cpim\r\ncontent-type: text/plain\r\n") + close,
                        "multipart part has more than one Content-Type"),
                Arguments.of(TYPE, list + message.replace("Content-Type: message/cpim\r\n",
                        "Content-Type: message/cpim\r\nContent-Transfer-Encoding: base64\r\n") + close,
                        "multipart part Content-Transfer-Encoding not supported"),
                Arguments.of(TYPE, list + message.replace("message/cpim", "text/plain;x=\u00e9") + close,
                        "message part Content-Type malformed"),
                Arguments.of(TYPE, list + message.replace("message/cpim", "cpim") + close,
                        "message part Content-Type malformed"),
                Arguments.of(TYPE, list.replace("tel:+8613800000002", "mailto:x@example.com") + message + close,
                        "resource list entry uri must be sip, sips or tel"),
                Arguments.of(TYPE, list.replace("<list>", "<list>" + "<entry uri=\"sip:x@example.com\"/>"
                        .repeat(MAX - 1)) + message + close, "resource list has more than 100 entries"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformed")
    void rejectsWithAPreciseOneLineReason(String contentType, String body, String reason) {
        ResourceListFormatException e = assertThrows(ResourceListFormatException.class,
                () -> RecipientListMessage.parse(contentType, body.getBytes(ISO_8859_1), MAX));
        assertEquals(reason, e.getMessage());
        assertTrue(e.getMessage().matches("[\\x20-\\x7e]{1,100}"), e.getMessage());
    }

    @Test
    void boundsTheBody() {
        byte[] large = Arrays.copyOf(CMCC_BODY.getBytes(UTF_8), RecipientListMessage.MAX_SIZE + 1);
        assertEquals("multipart body too large", assertThrows(ResourceListFormatException.class,
                () -> RecipientListMessage.parse(TYPE, large, MAX)).getMessage());
        byte[] largest = Arrays.copyOf(CMCC_BODY.getBytes(UTF_8), RecipientListMessage.MAX_SIZE);
        assertEquals("message/cpim", RecipientListMessage.parse(TYPE, largest, MAX).innerContentType());
    }

    @Test
    void refusesToWriteWhatCouldNotBeReadBack() {
        RecipientListMessage m = parse(TYPE, CMCC_BODY);
        RecipientListMessage dashes = new RecipientListMessage(m.recipients(), "text/plain",
                "a line\r\n--b1 looks like a delimiter".getBytes(UTF_8));
        assertEquals("multipart boundary occurs in a part", assertThrows(ResourceListFormatException.class,
                () -> dashes.toMultipart("b1")).getMessage());
        assertEquals("multipart boundary malformed", assertThrows(ResourceListFormatException.class,
                () -> m.toMultipart("a\r\nb")).getMessage());
        assertEquals("message part Content-Type malformed", assertThrows(ResourceListFormatException.class,
                () -> new RecipientListMessage(m.recipients(), "text/plain\r\nX-Injected: 1", new byte[0]))
                .getMessage());
    }
}
