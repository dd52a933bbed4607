package org.opencpm.msrp.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link Reassembler} puts the bytes of an incoming message: memory for small messages ({@link MemorySink}),
 * a file for large ones ({@link FileChannelSink}). Chunks may come in any order and overlap, so writes are
 * positional.
 */
public interface ChunkSink {

    /** Writes all of {@code data} at {@code offset}, counted from zero (a Byte-Range start minus one). */
    void write(long offset, ByteBuffer data) throws IOException;
}
