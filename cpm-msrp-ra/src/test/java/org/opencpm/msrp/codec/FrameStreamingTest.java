package org.opencpm.msrp.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB chunk through the parser in 64 KiB buffers. The surefire heap of this module (64 MB) is smaller than
 * the body, so the test also shows that nothing holds it whole.
 */
class FrameStreamingTest {

    static final long SIZE = 100L * 1024 * 1024;
    static final int BUFFER = 64 * 1024;

    @Test
    void aHundredMegabyteChunkPassesInBoundedPieces() {
        Counter counter = new Counter();
        FrameParser parser = new FrameParser(counter);
        parser.feed(ByteBuffer.wrap(Recorder.bytes("MSRP tid12345 SEND\n" + FrameParserTest.PATHS
                + "Message-ID: big1\nByte-Range: 1-" + SIZE + "/" + SIZE
                + "\nContent-Type: application/octet-stream\n\n")));
        ByteBuffer block = ByteBuffer.wrap(filler());
        for (long fed = 0; fed < SIZE; fed += BUFFER) {
            block.clear().limit((int) Math.min(BUFFER, SIZE - fed));
            parser.feed(block);
        }
        parser.feed(ByteBuffer.wrap("\r\n-------tid12345$\r\n".getBytes(US_ASCII)));
        assertEquals(SIZE, counter.bytes);
        assertEquals(EndFlag.COMPLETE, counter.flag);
        assertTrue(counter.largestPiece <= BUFFER, "largest piece " + counter.largestPiece);
        assertTrue(parser.isBetweenFrames());
    }

    /** Text with line ends and near-misses of the end-line, so the scanner holds and releases bytes throughout. */
    private static byte[] filler() {
        byte[] unit = "Lorem ipsum dolor\r\n-------tid1234$\r\n-------tid12345!\r\n-------tid12345\r\r\n"
                .getBytes(US_ASCII);
        byte[] block = new byte[BUFFER];
        for (int i = 0; i < block.length; i++) {
            block[i] = unit[i % unit.length];
        }
        return block;
    }

    private static final class Counter implements FrameHandler {
        long bytes;
        int largestPiece;
        EndFlag flag;

        @Override
        public void onFrame(MsrpFrame frame, boolean hasBody) {
        }

        @Override
        public void onBody(ByteBuffer piece) {
            bytes += piece.remaining();
            largestPiece = Math.max(largestPiece, piece.remaining());
        }

        @Override
        public void onEnd(EndFlag f) {
            flag = f;
        }

        @Override
        public void onRejected(MsrpProtocolException reason) {
            throw reason;
        }
    }
}
