package org.opencpm.msrp.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.msrp.codec.MsrpUri;

class NegotiationTest {

    static Optional<Setup> setup(String token) {
        return token.equals("-") ? Optional.empty() : Optional.of(Setup.parse(token));
    }

    static List<String> types(String list) {
        return list.isBlank() ? List.of() : Arrays.asList(list.trim().split(" +"));
    }

    @ParameterizedTest(name = "offer {0}, preferring {1}: answer {2}")
    @CsvSource(delimiter = '|', value = {
        "actpass  | active  | active",
        "actpass  | passive | passive",
        "active   | active  | passive",
        "passive  | passive | active",
        "holdconn | active  | holdconn",
        "-        | active  | -",
    })
    void answersTheSetupOfRfc4145(String offered, String preference, String answered) {
        assertEquals(setup(answered), Setup.answerTo(setup(offered), Setup.parse(preference)));
    }

    @ParameterizedTest(name = "offer {0}, answer {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "-        | -        | OFFERER",
        "actpass  | -        | OFFERER",
        "actpass  | passive  | OFFERER",
        "actpass  | active   | ANSWERER",
        "active   | passive  | OFFERER",
        "passive  | active   | ANSWERER",
        "-        | passive  | OFFERER",
        "holdconn | holdconn | NEITHER",
        "actpass  | holdconn | NEITHER",
    })
    void knowsWhoConnects(String offered, String answered, Setup.Opener opener) {
        assertEquals(opener, Setup.opener(setup(offered), setup(answered)));
    }

    @ParameterizedTest(name = "offer {0}, answer {1}")
    @CsvSource(delimiter = '|', value = {
        "active  | active  | SDP a=setup:active answered with active",
        "-       | active  | SDP a=setup:active answered with active",
        "passive | passive | SDP a=setup:passive answered with passive",
        "passive | -       | SDP a=setup:passive answered with passive",
        "actpass | actpass | SDP answer with a=setup:actpass",
    })
    void refusesContradictorySetups(String offered, String answered, String reason) {
        assertEquals(reason, assertThrows(SdpNegotiationException.class,
                () -> Setup.opener(setup(offered), setup(answered))).getMessage());
    }

    @ParameterizedTest(name = "offer {0}, wanted {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "SENDRECV | SENDRECV | SENDRECV",
        "SENDONLY | SENDRECV | RECVONLY",
        "RECVONLY | SENDRECV | SENDONLY",
        "INACTIVE | SENDRECV | INACTIVE",
        "SENDRECV | RECVONLY | RECVONLY",
        "SENDONLY | SENDONLY | INACTIVE",
    })
    void answersTheDirectionOfRfc3264(Direction offered, Direction wanted, Direction answered) {
        assertEquals(answered, Direction.answerTo(offered, wanted));
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "message/cpim application/im-iscomposing+xml | message/cpim text/plain | message/cpim",
        "*                                           | text/plain message/cpim | text/plain message/cpim",
        "text/*                                      | message/cpim TEXT/Plain | TEXT/Plain",
        "text/plain text/html image/png              | text/*                  | text/plain text/html",
        "text/*                                      | *                       | text/*",
        "text/plain                                  | image/*                 | ''",
        "text/plain message/cpim                     | message/cpim message/cpim | message/cpim",
    })
    void intersectsAcceptTypes(String offered, String supported, String common) {
        assertEquals(types(common), AcceptTypes.intersect(types(offered), types(supported)));
    }

    static final MsrpUri SERVER = MsrpUri.of(false, "192.0.2.10", 2855, "pf1a2b3c");
    static final MsrpUri SERVER_TLS = MsrpUri.of(true, "192.0.2.10", 2856, "pf1a2b3c");
    static final SdpOrigin ORIGIN = SdpOrigin.of("-", "42", "42", "192.0.2.10");
    static final SdpConnection CONNECTION = SdpConnection.of("192.0.2.10");
    /** The session part of every answer below: this server's origin and address. */
    static final String ANSWER_HEAD = """
            v=0
            o=- 42 42 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            """;

    static AnswerPolicy chat(Setup whenActpass) {
        return new AnswerPolicy(List.of("message/cpim", "text/plain"),
                List.of("text/plain", "message/imdn+xml", "application/vnd.gsma.rcs-ft-http+xml"), -1, whenActpass,
                Direction.SENDRECV, List.of());
    }

    static String answer(String offer, MsrpUri local, AnswerPolicy policy) {
        return MsrpAnswerer.answer(SessionDescription.parse(offer), ORIGIN, CONNECTION, local, policy).toString();
    }

    @Test
    void answersTheBasicOfferWithoutSetupAsRfc4975Does() {
        assertEquals(SessionDescriptionTest.crlf(ANSWER_HEAD + """
                m=message 2855 TCP/MSRP *
                a=accept-types:text/plain
                a=path:msrp://192.0.2.10:2855/pf1a2b3c;tcp
                """), answer(SessionDescriptionTest.ALICE_OFFER, SERVER, chat(Setup.PASSIVE)));
    }

    @Test
    void answersAChatOfferAndConnectsItself() {
        assertEquals(SessionDescriptionTest.crlf(ANSWER_HEAD + """
                m=message 9 TCP/MSRP *
                a=accept-types:message/cpim
                a=accept-wrapped-types:text/plain message/imdn+xml
                a=path:msrp://192.0.2.10:2855/pf1a2b3c;tcp
                a=setup:active
                """), answer(SessionDescriptionTest.CHAT_OFFER, SERVER, chat(Setup.ACTIVE)));
    }

    @Test
    void acceptsAFileTransfer() {
        AnswerPolicy files = new AnswerPolicy(List.of("message/cpim"), List.of("*"), 10_000_000, Setup.ACTIVE,
                Direction.SENDRECV, List.of("file-selector", "file-transfer-id"));
        assertEquals(SessionDescriptionTest.crlf(ANSWER_HEAD + """
                m=message 9 TCP/TLS/MSRP *
                a=accept-types:message/cpim
                a=accept-wrapped-types:*
                a=max-size:10000000
                a=path:msrps://192.0.2.10:2856/pf1a2b3c;tcp
                a=setup:active
                a=file-selector:name:"My picture.jpg" type:image/jpeg size:4092
                a=file-transfer-id:vBnG916bdberum2fFEABR1FR3ExZMUrd
                a=recvonly
                """), answer(SessionDescriptionTest.FILE_OFFER, SERVER_TLS, files));
    }

    @Test
    void declinesTheStreamsItDoesNotTake() {
        assertEquals(SessionDescriptionTest.crlf(ANSWER_HEAD + """
                m=audio 0 RTP/AVP 0 8
                m=message 2855 TCP/MSRP *
                a=accept-types:message/cpim
                a=path:msrp://192.0.2.10:2855/pf1a2b3c;tcp
                m=message 0 TCP/MSRP *
                """), answer(SessionDescriptionTest.GROUP_OFFER + "m=message 7 TCP/MSRP *\n"
                        + "a=accept-types:text/plain\na=path:msrp://h:7/x;tcp\n", SERVER, chat(Setup.PASSIVE)));
    }

    @Test
    void refusesWhatCannotBeAgreed() {
        assertEquals("SDP offer has no accept-types in common", assertThrows(SdpNegotiationException.class,
                () -> answer(SessionDescriptionTest.ALICE_OFFER.replace("text/plain", "image/png"), SERVER,
                        chat(Setup.PASSIVE))).getMessage());
        assertEquals("SDP offer over TCP/TLS/MSRP needs an msrps path here", assertThrows(
                SdpNegotiationException.class,
                () -> answer(SessionDescriptionTest.FILE_OFFER, SERVER, chat(Setup.PASSIVE))).getMessage());
        assertEquals("SDP offer has no MSRP media", assertThrows(SdpNegotiationException.class,
                () -> answer("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n", SERVER,
                        chat(Setup.PASSIVE))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> chat(Setup.ACTPASS));
    }
}
