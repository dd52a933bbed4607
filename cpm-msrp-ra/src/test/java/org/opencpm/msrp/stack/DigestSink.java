package org.opencpm.msrp.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import org.opencpm.msrp.chunk.ChunkSink;

/**
 * A sink that keeps only a digest and a count of what it is given, in order (the tests send in order), and that
 * can be held shut to play a receiver that does not read.
 */
final class DigestSink implements ChunkSink {

    private final MessageDigest md = Payload.sha256();
    private final CountDownLatch gate;
    private volatile long written;

    DigestSink(CountDownLatch gate) {
        this.gate = gate;
    }

    @Override
    public synchronized void write(long offset, ByteBuffer data) throws IOException {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (offset != written) {
            throw new IOException("chunk at " + offset + " while " + written + " bytes are in");
        }
        written += data.remaining();
        md.update(data);
    }

    long written() {
        return written;
    }

    synchronized String digest() {
        return HexFormat.of().formatHex(md.digest());
    }
}
