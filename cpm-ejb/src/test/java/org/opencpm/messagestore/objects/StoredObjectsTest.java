package org.opencpm.messagestore.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opencpm.message.SafeXml;
import org.w3c.dom.Document;

/**
 * The composers, read back as a mail reader would: parsed from the bytes an IMAP APPEND would carry.
 */
class StoredObjectsTest {

    private static final Instant WHEN = Instant.parse("2025-06-03T10:15:30Z");
    private static final ObjectHeaders HEADERS = ObjectHeaders.of("sip:alice@opencpm.test",
                    List.of("sip:bob@opencpm.test"), WHEN, "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                    "abcdef-1234-5678-90ab-cdef01234567")
            .withInReplyTo("01234567-89ab-cdef-0123-456789abcdef").withDirection(ObjectHeaders.Direction.SENT);
    private static final String CPIM = "From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
            + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: 34jk324j\r\nDateTime: 2025-06-03T10:15:30Z\r\n\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nHello Bob, ça va ?\r\n";

    @Test
    void aMessageObjectCarriesTheCpmHeadersAndTheCpimAsReceived() throws Exception {
        StoredObject o = MessageObject.compose("pager:34jk324j:sent", HEADERS, "message/cpim",
                CPIM.getBytes(StandardCharsets.UTF_8), "34jk324j", null);
        assertEquals(StoredObject.Kind.MESSAGE, o.kind());
        MimeMessage m = read(o);
        assertEquals("sip:alice@opencpm.test", m.getHeader("From", null));
        assertEquals("sip:bob@opencpm.test", m.getHeader("To", null));
        assertEquals("Tue, 3 Jun 2025 10:15:30 +0000", m.getHeader("Date", null));
        assertEquals("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", m.getHeader("Conversation-ID", null));
        assertEquals("abcdef-1234-5678-90ab-cdef01234567", m.getHeader("Contribution-ID", null));
        assertEquals("01234567-89ab-cdef-0123-456789abcdef", m.getHeader("InReplyTo-Contribution-ID", null));
        assertEquals("34jk324j", m.getHeader("IMDN-Message-ID", null));
        assertEquals("sent", m.getHeader("Message-Direction", null));
        assertNull(m.getHeader("Message-Context"), "CPM messages have no legacy context");
        assertEquals(o.messageId(), m.getMessageID());
        assertTrue(m.isMimeType("message/cpim"));
        assertEquals("8bit", m.getEncoding());
        assertArrayEquals(CPIM.getBytes(StandardCharsets.UTF_8), m.getInputStream().readAllBytes(), "as received");
    }

    @Test
    void theMessageIdIsTheSameForTheSameRecordingAndOnlyForIt() {
        String first = MessageObject.compose("k1", HEADERS, "text/plain", new byte[] {'a'}, null, null).messageId();
        assertEquals(first, MessageObject.compose("k1", HEADERS.withSubject("other"), "text/plain",
                new byte[] {'b'}, null, null).messageId(), "a retry composes the same identifier");
        assertNotEquals(first, MessageObject.compose("k2", HEADERS, "text/plain", new byte[] {'a'}, null, null)
                .messageId());
        assertTrue(first.matches("<[0-9a-f]{32}@opencpm>"), first);
        assertThrows(IllegalArgumentException.class,
                () -> MessageObject.compose(" ", HEADERS, "text/plain", new byte[0], null, null));
    }

    @Test
    void crLfInIdentitiesCannotAddHeaders() throws Exception {
        ObjectHeaders hostile = ObjectHeaders.of("sip:eve@x\r\nBcc: victim@example.com", List.of("tel:+1\nX-Evil: 1"),
                WHEN, "conv\r\n\r\nbody", "contrib\u0000id").withSubject("hi\r\nX-Injected: yes");
        MimeMessage m = read(MessageObject.compose("k", hostile, "text/plain", "x".getBytes(StandardCharsets.UTF_8),
                "id\r\nX-Too: 1", null));
        assertNull(m.getHeader("Bcc"));
        assertNull(m.getHeader("X-Evil"));
        assertNull(m.getHeader("X-Injected"));
        assertNull(m.getHeader("X-Too"));
        assertEquals("sip:eve@x  Bcc: victim@example.com", m.getHeader("From", null));
        assertEquals("conv    body", m.getHeader("Conversation-ID", null));
        assertEquals("contrib id", m.getHeader("Contribution-ID", null));
        assertEquals("x", new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8), "body intact");
    }

