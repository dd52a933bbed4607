package org.opencpm.msrp.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A {@link ChunkSink} in a byte array that grows as bytes arrive, up to a fixed capacity. */
public final class MemorySink implements ChunkSink {

    private final int capacity;
    private byte[] bytes = new byte[0];

    public MemorySink(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0");
        }
        this.capacity = capacity;
    }

    /** @throws IOException if the bytes would go beyond the capacity */
    @Override
    public void write(long offset, ByteBuffer data) throws IOException {
        long end = offset + data.remaining();
        if (offset < 0 || end > capacity) {
            throw new IOException("memory sink of " + capacity + " bytes full");
        }
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(capacity, Math.max(end, 2L * bytes.length)));
        }
        data.get(bytes, (int) offset, data.remaining());
    }

    /** The first {@code length} bytes; bytes never written read as zero. */
    public byte[] toByteArray(long length) {
        if (length < 0 || length > capacity) {
            throw new IllegalArgumentException("length outside the capacity");
        }
        return Arrays.copyOf(bytes, (int) length);
    }
}
