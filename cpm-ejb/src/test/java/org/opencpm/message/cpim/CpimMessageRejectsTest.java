package org.opencpm.message.cpim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CpimMessageRejectsTest {

    private static final String FROM_TO = "From: <sip:alice@example.com>\nTo: <sip:bob@example.com>\n";
    private static final String TEXT = "Content-Type: text/plain\n";

    /** A message from its two header blocks and body, "\n" written as CRLF. */
    private static byte[] message(String headers, String contentHeaders, String body) {
        return CpimMessageTest.crlf(headers + "\n" + contentHeaders + "\n" + body);
    }

    private static Arguments headers(String headers, String reason) {
        return Arguments.of(reason, message(headers, TEXT, ""));
    }

    private static Arguments content(String contentHeaders, String body, String reason) {
        return Arguments.of(reason, message(FROM_TO, contentHeaders, body));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("CPIM message headers not followed by a blank line",
                        CpimMessageTest.crlf(FROM_TO)),
                Arguments.of("CPIM content headers not followed by a blank line",
                        CpimMessageTest.crlf(FROM_TO + "\n" + TEXT)),
                Arguments.of("CPIM content headers not followed by a blank line",
                        CpimMessageTest.crlf(FROM_TO + "\nhello")),
                headers(FROM_TO + "Subject hello\n", "CPIM header line without colon"),
                headers(FROM_TO + ": hello\n", "CPIM header with empty name"),
                headers(FROM_TO + "Sub ject: hello\n", "CPIM header name malformed"),
                headers(FROM_TO + "Subject : hello\n", "CPIM header name malformed"),
                headers(FROM_TO + "a.b.c: hello\n", "CPIM header name malformed"),
                headers(FROM_TO + ".Message-ID: hello\n", "CPIM header name malformed"),
                headers(FROM_TO + "Subject: hello\n world\n", "CPIM header folding not allowed"),
                headers(FROM_TO + "Subject: hello\n\t\n", "CPIM header folding not allowed"),
                headers(" " + FROM_TO, "CPIM header folding not allowed"),
                content("Content-Type: text/plain;\n charset=utf-8\n", "", "CPIM header folding not allowed"),
                headers(FROM_TO + "Subject: a\rb\n", "CPIM header line has a bare CR"),
                headers(FROM_TO + "Subject: a\u0000b\n", "CPIM header Subject has a control character"),
                headers(FROM_TO + "Subject: a\u007fb\n", "CPIM header Subject has a control character"),
                headers(FROM_TO + "Subject:;lang beau temps\n", "CPIM header Subject has a malformed parameter"),
                headers(FROM_TO + "Subject:;lang=fr\n", "CPIM header Subject has a malformed parameter"),
                headers(FROM_TO + "Subject:;lang=\"fr beau\n", "CPIM header Subject has a malformed parameter"),
                headers(FROM_TO + "Subject:;=fr beau\n", "CPIM header Subject has a malformed parameter"),
                headers("To: <sip:bob@example.com>\n", "CPIM header block missing From"),
                headers("", "CPIM header block missing From"),
                headers("From: <sip:alice@example.com>\n", "CPIM header block missing To"),
                headers(FROM_TO + "From: <sip:carol@example.com>\n", "CPIM header block has more than one From"),
                headers("From: sip:alice@example.com\nTo: <sip:bob@example.com>\n",
                        "CPIM From not of the form [Formal-name] <URI>"),
                headers("From: Alice <sip:alice@example.com\nTo: <sip:bob@example.com>\n",
                        "CPIM From not of the form [Formal-name] <URI>"),
                headers("From: \"Alice <sip:alice@example.com>\nTo: <sip:bob@example.com>\n",
                        "CPIM From not of the form [Formal-name] <URI>"),
                headers("From: Alice <>\nTo: <sip:bob@example.com>\n",
                        "CPIM From not of the form [Formal-name] <URI>"),
                headers("From: <sip:alice@example.com>\nTo: Bob <bob>\n",
                        "CPIM To not of the form [Formal-name] <URI>"),
                headers("From: <sip:alice@example.com>\nTo: Bob <sip:bob@example.com> x\n",
                        "CPIM To not of the form [Formal-name] <URI>"),
                headers(FROM_TO + "To: <sip:carol example.com>\n", "CPIM To not of the form [Formal-name] <URI>"),
                headers(FROM_TO + "cc: carol\n", "CPIM cc not of the form [Formal-name] <URI>"),
                headers(FROM_TO + "DateTime: 2006-04-04 12:16:49-05:00\n", "CPIM DateTime not RFC 3339"),
                headers(FROM_TO + "DateTime: 2012-06-07T17:40:29\n", "CPIM DateTime not RFC 3339"),
                headers(FROM_TO + "DateTime: 2006-02-29T12:16:49Z\n", "CPIM DateTime not RFC 3339"),
                headers(FROM_TO + "DateTime: 2006-04-04T24:00:00Z\n", "CPIM DateTime not RFC 3339"),
                headers(FROM_TO + "DateTime: 2006-04-04T12:16:49+05\n", "CPIM DateTime not RFC 3339"),
                headers(FROM_TO + "DateTime: Tue, 4 Apr 2006 12:16:49 -0500\n", "CPIM DateTime not RFC 3339"),
                headers(FROM_TO + "DateTime: 2006-04-04T12:16:49Z\nDateTime: 2006-04-04T12:16:50Z\n",
                        "CPIM header block has more than one DateTime"),
                headers(FROM_TO + "NS: imdn urn:ietf:params:imdn\n", "CPIM NS header malformed"),
                headers(FROM_TO + "NS: im.dn <urn:ietf:params:imdn>\n", "CPIM NS header malformed"),
                headers(FROM_TO + "NS: imdn <imdn>\n", "CPIM NS header malformed"),
                headers(FROM_TO + "NS: imdn <urn:ietf:params:imdn>\nNS: imdn <urn:example:other>\n",
                        "CPIM NS prefix imdn declared twice"),
                headers(FROM_TO + "imdn.Message-ID: 34jk324j\n", "CPIM header prefix imdn has no NS declaration"),
                headers(FROM_TO + "NS: imdn <urn:ietf:params:imdn>\nIMDN.Message-ID: 34jk324j\n",
                        "CPIM header prefix IMDN has no NS declaration"),
                content("", "", "CPIM content header block missing Content-Type"),
                content("Content-Length: 0\n", "", "CPIM content header block missing Content-Type"),
                content(TEXT + "Content-type: text/html\n", "",
                        "CPIM content header block has more than one Content-Type"),
                content("Content-Type: text\n", "", "CPIM Content-Type malformed"),
                content("Content-Type: text/pl ain\n", "", "CPIM Content-Type malformed"),
                content("Content Type: text/plain\n", "", "CPIM content header name malformed"),
                content(TEXT + "Content-Length: 4\n", "hello", "CPIM Content-Length does not match the body"),
                content(TEXT + "Content-Length: 6\n", "hello", "CPIM Content-Length does not match the body"),
                content(TEXT + "Content-Length: 4\n", "hello\n", "CPIM Content-Length does not match the body"),
                content(TEXT + "Content-Length: -5\n", "hello", "CPIM Content-Length malformed"),
                content(TEXT + "Content-Length: 5 bytes\n", "hello", "CPIM Content-Length malformed"),
                content(TEXT + "Content-Length: 99999999999\n", "hello", "CPIM Content-Length malformed"),
                content(TEXT + "Content-Length: 5\nContent-Length: 5\n", "hello",
                        "CPIM content header block has more than one Content-Length"),
                headers(FROM_TO + "X-Many: 1\n".repeat(199), "CPIM header block has more than 200 headers"),
                headers(FROM_TO + "Subject: " + "x".repeat(CpimMessage.MAX_HEADER_BLOCK_SIZE) + "\n",
                        "CPIM header block too large"),
                content(TEXT + "X-Big: " + "x".repeat(CpimMessage.MAX_HEADER_BLOCK_SIZE) + "\n", "",
                        "CPIM header block too large"),
                content(TEXT, "x".repeat(CpimMessage.MAX_MESSAGE_SIZE), "CPIM message too large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsWithAPreciseOneLineReason(String reason, byte[] raw) {
        CpimFormatException e = assertThrows(CpimFormatException.class, () -> CpimMessage.parse(raw));
        assertEquals(reason, e.getMessage());
        // It becomes a SIP reason phrase: printable ASCII on one line, and short.
        assertTrue(e.getMessage().matches("[\\x20-\\x7e]{1,100}"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void neverThrowsAnythingElse(String reason, byte[] raw) {
        // The same inputs cut at every 7th byte must give a CpimFormatException or a message, nothing else.
        for (int cut = 0; cut < Math.min(raw.length, 400); cut += 7) {
            byte[] part = Arrays.copyOf(raw, cut);
            try {
                CpimMessage.parse(part);
            } catch (CpimFormatException expected) {
                assertTrue(expected.getMessage().matches("[\\x20-\\x7e]{1,100}"), expected.getMessage());
            }
        }
    }

    @Test
    void rejectsInvalidUtf8InHeaders() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(FROM_TO.replace("\n", "\r\n").getBytes(UTF_8));
        raw.writeBytes(new byte[] {'S', 'u', 'b', 'j', 'e', 'c', 't', ':', ' ', (byte) 0xc3, '(', '\r', '\n'});
        raw.writeBytes("\r\nContent-Type: text/plain\r\n\r\n".getBytes(UTF_8));
        CpimFormatException e = assertThrows(CpimFormatException.class, () -> CpimMessage.parse(raw.toByteArray()));
        assertEquals("CPIM header is not valid UTF-8", e.getMessage());
    }
}