    @Test
    void nonAsciiHeadersAreEncodedWordsAndLongOnesFolded() throws Exception {
        String subject = "Grüße, 東京 " + "word ".repeat(200);
        MimeMessage m = read(MessageObject.compose("k", HEADERS.withSubject(subject), "text/plain",
                new byte[] {'x'}, null, null));
        String raw = m.getHeader("Subject", null);
        assertTrue(raw.chars().allMatch(c -> c < 0x80), "ASCII on the wire: " + raw);
        assertEquals(subject.substring(0, MimeObjects.MAX_SUBJECT_LENGTH).strip(),
                MimeUtility.decodeText(MimeUtility.unfold(raw)).strip(), "cut to the bound, otherwise intact");
        String bytes = new String(MessageObject.compose("k", HEADERS.withSubject(subject), "text/plain",
                new byte[] {'x'}, null, null).toBytes(), StandardCharsets.US_ASCII);
        assertTrue(bytes.lines().allMatch(line -> line.length() <= 998));
        MimeMessage sip = read(MessageObject.compose("k", ObjectHeaders.of("sip:jürgen@example.de", List.of(), WHEN,
                "c", "d"), "text/plain", new byte[] {'x'}, null, null));
        assertEquals("sip:jürgen@example.de", MimeUtility.decodeText(sip.getHeader("From", null)));
        assertNull(sip.getHeader("To"), "no recipients, no To");
    }

