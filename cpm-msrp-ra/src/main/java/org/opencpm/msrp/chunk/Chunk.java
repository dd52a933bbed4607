package org.opencpm.msrp.chunk;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;

/**
 * One outgoing chunk from a {@link ChunkSplitter}: its Byte-Range, its bytes (read-only, valid until the splitter is
 * asked for the next chunk) and the flag its end-line carries.
 */
public record Chunk(ByteRange range, ByteBuffer data, EndFlag flag) {

    public Chunk {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(flag, "flag");
    }
}
