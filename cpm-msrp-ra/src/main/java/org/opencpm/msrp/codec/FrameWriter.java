package org.opencpm.msrp.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes MSRP frames (RFC 4975 sec 9) to a stream: frames without a body in one call, requests with a body held in
 * memory, or a header now and a body streamed after it through a {@link BodyWriter}. Every frame is checked as the
 * parser would check it, so a frame that breaks the rules is refused with an {@link IllegalArgumentException}
 * before a byte is written. Not thread-safe: frames on one connection go out one after the other.
 */
public final class FrameWriter {

    private final OutputStream out;

    public FrameWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** A frame without body: a response, a REPORT, a bodiless SEND. Responses end with {@code $}. */
    public void write(MsrpFrame frame, EndFlag flag) throws IOException {
        out.write(head(frame, false));
        out.write(endLine(frame.transactionId(), flag, false));
    }

    /**
     * A request with its whole body.
     *
     * @throws IllegalArgumentException if the body holds the end-line of the request's transaction, which would end
     *     the frame early (RFC 4975 sec 7.1): pick another transaction id, see {@link Identifiers#transactionIdFor}
     */
    public void write(MsrpRequest request, ByteBuffer body, EndFlag flag) throws IOException {
        if (EndLineScanner.occursIn(request.transactionId(), body)) {
            throw new IllegalArgumentException("MSRP body holds the end-line of transaction "
                    + request.transactionId());
        }
        out.write(head(request, true));
        write(out, body.duplicate());
        out.write(endLine(request.transactionId(), flag, true));
    }

    /** Writes the start line and headers of a request whose body follows through the returned writer. */
    public BodyWriter begin(MsrpRequest request) throws IOException {
        out.write(head(request, true));
        return new BodyWriter(out, request.transactionId());
    }

    /** The start line and headers, ended by the blank line that opens a body when there is one. */
    static byte[] head(MsrpFrame frame, boolean withBody) {
        try {
            FrameRules.check(frame, withBody);
        } catch (MsrpProtocolException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        StringBuilder b = new StringBuilder(256).append(frame.startLine()).append("\r\n");
        for (String line : frame.headers().lines()) {
            b.append(line).append("\r\n");
        }
        if (withBody) {
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4975 sec 9: a body is followed by a CRLF of its own before the end-line. */
    static byte[] endLine(String transactionId, EndFlag flag, boolean afterBody) {
        return ((afterBody ? "\r\n" : "") + "-------" + transactionId + flag.symbol() + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static void write(OutputStream out, ByteBuffer data) throws IOException {
        if (data.hasArray()) {
            out.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            data.position(data.limit());
            return;
        }
        byte[] copy = new byte[Math.min(data.remaining(), 8192)];
        while (data.hasRemaining()) {
            int n = Math.min(copy.length, data.remaining());
            data.get(copy, 0, n);
            out.write(copy, 0, n);
        }
    }
}
