package org.opencpm.msrp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FrameHandler} that writes down what it is told as readable lines, body pieces joined, so that feeding
 * the same bytes split differently can be compared: {@code frame <start line> | <headers> | body},
 * {@code body <text>}, {@code end $}, {@code rejected 400 <reason> | <tid> | answerable}.
 */
class Recorder implements FrameHandler {

    final List<String> events = new ArrayList<>();
    final List<MsrpFrame> frames = new ArrayList<>();
    final List<MsrpProtocolException> rejections = new ArrayList<>();
    int largestPiece;
    private StringBuilder body;

    @Override
    public void onFrame(MsrpFrame frame, boolean hasBody) {
        frames.add(frame);
        events.add("frame " + frame.startLine() + " | " + frame.headers().toString().replace("\r\n", "; ")
                + (hasBody ? " | body" : ""));
    }

    @Override
    public void onBody(ByteBuffer piece) {
        largestPiece = Math.max(largestPiece, piece.remaining());
        byte[] bytes = new byte[piece.remaining()];
        piece.get(bytes);
        if (body == null) {
            body = new StringBuilder();
            events.add(null);
        }
        body.append(new String(bytes, StandardCharsets.ISO_8859_1));
        events.set(events.size() - 1, "body " + body);
    }

    @Override
    public void onEnd(EndFlag flag) {
        body = null;
        events.add("end " + flag.symbol());
    }

    @Override
    public void onRejected(MsrpProtocolException reason) {
        body = null;
        rejections.add(reason);
        events.add("rejected " + reason.status().code() + ' ' + reason.getMessage() + " | "
                + reason.transactionId().orElse("-") + (reason.answerable() ? " | answerable" : ""));
    }

    /** Feeds {@code wire} in pieces cut at the given offsets, in order. */
    static Recorder feed(byte[] wire, ParserLimits limits, int... cuts) {
        Recorder recorder = new Recorder();
        FrameParser parser = new FrameParser(recorder, limits);
        int from = 0;
        for (int cut : cuts) {
            parser.feed(wire, from, cut - from);
            from = cut;
        }
        parser.feed(wire, from, wire.length - from);
        return recorder;
    }

    static Recorder feed(String wire, int... cuts) {
        return feed(bytes(wire), ParserLimits.DEFAULTS, cuts);
    }

    /** The text with each "\n" written as CRLF, ISO-8859-1 so that any byte can be written as a char. */
    static byte[] bytes(String text) {
        return crlf(text).getBytes(StandardCharsets.ISO_8859_1);
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
