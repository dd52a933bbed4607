package org.opencpm.msrp.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpm.msrp.codec.MsrpUri;

class SessionDescriptionTest {

    // The offer of the RFC 4975 basic session example.
    static final String ALICE_OFFER = """
            v=0
            o=alice 2890844557 2890844559 IN IP4 alicepc.example.com
            s= -
            c=IN IP4 alicepc.example.com
            t=0 0
            m=message 7654 TCP/MSRP *
            a=accept-types:text/plain
            a=path:msrp://alicepc.example.com:7654/jshA7weztas;tcp
            """;

    // A 1-1 chat offer as RCS clients write it, letting the answerer choose who connects.
    static final String CHAT_OFFER = """
            v=0
            o=- 3713445 3713445 IN IP4 10.0.0.7
            s=-
            c=IN IP4 10.0.0.7
            t=0 0
            m=message 20000 TCP/MSRP *
            a=accept-types:message/cpim application/im-iscomposing+xml
            a=accept-wrapped-types:text/plain message/imdn+xml
            a=path:msrp://10.0.0.7:20000/s8d7f6g5;tcp
            a=setup:actpass
            a=sendrecv
            """;

    // An RFC 5547 file transfer offer over TLS: the file attributes pass through as written.
    static final String FILE_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 alicepc.example.com
            s=-
            c=IN IP4 alicepc.example.com
            t=0 0
            m=message 7654 TCP/TLS/MSRP *
            a=accept-types:message/cpim
            a=accept-wrapped-types:*
            a=max-size:4092
            a=path:msrps://alicepc.example.com:7654/jshA7weztas;tcp
            a=setup:passive
            a=connection:new
            a=file-selector:name:"My picture.jpg" type:image/jpeg size:4092
            a=file-transfer-id:vBnG916bdberum2fFEABR1FR3ExZMUrd
            a=file-disposition:attachment
            a=file-date:creation:"Mon, 15 May 2006 15:01:31 +0300"
            a=file-icon:cid:id2@alicepc.example.com
            a=sendonly
            """;

    // A closed group chat (OMA CPM SD 5.2.3.4.1) offered with an audio stream this server does not take.
    static final String GROUP_OFFER = """
            v=0
            o=- 1 1 IN IP6 2001:db8::7
            s=-
            c=IN IP6 2001:db8::7
            t=0 0
            m=audio 49170/2 RTP/AVP 0 8
            a=rtpmap:0 PCMU/8000
            m=message 2855 TCP/MSRP *
            i=group chat
            a=accept-types:message/cpim
            a=path:msrp://[2001:db8::7]:2855/g1;tcp
            a=chatroom:org.openmobilealliance.groupchat.closed
            """;

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    static Stream<String> writtenAsRead() {
        return Stream.of(ALICE_OFFER, CHAT_OFFER, FILE_OFFER);
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("writtenAsRead")
    void writesBackWhatItReads(String sdp) {
        assertEquals(crlf(sdp), SessionDescription.parse(crlf(sdp)).toString());
        assertEquals(crlf(sdp), SessionDescription.parse(sdp.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void typesTheBasicOffer() {
        SessionDescription offer = SessionDescription.parse(ALICE_OFFER);
        assertEquals(new SdpOrigin("alice", "2890844557", "2890844559", "IN", "IP4", "alicepc.example.com"),
                offer.origin());
        assertEquals(" -", offer.sessionName());
        assertEquals(Optional.of(SdpConnection.of("alicepc.example.com")), offer.connection());
        MsrpMedia media = offer.msrpMedia().get(0);
        assertEquals(7654, media.port());
        assertEquals(MsrpTransport.TCP, media.transport());
        assertEquals(List.of("*"), media.formats());
        assertEquals(List.of("text/plain"), media.acceptTypes());
        assertEquals(MsrpUri.parse("msrp://alicepc.example.com:7654/jshA7weztas;tcp"), media.endpoint());
        assertEquals(Direction.SENDRECV, offer.direction(media));
        assertEquals(Optional.empty(), media.setup());
    }

    @Test
    void typesTheFileTransferOffer() {
        SessionDescription offer = SessionDescription.parse(FILE_OFFER);
        MsrpMedia media = offer.msrpMedia().get(0);
        assertEquals(MsrpTransport.TLS, media.transport());
        assertEquals(List.of("*"), media.acceptWrappedTypes());
        assertEquals(OptionalLong.of(4092), media.maxSize());
        assertEquals(Optional.of(Setup.PASSIVE), media.setup());
        assertEquals(Optional.of(TcpConnection.NEW), media.tcpConnection());
        assertEquals(Direction.SENDONLY, offer.direction(media));
        assertEquals("name:\"My picture.jpg\" type:image/jpeg size:4092",
                media.attribute("file-selector").orElseThrow().value());
        assertEquals(List.of("file-selector", "file-transfer-id", "file-disposition", "file-date", "file-icon"),
                media.attributes().stream().map(SdpAttribute::name).toList());
    }

    @Test
    void keepsOtherMediaAndReadsPastUnusedLines() {
        SessionDescription offer = SessionDescription.parse(GROUP_OFFER);
        assertEquals(2, offer.media().size());
        OtherMedia audio = assertInstanceOf(OtherMedia.class, offer.media().get(0));
        assertEquals(49170, audio.port());
        assertEquals(List.of("m=audio 49170/2 RTP/AVP 0 8", "a=rtpmap:0 PCMU/8000"), audio.lines());
        assertEquals(List.of("m=audio 0 RTP/AVP 0 8"), audio.declined().lines());
        MsrpMedia chat = offer.msrpMedia().get(0);
        assertEquals("org.openmobilealliance.groupchat.closed", chat.attribute("chatroom").orElseThrow().value());
        assertEquals("[2001:db8::7]", chat.endpoint().host());
        assertEquals(Optional.of(SdpConnection.of("2001:db8::7")), offer.connection());
    }

    @Test
    void takesTheSessionDirectionWhenAStreamHasNone() {
        SessionDescription offer = SessionDescription.parse(ALICE_OFFER.replace("t=0 0\n", "t=0 0\na=recvonly\n"));
        assertEquals(Direction.RECVONLY, offer.direction(offer.media().get(0)));
        assertEquals(Optional.of(Direction.RECVONLY), offer.direction());
    }

    @Test
    void buildsAnOffer() {
        MsrpUri local = MsrpUri.of(false, "192.0.2.1", 2855, "abc123");
        MsrpMedia media = MsrpMedia.builder().port(local.effectivePort()).path(List.of(local))
                .acceptTypes(List.of("message/cpim")).acceptWrappedTypes(List.of("text/plain", "message/imdn+xml"))
                .setup(Setup.ACTPASS).direction(Direction.SENDONLY)
                .attribute(new SdpAttribute("file-transfer-id", "x1")).build();
        SessionDescription sdp = SessionDescription.of(SdpOrigin.of("-", "1", "1", "192.0.2.1"),
                SdpConnection.of("192.0.2.1"), List.of(media));
        assertEquals(crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                m=message 2855 TCP/MSRP *
                a=accept-types:message/cpim
                a=accept-wrapped-types:text/plain message/imdn+xml
                a=path:msrp://192.0.2.1:2855/abc123;tcp
                a=setup:actpass
                a=file-transfer-id:x1
                a=sendonly
                """), sdp.toString());
        assertThrows(IllegalArgumentException.class,
                () -> MsrpMedia.builder().attribute(new SdpAttribute("setup", "active")));
    }

    static Stream<Arguments> malformed() {
        String head = "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\n";
        String m = "m=message 7654 TCP/MSRP *\n";
        String types = "a=accept-types:text/plain\n";
        String path = "a=path:msrp://h:7654/s1;tcp\n";
        return Stream.of(
                Arguments.of("", "SDP does not start with v=0"),
                Arguments.of("v=1\n", "SDP does not start with v=0"),
                Arguments.of("o=- 1 1 IN IP4 h\nv=0\n", "SDP does not start with v=0"),
                Arguments.of("v=0\ns=-\nt=0 0\n", "SDP without o= line"),
                Arguments.of("v=0\no=- 1 1 IN IP4 h\nt=0 0\n", "SDP without s= line"),
                Arguments.of("v=0\no=- 1 1 IN IP4 h\ns=-\n", "SDP without t= line"),
                Arguments.of("v=0\no=- 1 1 IN IP4\ns=-\nt=0 0\n", "SDP o= line malformed"),
                Arguments.of(head + "o=- 2 2 IN IP4 h\n", "SDP session has more than one o="),
                Arguments.of("v=0\no=- 1 1 IN IP4 h\ns=\nt=0 0\n", "SDP s= line malformed"),
                Arguments.of("v=0\no=- 1 1 IN IP4 h\ns=-\nt=now\n", "SDP t= line malformed"),
                Arguments.of(head + "c=IN IP4\n", "SDP c= line malformed"),
                Arguments.of(head + "hello\n", "SDP line malformed"),
                Arguments.of(head + "A=b\n", "SDP line malformed"),
                Arguments.of(head + "a=sendonly\na=recvonly\n", "SDP session has more than one direction"),
                Arguments.of(head + "a=sendonly:yes\n", "SDP a=sendonly malformed"),
                Arguments.of(head + "m=message 7654 TCP/MSRP\n", "SDP m= line malformed"),
                Arguments.of(head + "m=message 76543 TCP/MSRP *\n" + types + path, "SDP m= line malformed"),
                Arguments.of(head + "m=message 7654/2 TCP/MSRP *\n" + types + path, "SDP m= line malformed"),
                Arguments.of(head + "m=audio x RTP/AVP 0\n", "SDP m= line malformed"),
                Arguments.of(head + m + types, "SDP MSRP media without a=path"),
                Arguments.of(head + m + path, "SDP MSRP media without a=accept-types"),
                Arguments.of(head + m + types + path + path, "SDP media has more than one a=path"),
                Arguments.of(head + m + types + "a=path:sip:bob@h\n", "SDP a=path: MSRP URI scheme malformed"),
                Arguments.of(head + m + types + "a=path\n", "SDP a=path malformed"),
                Arguments.of(head + m + "a=accept-types:text\n" + path, "SDP a=accept-types malformed"),
                Arguments.of(head + m + "a=accept-types:*/plain\n" + path, "SDP a=accept-types malformed"),
                Arguments.of(head + m + types + "a=accept-wrapped-types:text/plain;q=1\n" + path,
                        "SDP a=accept-wrapped-types malformed"),
                Arguments.of(head + m + types + path + "a=max-size:big\n", "SDP a=max-size malformed"),
                Arguments.of(head + m + types + path + "a=setup:both\n", "SDP a=setup malformed"),
                Arguments.of(head + m + types + path + "a=connection:old\n", "SDP a=connection malformed"),
                Arguments.of(head + m + types + path + "a=sendonly\na=inactive\n",
                        "SDP media has more than one direction"),
                Arguments.of(head + m + types + path + "c=IN IP4 h\nc=IN IP4 h\n", "SDP media has more than one c="),
                Arguments.of(head + "m=message 7654 TCP/TLS/MSRP *\n" + types + path,
                        "SDP MSRP protocol and a=path scheme disagree"),
                Arguments.of(head + "a=x:y\n".repeat(SessionDescription.MAX_LINES), "SDP has more than 512 lines"),
                Arguments.of(head + "a=x:" + "y".repeat(SessionDescription.MAX_SIZE) + "\n", "SDP body too large"),
                Arguments.of(head + "m=audio 0 RTP/AVP 0\n".repeat(SessionDescription.MAX_MEDIA + 1),
                        "SDP has more than 16 media"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void refusesWithAReason(String sdp, String reason) {
        assertEquals(reason, assertThrows(SdpFormatException.class, () -> SessionDescription.parse(sdp)).getMessage());
    }

    @Test
    void aDeclinedStreamNeedsNoPath() {
        SessionDescription sdp = SessionDescription.parse(
                "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=message 0 TCP/MSRP *\n");
        assertEquals(0, sdp.msrpMedia().get(0).port());
        assertEquals(List.of(), sdp.msrpMedia().get(0).path());
    }
}
