package org.opencpm.msrp.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.MsrpProtocolException;
import org.opencpm.msrp.codec.MsrpStatus;

/**
 * Puts one incoming message back together from its chunks (RFC 4975 sec 5.1), each written into a {@link ChunkSink}
 * at its Byte-Range start as its body streams in: {@link #begin}, {@link #write} for each piece, {@link #end}.
 * Chunks may come in any order and overlap. The message is complete once the chunk ending in {@code $} has come
 * and every byte before its end; the end is where that chunk's bytes actually stop, since the RFC's own examples
 * announce a total two bytes longer than the body.
 *
 * <p>A chunk ending in {@code #} aborts the message: what arrived is kept, {@link #contiguousBytes()} says where a
 * resumed transfer (RFC 5547 {@code a=file-range}) picks up, and later chunks continue it. A transfer resumed in a
 * new session starts with the bytes its sink holds already ({@link ChunkSink#presentBytes()}) counted as received.
 * Bounds: the message size, the number of separate pieces (a storm of tiny scattered chunks), and the bytes
 * received in all, duplicates included, at most twice the size bound. Breaking one raises a
 * {@link MsrpProtocolException} with 413 (stop sending this message) or 400 (a Byte-Range that contradicts the
 * message); the chunk is dropped and the caller normally gives the message up. One chunk at a time: chunks of one
 * message arrive over one connection in turn.
 */
public final class Reassembler {

    /** Separate pieces allowed by default: far above what ordered or mildly reordered chunking produces. */
    public static final int DEFAULT_MAX_PIECES = 1024;
    /** Resends may overlap, but the bytes received in all stay within this many times the size bound. */
    static final int RECEIVE_FACTOR = 2;

    private final ChunkSink sink;
    private final long maxSize;
    private final int maxPieces;
    private final long receiveBudget;
    private final ReceivedRanges received = new ReceivedRanges();
    private long declaredTotal = ByteRange.UNKNOWN;
    private long finalSize = ByteRange.UNKNOWN;
    private long bytesReceived;
    private boolean aborted;
    private long chunkOffset = -1;
    private long chunkWritten;

    public Reassembler(ChunkSink sink, long maxSize) {
        this(sink, maxSize, DEFAULT_MAX_PIECES);
    }

    public Reassembler(ChunkSink sink, long maxSize, int maxPieces) {
        this.sink = Objects.requireNonNull(sink, "sink");
        if (maxSize < 0 || maxPieces < 1) {
            throw new IllegalArgumentException("size or piece bound out of range");
        }
        this.maxSize = maxSize;
        this.maxPieces = maxPieces;
        this.receiveBudget = maxSize > Long.MAX_VALUE / RECEIVE_FACTOR ? Long.MAX_VALUE : RECEIVE_FACTOR * maxSize;
        long present = sink.presentBytes();
        if (present < 0 || present > maxSize) {
            throw new IllegalArgumentException("bytes present in the sink outside the size bound");
        }
        received.add(0, present);
    }

    /**
     * Begins a chunk. A SEND without Byte-Range is taken as {@link ByteRange#OPEN}.
     *
     * @throws MsrpProtocolException 413 for a message or range beyond the size bound, 400 for a total that changes
     *     or a start beyond the known end of the message
     */
    public void begin(ByteRange range) {
        if (chunkOffset >= 0) {
            throw new IllegalStateException("a chunk is already being received");
        }
        if (range.hasTotal()) {
            if (range.total() > maxSize) {
                throw tooLarge();
            }
            if (declaredTotal != ByteRange.UNKNOWN && declaredTotal != range.total()) {
                throw badRequest("MSRP Byte-Range total changed within a message");
            }
            declaredTotal = range.total();
        }
        long known = knownSize();
        if (known != ByteRange.UNKNOWN && range.start() - 1 > known) {
            throw badRequest("MSRP chunk starts beyond the end of its message");
        }
        if (range.start() - 1 > maxSize || range.hasEnd() && range.end() > maxSize) {
            throw tooLarge();
        }
        chunkOffset = range.start() - 1;
        chunkWritten = 0;
        aborted = false;
    }