    @Test
    void overLongIdentifiersAndListsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MessageObject.compose("k", ObjectHeaders.of("sip:a@b",
                List.of(), WHEN, "c".repeat(257), "d"), "text/plain", new byte[0], null, null));
        assertThrows(IllegalArgumentException.class, () -> MessageObject.compose("k", ObjectHeaders.of("sip:a@b",
                List.of(), WHEN, "c", "\r\n"), "text/plain", new byte[0], null, null), "empty once cleaned");
        List<String> many = Collections.nCopies(1001, "tel:+15550100");
        assertThrows(IllegalArgumentException.class, () -> MessageObject.compose("k", ObjectHeaders.of("sip:a@b",
                many, WHEN, "c", "d"), "text/plain", new byte[0], null, null));
        assertThrows(IllegalArgumentException.class, () -> SessionInfoObject.compose("k", HEADERS,
                SessionInfoObject.SessionType.GROUP, "v=0", many));
        assertThrows(IllegalArgumentException.class, () -> MessageObject.compose("k", HEADERS, "not a type",
                new byte[0], null, null));
        assertThrows(IllegalArgumentException.class, () -> MessageObject.compose("k", HEADERS, "text/plain\r\nX: y",
                new byte[0], null, null));
    }

    @Test
    void bodiesIMAPCannotCarryRawAreEncodedOrRefused() throws Exception {
        byte[] withNul = {'a', 0, 'b'};
        MimeMessage text = read(MessageObject.compose("k", HEADERS, "application/octet-stream", withNul, null, null));
        assertEquals("base64", text.getEncoding());
        assertArrayEquals(withNul, text.getInputStream().readAllBytes());
        assertThrows(IllegalArgumentException.class,
                () -> MessageObject.compose("k", HEADERS, "message/cpim", withNul, null, null),
                "RFC 2046: no base64 for message/*");
        byte[] bareLf = "From: <sip:a@b>\n\nContent-Type: text/plain\n\nhi\n".getBytes(StandardCharsets.US_ASCII);
        MimeMessage lf = read(MessageObject.compose("k", HEADERS, "message/cpim", bareLf, null, null));
        assertEquals("binary", lf.getEncoding());
        assertArrayEquals(bareLf, lf.getInputStream().readAllBytes());
        MimeMessage legacy = read(MessageObject.compose("k", HEADERS, "text/plain", "sms".getBytes(
                StandardCharsets.US_ASCII), null, MessageObject.Context.PAGER_MESSAGE));
        assertEquals("pager-message", legacy.getHeader("Message-Context", null));
        assertEquals("7bit", legacy.getEncoding());
    }

    @Test
    void aSessionInfoObjectIsRelatedPartsWithTheSessionXml() throws Exception {
        String sdp = "v=0\r\nm=message 9 TCP/MSRP *\r\na=accept-types:message/cpim\r\na=path:msrp://x:1/a&b;tcp\r\n";
        StoredObject o = SessionInfoObject.compose("session:abc", HEADERS, SessionInfoObject.SessionType.GROUP, sdp,
                List.of("sip:bob@opencpm.test", "tel:+15550100", "<script>&\"x\""));
        MimeMessage m = read(o);
        assertTrue(m.getContentType().startsWith("multipart/related"), m.getContentType());
        assertTrue(m.getContentType().contains("type=Application/X-CPM-Session")
                || m.getContentType().contains("type=\"Application/X-CPM-Session\""), m.getContentType());
        assertEquals("abcdef-1234-5678-90ab-cdef01234567", m.getHeader("Contribution-ID", null));
        BodyPart root = ((MimeMultipart) m.getContent()).getBodyPart(0);
        assertTrue(root.isMimeType("application/x-cpm-session"), root.getContentType());
        Document xml = SafeXml.parse(root.getInputStream().readAllBytes(), "session", IllegalStateException::new);
        assertEquals("session", xml.getDocumentElement().getLocalName());
        assertEquals("Group", text(xml, "session-type"));
        assertEquals(sdp, text(xml, "sdp"), "the SDP with its CRLFs");
        assertEquals("sip:bob@opencpm.test;tel:+15550100;<script>&\"x\"", text(xml, "invited-participants"));
        assertEquals(StoredObject.Kind.SESSION_INFO, o.kind());
        assertThrows(IllegalArgumentException.class, () -> SessionInfoObject.compose("k", HEADERS,
                SessionInfoObject.SessionType.ONE_TO_ONE, " ", List.of()), "no SDP");
    }

    @Test
    void aGroupStateObjectHasTheParticipantsAsAttributes() throws Exception {
        StoredObject o = GroupStateObject.compose("state:abc", HEADERS, WHEN, "sip:focus@opencpm.test;id=\"1\"",
                GroupStateObject.GroupType.CLOSED, List.of(new GroupStateObject.Participant("Bob \"B\" <b>",
                        "tel:+15550100"), new GroupStateObject.Participant(null, "sip:carol@opencpm.test\u0001")));
        MimeMessage m = read(o);
        assertTrue(m.isMimeType(GroupStateObject.CONTENT_TYPE), m.getContentType());
        Document xml = SafeXml.parse(m.getInputStream().readAllBytes(), "groupstate", IllegalStateException::new);
        assertEquals("2025-06-03T10:15:30Z", xml.getDocumentElement().getAttribute("timestamp"));
        assertEquals("sip:focus@opencpm.test;id=\"1\"", xml.getDocumentElement().getAttribute("lastfocussessionid"));
        assertEquals("closed", xml.getDocumentElement().getAttribute("group-type"));
        var participants = xml.getElementsByTagName("participant");
        assertEquals(2, participants.getLength());
        assertEquals("Bob \"B\" <b>", ((org.w3c.dom.Element) participants.item(0)).getAttribute("name"));
        assertEquals("sip:carol@opencpm.test", ((org.w3c.dom.Element) participants.item(1)).getAttribute("comm-addr"),
                "a control character cleaned away");
    }

    @Test
    void aFileTransferHistoryObjectHoldsTheFilesUnderTheCidsItsXmlNames() throws Exception {
        byte[] jpeg = new byte[3000];
        for (int i = 0; i < jpeg.length; i++) {
            jpeg[i] = (byte) i;
        }
        String sdp = "a=file-selector:name:\"My picture.jpg\" type:image/jpeg size:3000\r\na=file-disposition:render\r\n";
        StoredObject o = FileTransferHistoryObject.compose("ft:1", HEADERS.withDirection(ObjectHeaders.Direction.RECEIVED),
                FileTransferHistoryObject.TransferType.ONE_TO_ONE, List.of("sip:bob@opencpm.test"),
                List.of(new FileTransferHistoryObject.TransferredFile(sdp, "image/jpeg",
                        new ByteArrayDataSource(jpeg, "application/octet-stream"))));
        MimeMessage m = read(o);
        assertEquals("received", m.getHeader("Message-Direction", null));
        MimeMultipart related = (MimeMultipart) m.getContent();
        assertTrue(related.getContentType().contains("Application/X-CPM-File-Transfer"), related.getContentType());
        assertEquals(2, related.getCount());
        Document xml = SafeXml.parse(related.getBodyPart(0).getInputStream().readAllBytes(), "ft",
                IllegalStateException::new);
        assertEquals("1-1", text(xml, "file-transfer-type"));
        assertEquals(sdp, text(xml, "sdp"));
        String cid = text(xml, "cid");
        assertTrue(cid.startsWith("cid:"), cid);
        BodyPart file = related.getBodyPart(1);
        assertEquals("<" + cid.substring(4) + ">", file.getHeader("Content-ID")[0]);
        assertTrue(file.isMimeType("image/jpeg"));
        assertEquals("base64", file.getHeader("Content-Transfer-Encoding")[0]);
        assertArrayEquals(jpeg, file.getInputStream().readAllBytes());
        assertThrows(IllegalArgumentException.class, () -> FileTransferHistoryObject.compose("k", HEADERS,
                FileTransferHistoryObject.TransferType.GROUP, List.of(), List.of()), "no file");
    }

    @Test
    void aMediaObjectIsTheMediaBase64WithItsType() throws Exception {
        byte[] audio = {1, 2, 0, 3};
        MimeMessage m = read(MediaObject.compose("media:1", HEADERS, "audio/amr", "rec\r\nording.amr",
                new ByteArrayDataSource(audio, "application/octet-stream")));
        assertTrue(m.isMimeType("audio/amr"));
        assertEquals("base64", m.getEncoding());
        assertEquals("rec  ording.amr", m.getFileName());
        assertArrayEquals(audio, m.getInputStream().readAllBytes());
    }

    @Test
    void everyComposedObjectHasOnlyShortAsciiHeaderLines() {
        List<StoredObject> objects = new ArrayList<>();
        ObjectHeaders h = HEADERS.withSubject("東京 ".repeat(300));
        objects.add(MessageObject.compose("a", h, "message/cpim", CPIM.getBytes(StandardCharsets.UTF_8), "i", null));
        objects.add(SessionInfoObject.compose("b", h, SessionInfoObject.SessionType.ONE_TO_ONE, "v=0\r\n",
                Collections.nCopies(1000, "sip:someone.with.a.long.name@example.com")));
        for (StoredObject o : objects) {
            String all = new String(o.toBytes(), StandardCharsets.ISO_8859_1);
            String head = all.substring(0, all.indexOf("\r\n\r\n"));
            assertTrue(head.lines().allMatch(line -> line.length() <= 998 && line.chars().allMatch(c -> c < 0x80)),
                    head);
            assertFalse(head.contains("\r\n\r\n"));
        }
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagName(element).item(0).getTextContent();
    }

    private static MimeMessage read(StoredObject o) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(o.toBytes()));
    }
}
