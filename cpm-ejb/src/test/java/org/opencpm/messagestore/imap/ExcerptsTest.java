package org.opencpm.messagestore.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

    private static final String CPIM_HEADERS = "From: <sip:a@x>\r\nTo: <sip:b@x>\r\nNS: imdn <urn:ietf:params:imdn>\r\n"
            + "imdn.Message-ID: 1\r\n\r\n";

    private static StoredItem.Excerpt of(String contentType, String transferEncoding, String body) {
        return Excerpts.of(contentType, transferEncoding, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theTextInsideACpimMessage() {
        assertEquals(new StoredItem.Excerpt("Hello\nworld", false), of("message/cpim", "8bit",
                CPIM_HEADERS + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello\r\nworld\r\n"));
        assertEquals(new StoredItem.Excerpt("Hi", false), of("Message/CPIM", null,
                "From: <sip:a@x>\n\nContent-Type: text/plain\n\nHi\n"), "LF line ends, any case");
        assertEquals(new StoredItem.Excerpt("<b>x</b>", false), of("message/cpim", "7bit",
                CPIM_HEADERS + "Content-Type: text/html\r\n\r\n<b>x</b>"));
    }

    @Test
    void noExcerptForWhatIsNotText() {
        assertNull(of("message/cpim", null, CPIM_HEADERS + "Content-Type: message/imdn+xml\r\n\r\n<imdn/>"));
        assertNull(of("message/cpim", null, CPIM_HEADERS + "Content-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\naGk="));
        assertNull(of("message/cpim", null, CPIM_HEADERS + "Content-Type: text/plain"), "headers never end");
        assertNull(of("message/cpim", null, "From: <sip:a@x>"));
        assertNull(of("text/plain", "base64", "aGk="));
        assertNull(of("text/plain", "quoted-printable", "hi"));
        assertNull(of("image/png", null, "PNG"));
        assertNull(of("multipart/related; boundary=x", null, "--x"));
        assertNull(of("not a type", null, "x"));
        assertNull(of(null, null, "x"));
        assertFalse(Excerpts.wanted("image/png", null));
        assertFalse(Excerpts.wanted("text/plain", "base64"));
        assertFalse(Excerpts.wanted(null, null));
        assertTrue(Excerpts.wanted("text/plain; charset=utf-8", "8bit"));
        assertTrue(Excerpts.wanted("message/cpim", "BINARY"));
    }

    @Test
    void boundedCleanAndHonestAboutTheRest() {
        StoredItem.Excerpt cut = of("text/plain", null, "a".repeat(Excerpts.MAX_CHARACTERS + 1));
        assertEquals(Excerpts.MAX_CHARACTERS, cut.text().length());
        assertTrue(cut.truncated());
        StoredItem.Excerpt exact = of("text/plain", null, "a".repeat(Excerpts.MAX_CHARACTERS) + "\r\n");
        assertFalse(exact.truncated(), "only a line end left");
        assertEquals(new StoredItem.Excerpt("a b\tc d", false), of("text/plain", null, "a\u0000b\tc\u001bd"));
        StoredItem.Excerpt octets = Excerpts.of("text/plain; charset=utf-8", null,
                ("\u00e9".repeat(Excerpts.MAX_OCTETS / 2) + "more").getBytes(StandardCharsets.UTF_8));
        assertTrue(octets.truncated(), "more octets than are looked at");
        assertFalse(octets.text().contains("\uFFFD"), "no half character");
        StoredItem.Excerpt pair = of("text/plain", null, "a" + "\uD83D\uDE00".repeat(Excerpts.MAX_CHARACTERS));
        assertFalse(Character.isHighSurrogate(pair.text().charAt(pair.text().length() - 1)));
        assertEquals(new StoredItem.Excerpt("gr\u00fc\u00df", false), Excerpts.of("text/plain; charset=iso-8859-1",
                null, "gr\u00fc\u00df".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(new StoredItem.Excerpt("ok", false), of("text/plain; charset=\"no-such-charset\"", null, "ok"));
    }
}
