package org.opencpm.msrp.chunk;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;

/**
 * Cuts an outgoing message read from a stream into chunks with their Byte-Range (RFC 4975 sec 5.1), holding one
 * chunk in memory at a time. With a known size every chunk carries the total; with an unknown size the total is
 * {@code *} until the last chunk, found by reading one byte ahead, which carries it. The last chunk ends with
 * {@code $}, the others with {@code +}. A message of no bytes is one empty chunk {@code 1-0/0}.
 */
public final class ChunkSplitter {

    public static final long UNKNOWN_SIZE = ByteRange.UNKNOWN;

    private final InputStream source;
    private final long size;
    private final byte[] buffer;
    private long offset;
    private int lookahead = -1;
    private boolean done;

    /** A whole message; {@code size} may be {@link #UNKNOWN_SIZE}. */
    public ChunkSplitter(InputStream source, long size, int chunkSize) {
        this(source, size, chunkSize, 0);
    }

    /**
     * The rest of a message of which {@code sent} bytes were delivered before (a resumed transfer): the source
     * starts at byte {@code sent + 1} and so do the ranges.
     */
    public ChunkSplitter(InputStream source, long size, int chunkSize, long sent) {
        this.source = Objects.requireNonNull(source, "source");
        if (chunkSize < 1 || size < UNKNOWN_SIZE || sent < 0 || size != UNKNOWN_SIZE && sent > size) {
            throw new IllegalArgumentException("chunk size, message size or bytes sent out of range");
        }
        this.size = size;
        this.buffer = new byte[chunkSize];
        this.offset = sent;
    }

    /**
     * The next chunk, empty once the last one was given.
     *
     * @throws EOFException if the source ends before the size given
     * @throws IOException if it reads fail, or the source is longer than the size given
     */
    public Optional<Chunk> next() throws IOException {
        if (done) {
            return Optional.empty();
        }
        int wanted = size == UNKNOWN_SIZE ? buffer.length : (int) Math.min(buffer.length, size - offset);
        int n = 0;
        if (lookahead >= 0) {
            buffer[n++] = (byte) lookahead;
            lookahead = -1;
        }
        n += readFully(n, wanted - n);
        boolean last;
        if (size == UNKNOWN_SIZE) {
            last = n < wanted || (lookahead = source.read()) < 0;
        } else {
            if (n < wanted) {
                throw new EOFException("message source ended at byte " + (offset + n) + " of " + size);
            }
            last = offset + n == size;
            if (last && source.read() >= 0) {
                throw new IOException("message source longer than its size " + size);
            }
        }
        long end = offset + n;
        long total = size != UNKNOWN_SIZE ? size : last ? end : ByteRange.UNKNOWN;
        Chunk chunk = new Chunk(new ByteRange(offset + 1, end, total),
                ByteBuffer.wrap(buffer, 0, n).asReadOnlyBuffer(), last ? EndFlag.COMPLETE : EndFlag.MORE);
        offset = end;
        done = last;
        return Optional.of(chunk);
    }

    private int readFully(int from, int len) throws IOException {
        int read = 0;
        while (read < len) {
            int r = source.read(buffer, from + read, len - read);
            if (r < 0) {
                break;
            }
            read += r;
        }
        return read;
    }
}
