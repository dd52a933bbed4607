package org.opencpm.msrp.codec;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameWriterTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final FrameWriter writer = new FrameWriter(out);

    static MsrpUri uri(String text) {
        return MsrpUri.parse(text);
    }

    static MsrpHeaders.Builder aliceToBob() {
        return HeaderValuesTest.paths();
    }

    static MsrpHeaders.Builder bobToAlice() {
        return MsrpHeaders.builder()
                .toPath(List.of(uri("msrp://alicepc.example.com:7777/iau39soe2843z;tcp")))
                .fromPath(List.of(uri("msrp://bob.example.com:8888/9di4eae923wzd;tcp")));
    }

    static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(ISO_8859_1));
    }

    private String written() {
        return out.toString(ISO_8859_1);
    }

    @Test
    void writesTheBasicSessionOfTheRfcByteForByte() throws IOException {
        writer.write(new MsrpRequest("d93kswow", MsrpRequest.SEND, aliceToBob().messageId("12339sdqwer")
                .byteRange(ByteRange.whole(16)).contentType("text/plain").build()), text("Hi, I'm Alice!"),
                EndFlag.COMPLETE);
        writer.write(new MsrpResponse("d93kswow", MsrpStatus.OK, bobToAlice().build()), EndFlag.COMPLETE);
        assertEquals(Recorder.crlf(FrameParserTest.HI_ALICE), written());
    }

    @Test
    void writesTheChunksAndTheReportOfTheRfcByteForByte() throws IOException {
        writer.write(new MsrpRequest("dkei38sd", MsrpRequest.SEND, aliceToBob().messageId("4564dpWd")
                .byteRange(new ByteRange(1, ByteRange.UNKNOWN, 8)).contentType("text/plain").build()),
                text("abcd"), EndFlag.MORE);
        writer.write(new MsrpRequest("dkei38ia", MsrpRequest.SEND, aliceToBob().messageId("4564dpWd")
                .byteRange(new ByteRange(5, 8, 8)).contentType("text/plain").build()), text("EFGH"),
                EndFlag.COMPLETE);
        writer.write(new MsrpRequest("dkei38sd", MsrpRequest.REPORT, bobToAlice().messageId("12339sdqwer")
                .byteRange(ByteRange.whole(106)).status(ReportStatus.of(MsrpStatus.OK)).build()), EndFlag.COMPLETE);
        assertEquals(Recorder.crlf(FrameParserTest.CHUNKED + FrameParserTest.REPORT), written());
    }

    @Test
    void whatItWritesReadsBackTheSame() throws IOException {
        MsrpRequest send = new MsrpRequest("tid12345", MsrpRequest.SEND, aliceToBob().messageId("m1234")
                .byteRange(new ByteRange(1, ByteRange.UNKNOWN, ByteRange.UNKNOWN))
                .successReport(SuccessReport.YES).failureReport(FailureReport.PARTIAL)
                .header("X-Ext", "ünïcode value").header("Content-ID", "<part1@example.com>")
                .contentType("message/cpim").build());
        MsrpResponse refused = new MsrpResponse("tid12345", 415, "Unsupported Media Type", bobToAlice().build());
        MsrpRequest nickname = new MsrpRequest("nick1234", "NICKNAME", aliceToBob().header("Use-Nickname", "\"Al\"")
                .build());
        writer.write(send, text("body\r\n-------tid1234$\r\n"), EndFlag.MORE);
        writer.write(refused, EndFlag.COMPLETE);
        writer.write(nickname, EndFlag.COMPLETE);
        Recorder read = Recorder.feed(out.toByteArray(), ParserLimits.DEFAULTS);
        assertEquals(List.of(send, refused, nickname), read.frames);
        assertEquals("body body\r\n-------tid1234$\r\n", read.events.get(1));
        assertEquals("end +", read.events.get(2));
    }

    static Stream<Arguments> bodiesWithTheirEndLine() {
        return Stream.of(
                Arguments.of("x\r\n-------tid12345$\r\ny"),
                Arguments.of("x\r\n-------tid12345+\r\n"),
                Arguments.of("-------tid12345#\r\nrest"),
                Arguments.of("ends with it\r\n-------tid12345$"),
                Arguments.of("\r\n-------tid12345+"));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("bodiesWithTheirEndLine")
    void refusesABodyHoldingItsEndLine(String body) {
        MsrpRequest send = new MsrpRequest("tid12345", MsrpRequest.SEND, aliceToBob().messageId("m1234")
                .contentType("text/plain").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(send, text(body), EndFlag.COMPLETE));
        assertEquals("MSRP body holds the end-line of transaction tid12345", e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void refusesFramesTheParserWouldRefuse() {
        MsrpRequest noMessageId = new MsrpRequest("tid12345", MsrpRequest.SEND, aliceToBob().build());
        assertEquals("MSRP SEND missing Message-ID", assertThrows(IllegalArgumentException.class,
                () -> writer.write(noMessageId, EndFlag.COMPLETE)).getMessage());
        MsrpRequest noType = new MsrpRequest("tid12345", MsrpRequest.SEND, aliceToBob().messageId("m1234").build());
        assertEquals("MSRP request with a body but no Content-Type", assertThrows(IllegalArgumentException.class,
                () -> writer.write(noType, text("x"), EndFlag.COMPLETE)).getMessage());
        MsrpRequest noStatus = new MsrpRequest("tid12345", MsrpRequest.REPORT, aliceToBob().messageId("m1234").build());
        assertEquals("MSRP REPORT missing Status", assertThrows(IllegalArgumentException.class,
                () -> writer.write(noStatus, EndFlag.COMPLETE)).getMessage());
        assertEquals(0, out.size());
        assertEquals("MSRP method malformed", assertThrows(MsrpProtocolException.class,
                () -> new MsrpRequest("tid12345", "send", aliceToBob().build())).getMessage());
        assertEquals("MSRP transaction id malformed", assertThrows(MsrpProtocolException.class,
                () -> new MsrpResponse("ab", MsrpStatus.OK, aliceToBob().build())).getMessage());
    }

    /** Begins a SEND whose body is streamed, its size unknown. */
    private BodyWriter streamed() throws IOException {
        return writer.begin(new MsrpRequest("tid12345", MsrpRequest.SEND, aliceToBob().messageId("m1234")
                .byteRange(ByteRange.OPEN).contentType("text/plain").build()));
    }

    @Test
    void streamsABodyInPieces() throws IOException {
        BodyWriter body = streamed();
        for (String piece : List.of("one\r", "\n-------tid1234", "5", "! two\r\n", "-------", "tid12345")) {
            body.write(text(piece));
        }
        assertEquals(EndFlag.COMPLETE, body.end(EndFlag.COMPLETE));
        assertFalse(body.isCut());
        String expected = "one\r\n-------tid12345! two\r\n-------tid12345";
        assertEquals(expected.length(), body.bytesWritten());
        Recorder read = Recorder.feed(out.toByteArray(), ParserLimits.DEFAULTS);
        assertEquals(List.of("body " + expected, "end $"), read.events.subList(1, 3));
        assertThrows(IllegalStateException.class, () -> body.write(text("late")));
    }

    @Test
    void cutsAStreamedChunkBeforeItsOwnEndLine() throws IOException {
        BodyWriter body = streamed();
        body.write(text("safe part\r\n-------tid1"));
        body.write(text("2345$\r\nlost part"));
        body.write(text("more lost"));
        assertEquals(EndFlag.MORE, body.end(EndFlag.COMPLETE));
        assertTrue(body.isCut());
        assertEquals("safe part".length(), body.bytesWritten());
        Recorder read = Recorder.feed(out.toByteArray(), ParserLimits.DEFAULTS);
        assertEquals(List.of("body safe part", "end +"), read.events.subList(1, 3));
    }

    @Test
    void cutsAStreamedChunkEndingInItsEndLineWithoutCrlf() throws IOException {
        BodyWriter body = streamed();
        body.write(text("safe\r\n-------tid12345#"));
        assertEquals(EndFlag.ABORTED, body.end(EndFlag.ABORTED));
        assertTrue(body.isCut());
        assertEquals(List.of("body safe", "end #"),
                Recorder.feed(out.toByteArray(), ParserLimits.DEFAULTS).events.subList(1, 3));
    }

    @Test
    void identifiersAreRandomIdentsThatAvoidTheBody() {
        Identifiers ids = new Identifiers(new Random(7));
        String first = ids.transactionId();
        assertEquals(Identifiers.LENGTH, first.length());
        assertTrue(Syntax.isIdent(first));
        assertTrue(Syntax.isIdent(ids.messageId()));
        ByteBuffer body = text("trap\r\n-------" + first + "$\r\n");
        String avoiding = new Identifiers(new Random(7)).transactionIdFor(body);
        assertNotEquals(first, avoiding);
        assertEquals(0, body.position());
    }
}
