package org.opencpm.msrp.chunk;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.FrameHandler;
import org.opencpm.msrp.codec.FrameParser;
import org.opencpm.msrp.codec.MsrpFrame;
import org.opencpm.msrp.codec.MsrpProtocolException;
import org.opencpm.msrp.codec.MsrpStatus;

class ReassemblerTest {

    private final MemorySink sink = new MemorySink(1024);
    private final Reassembler message = new Reassembler(sink, 100);

    /** One chunk: its Byte-Range, its bytes (fed in two pieces), its flag. */
    private static void chunk(Reassembler r, String range, String bytes, EndFlag flag) throws IOException {
        r.begin(ByteRange.parse(range));
        int half = bytes.length() / 2;
        r.write(ByteBuffer.wrap(bytes.substring(0, half).getBytes(US_ASCII)));
        r.write(ByteBuffer.wrap(bytes.substring(half).getBytes(US_ASCII)));
        r.end(flag);
    }

    private String received() {
        return new String(sink.toByteArray(message.size().orElseThrow()), US_ASCII);
    }

    @Test
    void joinsTheChunksOfSection51() throws IOException {
        chunk(message, "1-*/8", "abcd", EndFlag.MORE);
        assertFalse(message.isComplete());
        assertEquals(4, message.contiguousBytes());
        chunk(message, "5-8/8", "EFGH", EndFlag.COMPLETE);
        assertTrue(message.isComplete());
        assertEquals("abcdEFGH", received());
        assertEquals(List.of(ByteRange.whole(8)), message.receivedRanges());
    }

    @Test
    void takesChunksOutOfOrder() throws IOException {
        chunk(message, "9-12/12", "ijkl", EndFlag.COMPLETE);
        chunk(message, "1-4/12", "abcd", EndFlag.MORE);
        assertFalse(message.isComplete());
        assertEquals(List.of(new ByteRange(1, 4, 12), new ByteRange(9, 12, 12)), message.receivedRanges());
        chunk(message, "3-10/12", "cdEFGHij", EndFlag.MORE);
        assertTrue(message.isComplete());
        assertEquals("abcdEFGHijkl", received());
    }

    @Test
    void endsWhereTheLastChunksBytesEnd() throws IOException {
        // RFC 4975 sec 4: 1-25/25 announced, 23 bytes of body.
        chunk(message, "1-25/25", "Hey Bob, are you there?", EndFlag.COMPLETE);
        assertTrue(message.isComplete());
        assertEquals(OptionalLong.of(23), message.size());
        assertEquals("Hey Bob, are you there?", received());
    }

    @Test
    void keepsAnAbortedMessageForAResume() throws IOException {
        chunk(message, "1-*/*", "abcd", EndFlag.MORE);
        chunk(message, "5-*/*", "EF", EndFlag.ABORTED);
        assertTrue(message.isAborted());
        assertFalse(message.isComplete());
        assertEquals(6, message.contiguousBytes());
        chunk(message, "7-8/8", "GH", EndFlag.COMPLETE);
        assertFalse(message.isAborted());
        assertTrue(message.isComplete());
        assertEquals("abcdEFGH", received());
    }

    @Test
    void forgetsADiscardedChunk() throws IOException {
        message.begin(ByteRange.parse("1-4/4"));
        message.write(ByteBuffer.wrap("ab".getBytes(US_ASCII)));
        message.discard();
        assertEquals(0, message.contiguousBytes());
        chunk(message, "1-4/4", "abcd", EndFlag.COMPLETE);
        assertTrue(message.isComplete());
        assertThrows(IllegalStateException.class, () -> message.end(EndFlag.COMPLETE));
    }

    static Stream<Arguments> absurdChunks() {
        return Stream.of(
                Arguments.of(List.of("1-*/101"), 413, "MSRP message larger than 100 bytes"),
                Arguments.of(List.of("1-101/*"), 413, "MSRP message larger than 100 bytes"),
                Arguments.of(List.of("102-*/*"), 413, "MSRP message larger than 100 bytes"),
                Arguments.of(List.of("999999999999999999-*/*"), 413, "MSRP message larger than 100 bytes"),
                Arguments.of(List.of("1-4/8", "5-8/9"), 400, "MSRP Byte-Range total changed within a message"),
                Arguments.of(List.of("1-4/4$", "7-*/*"), 400, "MSRP chunk starts beyond the end of its message"),
                Arguments.of(List.of("1-4/4$", "3-6/*"), 400, "MSRP chunk runs past the end of its message"),
                Arguments.of(List.of("5-8/*$", "1-4/*$"), 400, "MSRP message ends at two different bytes"),
                Arguments.of(List.of("5-8/*", "1-4/*$"), 400, "MSRP message ends at two different bytes"));
    }

    /**
     * Chunks of four bytes each; a trailing {@code $} ends one with {@code $}. Only the last one breaks a bound,
     * when it begins, takes its bytes or ends.
     */
    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("absurdChunks")
    void refusesAbsurdByteRanges(List<String> ranges, int status, String reason) throws IOException {
        for (int i = 0; i < ranges.size() - 1; i++) {
            String r = ranges.get(i);
            chunk(message, r.replace("$", ""), "abcd", r.endsWith("$") ? EndFlag.COMPLETE : EndFlag.MORE);
        }
        String last = ranges.get(ranges.size() - 1);
        MsrpProtocolException e = assertThrows(MsrpProtocolException.class, () -> chunk(message,
                last.replace("$", ""), "abcd", last.endsWith("$") ? EndFlag.COMPLETE : EndFlag.MORE));
        assertEquals(reason, e.getMessage());
        assertEquals(status, e.status().code());
    }

