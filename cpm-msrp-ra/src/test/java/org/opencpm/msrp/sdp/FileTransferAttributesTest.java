package org.opencpm.msrp.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpm.msrp.codec.MsrpUri;

/** The RFC 5547 file transfer attributes typed on {@link MsrpMedia}, their lines kept as written. */
class FileTransferAttributesTest {

    static final String SHA1 = "72:24:5F:E8:65:3D:DA:F3:71:36:2F:86:D4:71:91:3E:E4:A2:CE:2E";

    // The offer of RFC 5547 sec 9.1 (Alice sends a picture), its folded file-selector line joined, s= given a dash.
    static final String PUSH_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 alicepc.example.com
            s=-
            c=IN IP4 alicepc.example.com
            t=0 0
            m=message 7654 TCP/MSRP *
            a=accept-types:message/cpim
            a=accept-wrapped-types:*
            a=path:msrp://alicepc.example.com:7654/jshA7we;tcp
            a=file-selector:name:"My cool picture.jpg" type:image/jpeg size:32349 hash:sha-1:%s
            a=file-transfer-id:vBnG916bdberum2fFEABR1FR3ExZMUrd
            a=file-disposition:render
            a=file-date:creation:"Mon, 15 May 2006 15:01:31 +0300"
            a=file-icon:cid:id2@alicepc.example.com
            a=file-range:1-32349
            a=sendonly
            """.formatted(SHA1);

    static final String HEAD = "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=message 7654 TCP/MSRP *\n"
            + "a=accept-types:*\na=path:msrp://h:7654/s1;tcp\n";

    private static MsrpMedia media(String sdp) {
        return SessionDescription.parse(sdp).msrpMedia().get(0);
    }

    private static MsrpMedia withLine(String line) {
        return media(HEAD + line + "\n");
    }

    @Test
    void typesTheOfferOfSection91AndWritesItBackAsRead() {
        MsrpMedia m = media(PUSH_OFFER);
        FileSelector file = m.fileSelector().orElseThrow();
        assertEquals(Optional.of("My cool picture.jpg"), file.name());
        assertEquals(Optional.of(new FileType("image", "jpeg", Map.of())), file.type());
        assertEquals(OptionalLong.of(32349), file.size());
        FileHash sha1 = file.hash("SHA-1").orElseThrow();
        assertArrayEquals(HexFormat.ofDelimiter(":").parseHex(SHA1), sha1.digest());
        assertEquals("sha-1:" + SHA1, sha1.toString());
        assertEquals(Optional.of("vBnG916bdberum2fFEABR1FR3ExZMUrd"), m.fileTransferId());
        assertEquals(Optional.of("render"), m.fileDisposition());
        assertEquals(Optional.of("Mon, 15 May 2006 15:01:31 +0300"), m.fileDate().orElseThrow().creation());
        assertEquals(Optional.empty(), m.fileDate().orElseThrow().modification());
        assertEquals(Optional.of("cid:id2@alicepc.example.com"), m.fileIcon());
        assertEquals(Optional.of(new FileRange(1, 32349)), m.fileRange());
        assertEquals(SessionDescriptionTest.crlf(PUSH_OFFER), SessionDescription.parse(PUSH_OFFER).toString());
        // Typed and written again, the selector reads as the RFC writes it.
        assertEquals(m.attribute("file-selector").orElseThrow().value(), file.toString());
    }

    @Test
    void aMediaWithoutFileAttributesHasNone() {
        MsrpMedia m = media(SessionDescriptionTest.ALICE_OFFER);
        assertEquals(Optional.empty(), m.fileSelector());
        assertEquals(Optional.empty(), m.fileRange());
        assertEquals(Optional.empty(), m.fileTransferId());
    }

    @Test
    void decodesAndEncodesNames() {
        assertEquals(Optional.of("a\"b%c.txt"), withLine("a=file-selector:name:\"a%22b%25c.txt\"").fileSelector()
                .orElseThrow().name());
        // UTF-8 as it stands in the body, or percent-encoded byte by byte.
        assertEquals(Optional.of("Résumé 1.pdf"), withLine("a=file-selector:name:\"Résumé 1.pdf\"").fileSelector()
                .orElseThrow().name());
        assertEquals(Optional.of("Résumé 1.pdf"), withLine("a=file-selector:name:\"R%C3%A9sum%c3%a9 1.pdf\"")
                .fileSelector().orElseThrow().name());
        FileSelector odd = FileSelector.builder().name("50% \"off\"\r\n.txt").build();
        assertEquals("name:\"50%25 %22off%22%0D%0A.txt\"", odd.toString());
        assertEquals(odd, FileSelector.parse(odd.toString()));
    }

    @Test
    void readsTypeParametersAndSelectorsInAnyOrder() {
        FileSelector f = withLine("a=file-selector:size:0 type:text/plain;charset=\"UTF-8\";title=\"a b%22\" "
                + "hash:sha-256:0A:ff hash:sha-1:" + SHA1 + " name:\"x\"").fileSelector().orElseThrow();
        FileType type = f.type().orElseThrow();
        assertEquals("text/plain", type.mediaType());
        assertEquals(List.of("charset", "title"), List.copyOf(type.parameters().keySet()));
        assertEquals("a b\"", type.parameters().get("title"));
        assertEquals("text/plain;charset=\"UTF-8\";title=\"a b%22\"", type.toString());
        assertEquals(OptionalLong.of(0), f.size());
        assertEquals(2, f.hashes().size());
        assertArrayEquals(new byte[] {0x0a, (byte) 0xff}, f.hash("sha-256").orElseThrow().digest());
        assertEquals(Optional.of("x"), f.name());
    }

    @Test
    void readsTheBareSelectorOpenRangesAndAllDates() {
        MsrpMedia m = withLine("a=file-selector\na=file-range:1025-*\na=file-date:read:\"Tue, 16 May 2006 "
                + "10:00:00 +0000\" creation:\"Mon, 15 May 2006 15:01:31 +0300\" modification:\"x\"");
        assertTrue(m.fileSelector().orElseThrow().isEmpty());
        FileRange range = m.fileRange().orElseThrow();
        assertEquals(1025, range.start());
        assertEquals(false, range.hasStop());
        assertEquals(1024, range.bytesBefore());
        assertEquals("1025-*", range.toString());
        FileDate dates = m.fileDate().orElseThrow();
        assertEquals(Optional.of("x"), dates.modification());
        assertEquals("creation:\"Mon, 15 May 2006 15:01:31 +0300\" modification:\"x\" read:\"Tue, 16 May 2006 "
                + "10:00:00 +0000\"", dates.toString());
    }

    @Test
    void buildsAFileOffer() {
        MsrpUri local = MsrpUri.of(false, "192.0.2.1", 2855, "abc123");
        FileSelector file = FileSelector.builder().name("My cool picture.jpg").type(FileType.of("image/jpeg"))
                .size(32349).hash(FileHash.of("sha-1", HexFormat.ofDelimiter(":").parseHex(SHA1))).build();
        MsrpMedia.Builder b = MsrpMedia.builder().port(2855).path(List.of(local)).acceptTypes(List.of("*"))
                .attribute(new SdpAttribute("chatroom", "x")).fileSelector(file).fileTransferId("t1")
                .fileDisposition("attachment").fileDate(FileDate.of(null, "Mon, 15 May 2006 15:01:31 +0300", null))
                .fileIcon("cid:i@h").fileRange(FileRange.from(1)).direction(Direction.SENDONLY);
        assertEquals(List.of("m=message 2855 TCP/MSRP *", "a=accept-types:*", "a=path:msrp://192.0.2.1:2855/abc123;tcp",
                "a=chatroom:x",
                "a=file-selector:name:\"My cool picture.jpg\" type:image/jpeg size:32349 hash:sha-1:" + SHA1,
                "a=file-transfer-id:t1", "a=file-disposition:attachment",
                "a=file-date:modification:\"Mon, 15 May 2006 15:01:31 +0300\"", "a=file-icon:cid:i@h",
                "a=file-range:1-*", "a=sendonly"), b.build().lines());
        // Set again: replaced where it stands; null: removed.
        MsrpMedia again = b.fileTransferId("t2").fileRange(new FileRange(5, 9)).fileIcon(null).build();
        assertEquals(Optional.of("t2"), again.fileTransferId());
        assertEquals(Optional.of(new FileRange(5, 9)), again.fileRange());
        assertEquals(Optional.empty(), again.fileIcon());
        assertEquals(List.of("chatroom", "file-selector", "file-transfer-id", "file-disposition", "file-date",
                "file-range"), again.attributes().stream().map(SdpAttribute::name).toList());
        assertEquals(Optional.of(file), media(SessionDescription.of(SdpOrigin.of("-", "1", "1", "192.0.2.1"),
                SdpConnection.of("192.0.2.1"), List.of(again)).toString()).fileSelector());
        assertThrows(SdpFormatException.class, () -> MsrpMedia.builder().fileTransferId("a b"));
        assertThrows(SdpFormatException.class, () -> MsrpMedia.builder().fileIcon("http://h/i.png"));
    }

    static Stream<Arguments> malformed() {
        String longName = "x".repeat(FileSelector.MAX_NAME_LENGTH + 1);
        return Stream.of(
                Arguments.of("a=file-selector:", "SDP a=file-selector malformed: no selector after the colon"),
                Arguments.of("a=file-selector:name:My.jpg", "SDP a=file-selector malformed: name not quoted"),
                Arguments.of("a=file-selector:name:\"My.jpg",
                        "SDP a=file-selector malformed: quoted string not closed"),
                Arguments.of("a=file-selector:name:\"\"", "SDP a=file-selector malformed: empty quoted string"),
                Arguments.of("a=file-selector:name:\"a\"b",
                        "SDP a=file-selector malformed: text after the quoted name"),
                Arguments.of("a=file-selector:name:\"a%2\"", "SDP a=file-selector malformed: bad percent-encoding"),
                Arguments.of("a=file-selector:name:\"a%G0\"", "SDP a=file-selector malformed: bad percent-encoding"),
                Arguments.of("a=file-selector:name:\"%C3\"", "SDP a=file-selector malformed: quoted string not UTF-8"),
                Arguments.of("a=file-selector:name:\"" + longName + "\"",
                        "SDP a=file-selector malformed: name of 1 to 1024 characters expected"),
                Arguments.of("a=file-selector:name:\"a\" name:\"b\"",
                        "SDP a=file-selector malformed: name given twice"),
                Arguments.of("a=file-selector:size:1  type:a/b",
                        "SDP a=file-selector malformed: selectors not separated by one space"),
                Arguments.of("a=file-selector:size:1 ", "SDP a=file-selector malformed: space at the end"),
                Arguments.of("a=file-selector:colour:red", "SDP a=file-selector malformed: unknown selector"),
                Arguments.of("a=file-selector:size:-1", "SDP a=file-selector malformed: size not a number"),
                Arguments.of("a=file-selector:size:012", "SDP a=file-selector malformed: size not a number"),
                Arguments.of("a=file-selector:size:1234567890123456789",
                        "SDP a=file-selector malformed: size not a number"),
                Arguments.of("a=file-selector:type:jpeg", "SDP a=file-selector malformed: type not a media type"),
                Arguments.of("a=file-selector:type:text/plain;charset=UTF-8",
                        "SDP a=file-selector malformed: type parameter value not quoted"),
                Arguments.of("a=file-selector:type:text/plain;charset",
                        "SDP a=file-selector malformed: type parameter malformed"),
                Arguments.of("a=file-selector:hash:sha-1", "SDP a=file-selector malformed: hash without value"),
                Arguments.of("a=file-selector:hash:sha-1:7:24",
                        "SDP a=file-selector malformed: hash value not colon-separated hex bytes"),
                Arguments.of("a=file-selector:hash:sha-1:72-24",
                        "SDP a=file-selector malformed: hash value not colon-separated hex bytes"),
                Arguments.of("a=file-selector:hash:sha-1:ZZ",
                        "SDP a=file-selector malformed: hash value not colon-separated hex bytes"),
                Arguments.of("a=file-selector:hash::72",
                        "SDP a=file-selector malformed: hash algorithm not a token of at most 32 characters"),
                Arguments.of("a=file-selector:hash:sha-1:72 hash:SHA-1:24",
                        "SDP a=file-selector malformed: two hashes of SHA-1"),
                Arguments.of("a=file-selector:size:1\na=file-selector:size:1",
                        "SDP media has more than one a=file-selector"),
                Arguments.of("a=file-transfer-id:a\"b",
                        "SDP a=file-transfer-id malformed: id not a token of at most 256 characters"),
                Arguments.of("a=file-transfer-id", "SDP a=file-transfer-id malformed: no value"),
                Arguments.of("a=file-disposition:at tach",
                        "SDP a=file-disposition malformed: disposition not a token of at most 64 characters"),
                Arguments.of("a=file-date:creation:Mon", "SDP a=file-date malformed: creation date not quoted"),
                Arguments.of("a=file-date:birth:\"Mon\"", "SDP a=file-date malformed: unknown date parameter"),
                Arguments.of("a=file-date:read:\"a\" read:\"b\"", "SDP a=file-date malformed: read given twice"),
                Arguments.of("a=file-date:read:\"a\"read:\"b\"",
                        "SDP a=file-date malformed: dates not separated by one space"),
                Arguments.of("a=file-date:read:\"\"",
                        "SDP a=file-date malformed: date of 1 to 64 printable characters expected"),
                Arguments.of("a=file-icon:id2@h",
                        "SDP a=file-icon malformed: cid: URL of at most 1024 characters expected"),
                Arguments.of("a=file-range:0-10",
                        "SDP a=file-range malformed: start not a positive number"),
                Arguments.of("a=file-range:10-5",
                        "SDP a=file-range malformed: range must start at 1 or later and not stop before its start"),
                Arguments.of("a=file-range:1-", "SDP a=file-range malformed: stop not a positive number"),
                Arguments.of("a=file-range:1", "SDP a=file-range malformed: no dash between start and stop"),
                Arguments.of("a=file-range:*-1", "SDP a=file-range malformed: start not a positive number"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void refusesWithAReason(String line, String reason) {
        assertEquals(reason, assertThrows(SdpFormatException.class, () -> withLine(line)).getMessage());
    }

    @Test
    void boundsTheHashes() {
        FileSelector.Builder b = FileSelector.builder();
        for (int i = 0; i <= FileSelector.MAX_HASHES; i++) {
            b.hash(FileHash.of("h" + i, new byte[] {1}));
        }
        assertThrows(SdpFormatException.class, b::build);
        assertThrows(SdpFormatException.class, () -> FileHash.of("sha-1", new byte[FileHash.MAX_BYTES + 1]));
        assertThrows(SdpFormatException.class, () -> FileDate.of(null, null, null));
    }
}
