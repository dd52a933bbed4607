package org.opencpm.msrp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Finds the end-line of one transaction in a byte stream: CRLF, seven dashes, the transaction id, a flag of
 * {@code $+#}, CRLF (RFC 4975 sec 7.1 and 9). Bytes that cannot belong to it are passed on as body in pieces; only
 * the bytes that might still start the end-line (at most its length) are held back, across any number of buffers.
 * Anything that looks almost like the end-line (another transaction id, another flag, no CRLF after it) is body.
 *
 * <p>A body begins right after the CRLF of the blank line, and the end-line may follow it at once (an empty body
 * with no second CRLF): {@link #restart(boolean)} at a line start counts that CRLF as already seen, without passing
 * it on as body.
 */
final class EndLineScanner {

    private final byte[] endLine;
    private final int flagAt;
    private final byte[] held;
    private final byte[] released;
    private int heldLen;
    private int virtual;

    EndLineScanner(String transactionId) {
        this.endLine = ("\r\n-------" + transactionId + "?\r\n").getBytes(StandardCharsets.US_ASCII);
        this.flagAt = endLine.length - 3;
        this.held = new byte[endLine.length];
        this.released = new byte[endLine.length];
    }

    /**
     * Starts a new body. At a line start the CRLF before a possible end-line has just been read; elsewhere (a frame
     * skipped in the middle of a line) the end-line needs a CRLF of its own.
     */
    void restart(boolean atLineStart) {
        if (atLineStart) {
            held[0] = '\r';
            held[1] = '\n';
            heldLen = 2;
            virtual = 2;
        } else {
            heldLen = 0;
            virtual = 0;
        }
    }

    /**
     * Reads {@code in} up to and including the end-line, or to its limit. Body bytes go to {@code body} as
     * read-only buffers valid during the call.
     *
     * @return the flag of the end-line, with {@code in} positioned after it; null when {@code in} ran out first
     */
    EndFlag scan(ByteBuffer in, Consumer<ByteBuffer> body) {
        int p = in.position();
        int limit = in.limit();
        int runStart = p;
        while (p < limit) {
            byte b = in.get(p++);
            // Fast path: nothing held and no CR, so this byte is body.
            if (heldLen == 0 && b != '\r') {
                continue;
            }
            if (p - 1 > runStart) {
                body.accept(slice(in, runStart, p - 1));
            }
            EndFlag flag = push(b, body);
            runStart = p;
            if (flag != null) {
                in.position(p);
                return flag;
            }
        }
        if (limit > runStart) {
            body.accept(slice(in, runStart, limit));
        }
        in.position(limit);
        return null;
    }

    /**
     * Whether the held bytes are the end-line but for its closing CRLF: a body ending so is cut short by the CRLF
     * that precedes the real end-line.
     */
    boolean awaitsOnlyCrlf() {
        return heldLen == flagAt + 1;
    }

    /** Passes on the held bytes as body and starts over; for a writer at the end of a body. */
    void flush(Consumer<ByteBuffer> body) {
        if (heldLen > virtual) {
            body.accept(ByteBuffer.wrap(held, virtual, heldLen - virtual).slice().asReadOnlyBuffer());
        }
        heldLen = 0;
        virtual = 0;
    }

    /** Whether {@code body}, sent under {@code transactionId}, would end its frame early (RFC 4975 sec 7.1). */
    static boolean occursIn(String transactionId, ByteBuffer body) {
        EndLineScanner scanner = new EndLineScanner(transactionId);
        scanner.restart(true);
        return scanner.scan(body.duplicate(), piece -> { }) != null || scanner.awaitsOnlyCrlf();
    }

    private EndFlag push(byte b, Consumer<ByteBuffer> body) {
        held[heldLen++] = b;
        int n = 0;
        while (heldLen > 0 && !heldIsPrefix()) {
            if (virtual > 0) {
                virtual--;
            } else {
                released[n++] = held[0];
            }
            System.arraycopy(held, 1, held, 0, --heldLen);
        }
        if (n > 0) {
            body.accept(ByteBuffer.wrap(released, 0, n).asReadOnlyBuffer());
        }
        if (heldLen == endLine.length) {
            EndFlag flag = EndFlag.of(held[flagAt]);
            heldLen = 0;
            virtual = 0;
            return flag;
        }
        return null;
    }

    private boolean heldIsPrefix() {
        for (int i = 0; i < heldLen; i++) {
            if (i == flagAt ? EndFlag.of(held[i]) == null : held[i] != endLine[i]) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer slice(ByteBuffer in, int from, int to) {
        ByteBuffer d = in.duplicate();
        d.limit(to).position(from);
        return d.slice().asReadOnlyBuffer();
    }
}
