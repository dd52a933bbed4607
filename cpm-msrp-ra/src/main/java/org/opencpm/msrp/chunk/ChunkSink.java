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

    /**
     * How many bytes from the first the sink holds already, from an earlier transfer of the same message that was
     * cut off: a resumed file transfer (RFC 5547 sec 9, {@code a=file-range}), whose chunks start after them. The
     * message is complete once the rest has come. Zero for a fresh message.
     */
    default long presentBytes() {
        return 0;
    }
}