    @Test
    void boundsAStormOfScatteredChunks() throws IOException {
        Reassembler storm = new Reassembler(sink, 100, 3);
        chunk(storm, "1-1/*", "a", EndFlag.MORE);
        chunk(storm, "3-3/*", "c", EndFlag.MORE);
        chunk(storm, "5-5/*", "e", EndFlag.MORE);
        chunk(storm, "2-2/*", "b", EndFlag.MORE);
        chunk(storm, "7-7/*", "g", EndFlag.MORE);
        MsrpProtocolException e = assertThrows(MsrpProtocolException.class,
                () -> chunk(storm, "9-9/*", "i", EndFlag.MORE));
        assertEquals("MSRP message in more than 3 pieces", e.getMessage());
        assertEquals(MsrpStatus.MESSAGE_TOO_LARGE, e.status());
    }

    @Test
    void boundsTheSameBytesSentOverAndOver() throws IOException {
        Reassembler resent = new Reassembler(sink, 8);
        for (int i = 0; i < 4; i++) {
            chunk(resent, "1-4/8", "abcd", EndFlag.MORE);
        }
        assertEquals("MSRP message resent too often", assertThrows(MsrpProtocolException.class,
                () -> chunk(resent, "1-4/8", "abcd", EndFlag.MORE)).getMessage());
    }

    @Test
    void memorySinkIsBounded() {
        MemorySink small = new MemorySink(4);
        assertThrows(IOException.class, () -> small.write(2, ByteBuffer.wrap(new byte[3])));
        assertThrows(IllegalArgumentException.class, () -> small.toByteArray(5));
    }

    @Test
    void writesIntoAFileOutOfOrder(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("message");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Reassembler onDisk = new Reassembler(new FileChannelSink(channel), 1 << 20);
            chunk(onDisk, "5-8/8", "EFGH", EndFlag.COMPLETE);
            chunk(onDisk, "1-4/8", "abcd", EndFlag.MORE);
            assertTrue(onDisk.isComplete());
        }
        assertArrayEquals("abcdEFGH".getBytes(US_ASCII), Files.readAllBytes(file));
    }

    /** RFC 5547 sec 9: a transfer resumed in a new session continues the file an earlier one left half-written. */
    @Test
    void resumesIntoAFileHalfWrittenBefore(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("message");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Reassembler first = new Reassembler(new FileChannelSink(channel), 1 << 20);
            chunk(first, "1-*/10", "abcd", EndFlag.ABORTED);
            assertEquals(4, first.contiguousBytes());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            assertThrows(IllegalArgumentException.class, () -> FileChannelSink.resuming(channel, 5));
            Reassembler resumed = new Reassembler(FileChannelSink.resuming(channel, 4), 1 << 20);
            assertEquals(4, resumed.contiguousBytes());
            chunk(resumed, "5-7/10", "EFG", EndFlag.MORE);
            assertFalse(resumed.isComplete());
            chunk(resumed, "8-10/10", "hij", EndFlag.COMPLETE);
            assertTrue(resumed.isComplete());
            assertEquals(OptionalLong.of(10), resumed.size());
            assertEquals(List.of(ByteRange.whole(10)), resumed.receivedRanges());
        }
        assertArrayEquals("abcdEFGhij".getBytes(US_ASCII), Files.readAllBytes(file));
    }

    /** How the connection layer wires a parser to a reassembler, here for the two chunks of RFC 4975 sec 5.1. */
    @Test
    void takesChunksStraightFromTheParser() {
        FrameParser parser = new FrameParser(new FrameHandler() {
            @Override
            public void onFrame(MsrpFrame frame, boolean hasBody) {
                message.begin(frame.headers().byteRange().orElse(ByteRange.OPEN));
            }

            @Override
            public void onBody(ByteBuffer piece) {
                try {
                    message.write(piece);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }

            @Override
            public void onEnd(EndFlag flag) {
                message.end(flag);
            }

            @Override
            public void onRejected(MsrpProtocolException reason) {
                message.discard();
            }
        });
        String paths = "To-Path: msrp://b.example.com:8888/b1;tcp\r\n"
                + "From-Path: msrp://a.example.com:7777/a1;tcp\r\n";
        parser.feed(ByteBuffer.wrap(("MSRP dkei38sd SEND\r\n" + paths + "Message-ID: 4564dpWd\r\n"
                + "Byte-Range: 1-*/8\r\n"
                + "Content-Type: text/plain\r\n\r\nabcd\r\n-------dkei38sd+\r\n"
                + "MSRP dkei38ia SEND\r\n" + paths + "Message-ID: 4564dpWd\r\nByte-Range: 5-8/8\r\n"
                + "Content-Type: text/plain\r\n\r\nEFGH\r\n-------dkei38ia$\r\n").getBytes(US_ASCII)));
        assertTrue(message.isComplete());
        assertEquals("abcdEFGH", received());
    }
}
