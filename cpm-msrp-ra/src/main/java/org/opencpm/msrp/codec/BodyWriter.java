package org.opencpm.msrp.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The body of one request being streamed out, from {@link FrameWriter#begin}: pieces as they come, then the
 * end-line. It watches the body for the request's own end-line (RFC 4975 sec 7.1 leaves it to the sender to keep it
 * out). Should it appear, the chunk is cut just before it and ended with {@code +}, the RFC 4975 sec 7.1 way of
 * interrupting a chunk; the rest of what is written is dropped, and the caller sends the message on from
 * {@link #bytesWritten()} in a new chunk under a new transaction id. With random transaction ids this never
 * happens by chance, and a peer cannot make it happen without seeing the id.
 */
public final class BodyWriter {

    private final OutputStream out;
    private final String transactionId;
    private final EndLineScanner guard;
    private long written;
    private boolean cut;
    private boolean ended;

    BodyWriter(OutputStream out, String transactionId) {
        this.out = out;
        this.transactionId = transactionId;
        this.guard = new EndLineScanner(transactionId);
        guard.restart(true);
    }

    /** Writes a piece of the body, all of it, unless the chunk has been cut. */
    public void write(ByteBuffer piece) throws IOException {
        if (ended) {
            throw new IllegalStateException("body already ended");
        }
        if (!cut) {
            try {
                cut = guard.scan(piece, this::emit) != null;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        piece.position(piece.limit());
    }

    /**
     * Writes the end-line.
     *
     * @return the flag written: {@code flag}, or {@link EndFlag#MORE} in place of {@code $} if the chunk was cut
     */
    public EndFlag end(EndFlag flag) throws IOException {
        if (ended) {
            throw new IllegalStateException("body already ended");
        }
        ended = true;
        // A body ending in the end-line but its CRLF would be ended early by the CRLF that comes next.
        cut |= guard.awaitsOnlyCrlf();
        if (!cut) {
            try {
                guard.flush(this::emit);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        EndFlag written = cut && flag == EndFlag.COMPLETE ? EndFlag.MORE : flag;
        out.write(FrameWriter.endLine(transactionId, written, true));
        return written;
    }

    /** The body bytes that went out: where the next chunk starts when this one was cut. */
    public long bytesWritten() {
        return written;
    }

    /** Whether the body met its own end-line and the chunk was cut there. */
    public boolean isCut() {
        return cut;
    }

    private void emit(ByteBuffer piece) {
        written += piece.remaining();
        try {
            FrameWriter.write(out, piece);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