    /**
     * Writes a piece of the current chunk's body into the sink at its place.
     *
     * @throws MsrpProtocolException when the piece breaks a bound; the chunk is dropped
     */
    public void write(ByteBuffer piece) throws IOException {
        if (chunkOffset < 0) {
            throw new IllegalStateException("no chunk begun");
        }
        long at = chunkOffset + chunkWritten;
        long n = piece.remaining();
        long known = knownSize();
        MsrpProtocolException broken = null;
        if (at + n > maxSize) {
            broken = tooLarge();
        } else if (known != ByteRange.UNKNOWN && at + n > known) {
            broken = badRequest("MSRP chunk runs past the end of its message");
        } else if (bytesReceived + n > receiveBudget) {
            broken = new MsrpProtocolException(MsrpStatus.MESSAGE_TOO_LARGE, "MSRP message resent too often");
        }
        if (broken != null) {
            chunkOffset = -1;
            throw broken;
        }
        bytesReceived += n;
        sink.write(at, piece);
        chunkWritten += n;
    }

    /**
     * Ends the current chunk with the flag of its end-line.
     *
     * @throws MsrpProtocolException 413 when the message is now in too many pieces, 400 when a {@code $} chunk
     *     ends the message elsewhere than before or before bytes already received
     */
    public void end(EndFlag flag) {
        if (chunkOffset < 0) {
            throw new IllegalStateException("no chunk begun");
        }
        long end = chunkOffset + chunkWritten;
        received.add(chunkOffset, end);
        chunkOffset = -1;
        if (received.count() > maxPieces) {
            throw new MsrpProtocolException(MsrpStatus.MESSAGE_TOO_LARGE,
                    "MSRP message in more than " + maxPieces + " pieces");
        }
        if (flag == EndFlag.COMPLETE) {
            if (finalSize != ByteRange.UNKNOWN && finalSize != end || received.end() > end) {
                throw badRequest("MSRP message ends at two different bytes");
            }
            finalSize = end;
        }
        aborted = flag == EndFlag.ABORTED;
    }

    /** Drops the current chunk, refused by the parser midway: its bytes do not count as received. */
    public void discard() {
        chunkOffset = -1;
    }

    /** Whether the last chunk has come and every byte before its end. */
    public boolean isComplete() {
        return finalSize != ByteRange.UNKNOWN && received.contiguous() >= finalSize;
    }

    /** Whether the latest chunk ended in {@code #}. */
    public boolean isAborted() {
        return aborted;
    }

    /** The size of the message: where its {@code $} chunk ended, else the total its Byte-Range gave, if any. */
    public OptionalLong size() {
        long known = knownSize();
        return known == ByteRange.UNKNOWN ? OptionalLong.empty() : OptionalLong.of(known);
    }

    /** How many bytes from the first have all arrived: where a resumed transfer continues. */
    public long contiguousBytes() {
        return received.contiguous();
    }

    /** The ranges received, as Byte-Ranges with the total when known, e.g. for a REPORT on partial receipt. */
    public List<ByteRange> receivedRanges() {
        long total = knownSize();
        return received.list().stream().map(r -> new ByteRange(r[0] + 1, r[1], total)).toList();
    }

    private long knownSize() {
        return finalSize != ByteRange.UNKNOWN ? finalSize : declaredTotal;
    }

    private MsrpProtocolException tooLarge() {
        return new MsrpProtocolException(MsrpStatus.MESSAGE_TOO_LARGE,
                "MSRP message larger than " + maxSize + " bytes");
    }

    private static MsrpProtocolException badRequest(String reason) {
        return new MsrpProtocolException(MsrpStatus.BAD_REQUEST, reason);
    }
}
