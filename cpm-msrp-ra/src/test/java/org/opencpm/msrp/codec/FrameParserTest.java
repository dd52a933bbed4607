package org.opencpm.msrp.codec;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameParserTest {

    // RFC 4975 sec 4: the first example, with its response. The 1-25/25 counts the line end before the end-line.
    static final String HEY_BOB = """
            MSRP a786hjs2 SEND
            To-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp
            From-Path: msrp://atlanta.example.com:7654/jshA7weztas;tcp
            Message-ID: 87652491
            Byte-Range: 1-25/25
            Content-Type: text/plain

            Hey Bob, are you there?
            -------a786hjs2$
            MSRP a786hjs2 200 OK
            To-Path: msrp://atlanta.example.com:7654/jshA7weztas;tcp
            From-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp
            -------a786hjs2$
            """;

    // RFC 4975 basic IM session example: Alice's SEND and Bob's 200.
    static final String HI_ALICE = """
            MSRP d93kswow SEND
            To-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp
            From-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp
            Message-ID: 12339sdqwer
            Byte-Range: 1-16/16
            Content-Type: text/plain

            Hi, I'm Alice!
            -------d93kswow$
            MSRP d93kswow 200 OK
            To-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp
            From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp
            -------d93kswow$
            """;

    // RFC 4975 sec 5.1: a message in two chunks; the RFC leaves out the paths, added here.
    static final String CHUNKED = """
            MSRP dkei38sd SEND
            To-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp
            From-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp
            Message-ID: 4564dpWd
            Byte-Range: 1-*/8
            Content-Type: text/plain

            abcd
            -------dkei38sd+
            MSRP dkei38ia SEND
            To-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp
            From-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp
            Message-ID: 4564dpWd
            Byte-Range: 5-8/8
            Content-Type: text/plain

            EFGH
            -------dkei38ia$
            """;

    // RFC 4975 positive report example: the REPORT verbatim.
    static final String REPORT = """
            MSRP dkei38sd REPORT
            To-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp
            From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp
            Message-ID: 12339sdqwer
            Byte-Range: 1-106/106
            Status: 000 200 OK
            -------dkei38sd$
            """;

    static final String BOB_TO = "To-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp";
    static final String ALICE_FROM = "From-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp";
    static final String PATHS = BOB_TO + "\n" + ALICE_FROM + "\n";
    static final String PATHS_EVENT = BOB_TO + "; " + ALICE_FROM;

    /** A frame that follows each malformed one: the parser must have found its way back to it. */
    static final String NEXT = "MSRP next1234 SEND\n" + PATHS + "Message-ID: m1234\n-------next1234$\n";
    static final String NEXT_EVENT = "frame MSRP next1234 SEND | " + PATHS_EVENT + "; Message-ID: m1234";

    static Stream<Arguments> rfcExamples() {
        return Stream.of(
                Arguments.of("sec 4 SEND and 200", HEY_BOB, List.of(
                        "frame MSRP a786hjs2 SEND | To-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp; "
                                + "From-Path: msrp://atlanta.example.com:7654/jshA7weztas;tcp; Message-ID: 87652491; "
                                + "Byte-Range: 1-25/25; Content-Type: text/plain | body",
                        "body Hey Bob, are you there?",
                        "end $",
                        "frame MSRP a786hjs2 200 OK | To-Path: msrp://atlanta.example.com:7654/jshA7weztas;tcp; "
                                + "From-Path: msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp",
                        "end $")),
                Arguments.of("basic IM session", HI_ALICE, List.of(
                        "frame MSRP d93kswow SEND | " + PATHS_EVENT + "; Message-ID: 12339sdqwer; "
                                + "Byte-Range: 1-16/16; Content-Type: text/plain | body",
                        "body Hi, I'm Alice!",
                        "end $",
                        "frame MSRP d93kswow 200 OK | To-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp; "
                                + "From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp",
                        "end $")),
                Arguments.of("sec 5.1 chunks", CHUNKED, List.of(
                        "frame MSRP dkei38sd SEND | " + PATHS_EVENT + "; Message-ID: 4564dpWd; Byte-Range: 1-*/8; "
                                + "Content-Type: text/plain | body",
                        "body abcd",
                        "end +",
                        "frame MSRP dkei38ia SEND | " + PATHS_EVENT + "; Message-ID: 4564dpWd; Byte-Range: 5-8/8; "
                                + "Content-Type: text/plain | body",
                        "body EFGH",
                        "end $")),
                Arguments.of("positive REPORT", REPORT, List.of(
                        "frame MSRP dkei38sd REPORT | To-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp; "
                                + "From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp; Message-ID: 12339sdqwer; "
                                + "Byte-Range: 1-106/106; Status: 000 200 OK",
                        "end $")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfcExamples")
    void readsTheRfcExamples(String name, String wire, List<String> events) {
        assertEquals(events, Recorder.feed(wire).events);
    }

    @Test
    void givesTypedHeaders() {
        Recorder r = Recorder.feed(REPORT + HI_ALICE);
        MsrpRequest report = (MsrpRequest) r.frames.get(0);
        assertTrue(report.isReport());
        assertEquals(Optional.of(ReportStatus.of(MsrpStatus.OK)), report.headers().status());
        assertEquals(Optional.of(new ByteRange(1, 106, 106)), report.headers().byteRange());
        MsrpRequest send = (MsrpRequest) r.frames.get(1);
        assertTrue(send.isSend());
        assertEquals("12339sdqwer", send.headers().messageId().orElseThrow());
        assertEquals(MsrpUri.parse("msrp://bob.example.com:8888/9di4eae923wzd;tcp"), send.headers().toPath().get(0));
        assertEquals(FailureReport.YES, send.headers().failureReport());
        MsrpResponse ok = (MsrpResponse) r.frames.get(2);
        assertEquals(200, ok.code());
        assertEquals("OK", ok.comment());
        assertEquals(Optional.of(MsrpStatus.OK), ok.status());
    }

    /** Every way of cutting the stream in two, and byte by byte, reads the same as in one piece. */
    @Test
    void everySplitPointReadsTheSame() {
        byte[] wire = Recorder.bytes(HEY_BOB + CHUNKED + REPORT + HI_ALICE);
        List<String> whole = Recorder.feed(wire, ParserLimits.DEFAULTS).events;
        for (int cut = 0; cut <= wire.length; cut++) {
            assertEquals(whole, Recorder.feed(wire, ParserLimits.DEFAULTS, cut).events, "cut at " + cut);
        }
        int[] everyByte = new int[wire.length];
        for (int i = 0; i < wire.length; i++) {
            everyByte[i] = i;
        }
        assertEquals(whole, Recorder.feed(wire, ParserLimits.DEFAULTS, everyByte).events);
    }

    @Test
    void randomSplitsReadTheSame() {
        byte[] wire = Recorder.bytes(CHUNKED + "MSRP tid12345 SEND\n" + PATHS
                + "Message-ID: m1234\nContent-Type: text/plain\n\n"
                + "\r\n-------tid1234$\r\n-------tid12345!\r\n-------tid12345$X\r\r\n\n-------tid12345+\n" + REPORT);
        List<String> whole = Recorder.feed(wire, ParserLimits.DEFAULTS).events;
        Random random = new Random(4975);
        for (int round = 0; round < 2000; round++) {
            int[] cuts = random.ints(random.nextInt(8), 0, wire.length + 1).sorted().toArray();
            assertEquals(whole, Recorder.feed(wire, ParserLimits.DEFAULTS, cuts).events);
        }
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                // The end-line of another transaction, or with another flag, or without its CRLF, is body.
                Arguments.of("Hi\n-------abcd1234$\nthere", "Hi\r\n-------abcd1234$\r\nthere"),
                Arguments.of("Hi\n-------tid12345!\nthere", "Hi\r\n-------tid12345!\r\nthere"),
                Arguments.of("Hi\n-------tid12345$ there", "Hi\r\n-------tid12345$ there"),
                Arguments.of("Hi\n-------tid12345$\rthere", "Hi\r\n-------tid12345$\rthere"),
                Arguments.of("Hi -------tid12345$\nthere", "Hi -------tid12345$\r\nthere"),
                Arguments.of("Hi\n-------tid123456$\nthere", "Hi\r\n-------tid123456$\r\nthere"),
                Arguments.of("\n\n", "\r\n\r\n"),
                Arguments.of("\r\r\r.", "\r\r\r."),
                Arguments.of("line one\nline two\n", "line one\r\nline two\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("bodies")
    void findsOnlyItsOwnEndLine(String body, String expected) {
        String wire = "MSRP tid12345 SEND\n" + PATHS + "Message-ID: m1234\nContent-Type: text/plain\n\n" + body
                + "\n-------tid12345$\n";
        List<String> events = Recorder.feed(wire).events;
        assertEquals(List.of("body " + Recorder.crlf(expected), "end $"), events.subList(1, events.size()));
    }

    @Test
    void readsAnEmptyBodyWithOrWithoutTheSecondCrlf() {
        String head = "MSRP tid12345 SEND\n" + PATHS + "Message-ID: m1234\nContent-Type: text/plain\n\n";
        assertEquals(List.of("end $"), Recorder.feed(head + "-------tid12345$\n").events.subList(1, 2));
        assertEquals(List.of("end $"), Recorder.feed(head + "\n-------tid12345$\n").events.subList(1, 2));
        assertEquals("body \r\n", Recorder.feed(head + "\n\n-------tid12345$\n").events.get(1));
    }

    @Test
    void keepsUnknownMethodsAndFlags() {
        Recorder r = Recorder.feed("MSRP auth1234 AUTH\nTo-Path: msrps://alice@intra.example.com;tcp\n"
                + "From-Path: msrps://alice.example.com:9892/98cjs;tcp\nExpires: 900\n-------auth1234$\n"
                + "MSRP tid12345 SEND\n" + PATHS + "Message-ID: m1234\nContent-Type: text/plain\n\nab\n"
                + "-------tid12345#\n");
        assertEquals("AUTH", ((MsrpRequest) r.frames.get(0)).method());
        assertEquals(Optional.of("900"), r.frames.get(0).headers().header("Expires"));
        assertEquals(List.of("body ab", "end #"), r.events.subList(3, 5));
    }

    static Stream<Arguments> refusedFrames() {
        String send = "MSRP tid12345 SEND\n";
        String body = "Content-Type: text/plain\n\nHello\n-------tid12345$\n";
        String end = "-------tid12345$\n";
        return Stream.of(
                Arguments.of(send.replace("SEND", "send") + PATHS + end,
                        "rejected 400 MSRP method malformed | tid12345 | answerable"),
                Arguments.of(send.replace("SEND", "SE ND") + PATHS + end,
                        "rejected 400 MSRP method malformed | tid12345 | answerable"),
                Arguments.of("MSRP tid12345 2x0 OK\n" + PATHS + end,
                        "rejected 400 MSRP status code malformed | tid12345"),
                Arguments.of("MSRP tid12345 099 Odd\n" + PATHS + end,
                        "rejected 400 MSRP status code malformed | tid12345"),
                Arguments.of("MSRP tid12345 200\n" + PATHS + "Content-Type: text/plain\n\nbody\n" + end,
                        "rejected 400 MSRP response with a body | tid12345"),
                Arguments.of(send + ALICE_FROM + "\nMessage-ID: m1234\n" + body,
                        "rejected 400 MSRP frame missing To-Path | tid12345 | answerable"),
                Arguments.of(send + BOB_TO + "\nMessage-ID: m1234\n" + end,
                        "rejected 400 MSRP frame missing From-Path | tid12345 | answerable"),
                Arguments.of(send + PATHS + BOB_TO + "\nMessage-ID: m1234\n" + body,
                        "rejected 400 MSRP header To-Path appears twice | tid12345 | answerable"),
                Arguments.of(send + "to-path: msrp://h:1/s;tcp\n" + PATHS + body,
                        "rejected 400 MSRP header To-Path appears twice | tid12345 | answerable"),
                Arguments.of(send + "To-Path: http://bob.example.com/\n" + ALICE_FROM + "\n" + body,
                        "rejected 400 MSRP URI scheme malformed | tid12345 | answerable"),
                Arguments.of(send + PATHS + "Message-ID: m1234\nByte-Range: one-5/5\n" + body,
                        "rejected 400 MSRP Byte-Range malformed | tid12345 | answerable"),
                Arguments.of(send + PATHS + "Message-ID: m1234\nByte-Range: 9-5/5\n" + body,
                        "rejected 400 MSRP Byte-Range inconsistent | tid12345 | answerable"),
                Arguments.of(send + PATHS + "Message-ID: m1234\nSuccess-Report: maybe\n" + body,
                        "rejected 400 MSRP Success-Report malformed | tid12345 | answerable"),
                Arguments.of(send + PATHS + "Message-ID: m\n" + body,
                        "rejected 400 MSRP Message-ID malformed | tid12345 | answerable"),
                Arguments.of(send + PATHS + body,
                        "rejected 400 MSRP SEND missing Message-ID | tid12345 | answerable"),
                Arguments.of(send + PATHS + "Message-ID: m1234\n\nHello\n" + end,
                        "rejected 400 MSRP request with a body but no Content-Type | tid12345 | answerable"),
                Arguments.of("MSRP tid12345 REPORT\n" + PATHS + "Message-ID: m1234\n" + end,
                        "rejected 400 MSRP REPORT missing Status | tid12345 | answerable"),
                Arguments.of("MSRP tid12345 REPORT\n" + PATHS + "Message-ID: m1234\nStatus: 200 OK\n" + end,
                        "rejected 400 MSRP Status malformed | tid12345 | answerable"),
                Arguments.of(send + PATHS + "Message-ID m1234\n" + body,
                        "rejected 400 MSRP header line without colon | tid12345 | answerable"),
                Arguments.of(send + PATHS + "Mess age: m1234\n" + body,
                        "rejected 400 MSRP header name malformed | tid12345 | answerable"),
                Arguments.of(send + PATHS + "-------tid12345!\n" + body,
                        "rejected 400 MSRP header line without colon | tid12345 | answerable"),
                Arguments.of(send + PATHS + "X-A: a\u0007b\n" + body,
                        "rejected 400 MSRP header line has a control character | tid12345 | answerable"),
                Arguments.of(send + PATHS + "X-A: \u00ff\n" + body,
                        "rejected 400 MSRP header is not valid UTF-8 | tid12345 | answerable"),
                Arguments.of(send + PATHS + "X-A: " + "a".repeat(20_000) + "\n" + body,
                        "rejected 400 MSRP header section too large | tid12345 | answerable"),
                Arguments.of(send + PATHS + "X-A: b\n".repeat(63) + body,
                        "rejected 400 MSRP frame has more than 64 headers | tid12345 | answerable"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedFrames")
    void refusesAFrameAndGoesOn(String frame, String rejection) {
        assertEquals(List.of(rejection, NEXT_EVENT, "end $"), Recorder.feed(frame + NEXT).events);
    }

    @Test
    void aRefusedFrameCarriesThePathsReadBeforeTheFault() {
        Recorder recorder = Recorder.feed("MSRP tid12345 SEND\n" + PATHS + "Message-ID: m1234\nByte-Range: x\n"
                + "Content-Type: text/plain\n\nHello\n-------tid12345$\n"
                + "MSRP tid67890 SEND\nTo-Path: bad\n" + ALICE_FROM + "\n-------tid67890$\n");
        assertEquals(List.of(MsrpUri.parse("msrp://bob.example.com:8888/9di4eae923wzd;tcp")),
                recorder.rejections.get(0).toPath().orElseThrow());
        assertEquals(List.of(MsrpUri.parse("msrp://alicepc.example.com:7777/iau39soe2843z;tcp")),
                recorder.rejections.get(0).fromPath().orElseThrow());
        assertTrue(recorder.rejections.get(1).toPath().isEmpty());
    }

    @Test
    void refusesALineWithABareLf() {
        byte[] wire = ("MSRP tid12345 SEND\r\n" + Recorder.crlf(PATHS) + "Message-ID: m1234\n-------tid12345$\r\n"
                + Recorder.crlf(NEXT)).getBytes(ISO_8859_1);
        assertEquals(List.of("rejected 400 MSRP line does not end in CRLF | tid12345 | answerable", NEXT_EVENT,
                "end $"), Recorder.feed(wire, ParserLimits.DEFAULTS).events);
    }

    @Test
    void refusesAChunkOverTheLimitWith413() {
        String wire = "MSRP tid12345 SEND\n" + PATHS + "Message-ID: m1234\nContent-Type: text/plain\n\n"
                + "0123456789".repeat(5) + "\n-------tid12345+\n" + NEXT;
        byte[] bytes = Recorder.bytes(wire);
        List<String> events = Recorder.feed(bytes, ParserLimits.DEFAULTS.withMaxBodyBytes(40)).events;
        assertEquals(List.of("rejected 413 MSRP chunk larger than 40 bytes | tid12345 | answerable", NEXT_EVENT,
                "end $"), events.subList(events.size() - 3, events.size()));
        assertEquals(List.of("body " + "0123456789".repeat(5)),
                Recorder.feed(bytes, ParserLimits.DEFAULTS.withMaxBodyBytes(50)).events.subList(1, 2));
    }

    static Stream<Arguments> brokenStreams() {
        return Stream.of(
                Arguments.of("HTTP/1.1 200 OK\n", "MSRP start line malformed"),
                Arguments.of("msrp tid12345 SEND\n", "MSRP start line malformed"),
                Arguments.of("\nMSRP tid12345 SEND\n", "MSRP start line malformed"),
                Arguments.of("MSRP  SEND\n", "MSRP transaction id malformed"),
                Arguments.of("MSRP tid SEND\n", "MSRP transaction id malformed"),
                Arguments.of("MSRP " + "t".repeat(33) + " SEND\n", "MSRP transaction id malformed"),
                Arguments.of("MSRP -tid12345 SEND\n", "MSRP transaction id malformed"),
                Arguments.of("MSRP tid_12345 SEND\n", "MSRP transaction id malformed"),
                Arguments.of("MSRP tid12345\n", "MSRP transaction id malformed"),
                Arguments.of("MSRP tid12345 SEND " + "x".repeat(20_000), "MSRP header section too large"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("brokenStreams")
    void givesUpOnAStreamWithoutFrameBoundaries(String wire, String reason) {
        FrameParser parser = new FrameParser(new Recorder());
        MsrpProtocolException e = assertThrows(MsrpProtocolException.class, () -> parser.feed(
                ByteBuffer.wrap(Recorder.bytes(wire))));
        assertEquals(reason, e.getMessage());
        assertEquals(MsrpStatus.BAD_REQUEST, e.status());
        assertFalse(e.answerable());
        assertThrows(IllegalStateException.class, () -> parser.feed(ByteBuffer.wrap(Recorder.bytes(NEXT))));
    }

    @Test
    void failsFastOnAStreamThatIsNotMsrp() {
        FrameParser parser = new FrameParser(new Recorder());
        assertThrows(MsrpProtocolException.class, () -> parser.feed(ByteBuffer.wrap(new byte[] {0x16, 0x03, 0x01})));
    }

    @Test
    void waitsForAMissingEndLine() {
        Recorder recorder = new Recorder();
        FrameParser parser = new FrameParser(recorder);
        assertTrue(parser.isBetweenFrames());
        parser.feed(ByteBuffer.wrap(Recorder.bytes("MSRP tid12345 SEND\n" + PATHS
                + "Message-ID: m1234\nContent-Type: text/plain\n\nno end-line yet\n-------tid12345")));
        assertFalse(parser.isBetweenFrames());
        assertEquals("body no end-line yet", recorder.events.get(1));
        assertEquals(2, recorder.events.size());
        parser.feed(ByteBuffer.wrap(Recorder.bytes("$\n")));
        assertEquals("end $", recorder.events.get(2));
        assertTrue(parser.isBetweenFrames());
    }

    @Test
    void handlerFailureBreaksTheStream() {
        FrameParser parser = new FrameParser(new Recorder() {
            @Override
            public void onFrame(MsrpFrame frame, boolean hasBody) {
                throw new IllegalStateException("application failed");
            }
        });
        assertThrows(IllegalStateException.class, () -> parser.feed(ByteBuffer.wrap(Recorder.bytes(NEXT))));
        assertThrows(IllegalStateException.class, () -> parser.feed(ByteBuffer.wrap(Recorder.bytes(NEXT))));
    }
}
