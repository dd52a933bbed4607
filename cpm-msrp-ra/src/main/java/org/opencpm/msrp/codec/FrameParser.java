package org.opencpm.msrp.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads MSRP frames (RFC 4975 sec 9) incrementally from the bytes of one connection, as they arrive and however
 * they are split, and reports them to a {@link FrameHandler}. Memory stays bounded whatever arrives: one header
 * line at most {@link ParserLimits#maxHeaderBytes()} long, and the few bytes that might start an end-line; bodies
 * pass through in pieces of the buffers fed.
 *
 * <p>A frame that breaks the rules once its transaction id is known is refused through
 * {@link FrameHandler#onRejected} and skipped up to its end-line, and the stream goes on. Input in which no frame
 * boundary can be found any more (no {@code MSRP} start, a malformed transaction id, a start line beyond the
 * bounds) makes {@link #feed} throw: the connection cannot be read further and is to be closed. Not thread-safe:
 * one parser per connection, fed by one reader.
 */
public final class FrameParser {

    private static final byte[] START = "MSRP ".getBytes(StandardCharsets.US_ASCII);
    private static final String DASHES = "-------";

    private enum State { START_LINE, HEADERS, BODY, SKIP, BROKEN }

    private final FrameHandler handler;
    private final ParserLimits limits;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private State state = State.START_LINE;
    private byte[] line = new byte[256];
    private int lineLen;
    private int sectionBytes;

    // The frame being read.
    private String transactionId;
    private boolean request;
    private String method;
    private int code;
    private String comment;
    private HeaderLines headers;
    private int headerCount;
    private EndLineScanner scanner;
    private long bodyBytes;

    public FrameParser(FrameHandler handler) {
        this(handler, ParserLimits.DEFAULTS);
    }

    public FrameParser(FrameHandler handler, ParserLimits limits) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.limits = Objects.requireNonNull(limits, "limits");
        nextFrame();
    }

    /**
     * Reads all of {@code in}, reporting to the handler as frames, headers and body pieces complete.
     *
     * @throws MsrpProtocolException when the stream can no longer be framed; the parser is then unusable
     * @throws IllegalStateException if the parser is already unusable
     */
    public void feed(ByteBuffer in) {
        if (state == State.BROKEN) {
            throw new IllegalStateException("MSRP stream already broken");
        }
        try {
            while (in.hasRemaining()) {
                if (state == State.START_LINE || state == State.HEADERS) {
                    readLine(in);
                } else {
                    readBody(in);
                }
            }
        } catch (RuntimeException e) {
            // Fatal framing errors, and whatever the handler throws, leave the stream at an unknown point.
            state = State.BROKEN;
            throw e;
        }
    }

    /** Reads {@code len} bytes of {@code bytes} from {@code off}, as {@link #feed(ByteBuffer)}. */
    public void feed(byte[] bytes, int off, int len) {
        feed(ByteBuffer.wrap(bytes, off, len));
    }

    /** Whether the parser stands between two frames: closing the connection now cuts no frame in half. */
    public boolean isBetweenFrames() {
        return state == State.START_LINE && lineLen == 0;
    }

    private void nextFrame() {
        state = State.START_LINE;
        lineLen = 0;
        sectionBytes = 0;
        transactionId = null;
        request = false;
        method = null;
        code = 0;
        comment = "";
        headers = new HeaderLines();
        headerCount = 0;
        scanner = null;
        bodyBytes = 0;
    }

    private void readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (sectionBytes == limits.maxHeaderBytes()) {
                refuse(MsrpProtocolException.badRequest("MSRP header section too large"), false);
                return;
            }
            byte b = in.get();
            sectionBytes++;
            if (b == '\n') {
                lineEnded();
                return;
            }
            if (lineLen == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, limits.maxHeaderBytes()));
            }
            line[lineLen++] = b;
            // Fail fast on a stream that is not MSRP at all (TLS, HTTP, garbage) instead of buffering it.
            if (state == State.START_LINE && lineLen <= START.length && b != START[lineLen - 1]) {
                throw MsrpProtocolException.badRequest("MSRP start line malformed");
            }
        }
    }

    private void lineEnded() {
        try {
            if (lineLen == 0 || line[lineLen - 1] != '\r') {
                throw MsrpProtocolException.badRequest("MSRP line does not end in CRLF");
            }
            String text = decode(lineLen - 1);
            lineLen = 0;
            if (state == State.START_LINE) {
                startLine(text);
            } else {
                headerLine(text);
            }
        } catch (MsrpProtocolException e) {
            lineLen = 0;
            refuse(e, true);
        }
    }

    private void startLine(String text) {
        int sp = text.indexOf(' ', START.length);
        String id = sp < 0 ? "" : text.substring(START.length, sp);
        if (!Syntax.isIdent(id)) {
            throw MsrpProtocolException.badRequest("MSRP transaction id malformed");
        }
        transactionId = id;
        scanner = new EndLineScanner(id);
        String rest = text.substring(sp + 1);
        request = rest.isEmpty() || !Syntax.isDigit(rest.charAt(0));
        state = State.HEADERS;
        if (request) {
            if (!Syntax.isMethod(rest)) {
                throw MsrpProtocolException.badRequest("MSRP method malformed");
            }
            method = rest;
            return;
        }
        // RFC 4975 sec 9: resp-start = pMSRP SP transact-id SP status-code [SP comment].
        int end = rest.indexOf(' ');
        String digits = end < 0 ? rest : rest.substring(0, end);
        if (!Syntax.isDigits(digits, 3, 3) || digits.charAt(0) == '0') {
            throw MsrpProtocolException.badRequest("MSRP status code malformed");
        }
        code = Integer.parseInt(digits);
        comment = end < 0 ? "" : rest.substring(end + 1);
    }

    private void headerLine(String text) {
        if (text.isEmpty()) {
            MsrpFrame frame = frame(true);
            state = State.BODY;
            scanner.restart(true);
            handler.onFrame(frame, true);
            return;
        }
        // RFC 4975 sec 9: a frame without content ends right after its headers.
        if (text.length() == DASHES.length() + transactionId.length() + 1 && text.startsWith(DASHES)
                && text.startsWith(transactionId, DASHES.length())) {
            EndFlag flag = EndFlag.of(text.charAt(text.length() - 1));
            if (flag != null) {
                endWithoutBody(flag);
                return;
            }
        }
        if (++headerCount > limits.maxHeaders()) {
            throw MsrpProtocolException.badRequest("MSRP frame has more than " + limits.maxHeaders() + " headers");
        }
        headers.add(text);
    }

    private void endWithoutBody(EndFlag flag) {
        MsrpFrame frame;
        try {
            frame = frame(false);
        } catch (MsrpProtocolException e) {
            // The frame is already over: nothing to skip.
            MsrpProtocolException refused = withFrame(e);
            nextFrame();
            handler.onRejected(refused);
            return;
        }
        nextFrame();
        handler.onFrame(frame, false);
        handler.onEnd(flag);
    }

    private MsrpFrame frame(boolean hasBody) {
        MsrpHeaders h = headers.build();
        MsrpFrame frame = request ? new MsrpRequest(transactionId, method, h)
                : new MsrpResponse(transactionId, code, comment, h);
        FrameRules.check(frame, hasBody);
        return frame;
    }

    private void readBody(ByteBuffer in) {
        EndFlag flag = scanner.scan(in, this::bodyPiece);
        if (flag != null) {
            boolean delivered = state == State.BODY;
            nextFrame();
            if (delivered) {
                handler.onEnd(flag);
            }
        }
    }

    private void bodyPiece(ByteBuffer piece) {
        if (state != State.BODY) {
            return;
        }
        bodyBytes += piece.remaining();
        if (bodyBytes > limits.maxBodyBytes()) {
            state = State.SKIP;
            handler.onRejected(withFrame(new MsrpProtocolException(MsrpStatus.MESSAGE_TOO_LARGE,
                    "MSRP chunk larger than " + limits.maxBodyBytes() + " bytes")));
            return;
        }
        handler.onBody(piece);
    }

    /**
     * Refuses the frame being read. Without a transaction id there is no end-line to look for, so the stream is
     * lost; otherwise the rest of the frame is skipped.
     */
    private void refuse(MsrpProtocolException e, boolean atLineStart) {
        if (transactionId == null) {
            throw e;
        }
        state = State.SKIP;
        scanner.restart(atLineStart);
        handler.onRejected(withFrame(e));
    }

    private MsrpProtocolException withFrame(MsrpProtocolException e) {
        return new MsrpProtocolException(e.status(), e.getMessage(), transactionId, request, headers.toPath(),
                headers.fromPath());
    }

    private String decode(int len) {
        String text;
        try {
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(line, 0, len));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            throw MsrpProtocolException.badRequest("MSRP header is not valid UTF-8");
        }
        if (Syntax.hasControl(text)) {
            throw MsrpProtocolException.badRequest("MSRP header line has a control character");
        }
        return text;
    }
}
