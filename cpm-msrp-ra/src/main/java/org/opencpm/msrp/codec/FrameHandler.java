package org.opencpm.msrp.codec;

import java.nio.ByteBuffer;

/**
 * Receives what a {@link FrameParser} reads, frame by frame: {@link #onFrame} once the headers are read, then
 * {@link #onBody} for each piece of the body, then {@link #onEnd}. A frame that breaks the rules after its
 * transaction id is known ends instead in {@link #onRejected}, possibly after {@code onFrame} and some body: the
 * handler drops what it has of that frame and answers the status if the frame was a request; the parser goes on
 * with the next frame.
 */
public interface FrameHandler {

    /**
     * The start line and headers of a frame.
     *
     * @param hasBody whether a body follows (a blank line ended the headers), possibly empty
     */
    void onFrame(MsrpFrame frame, boolean hasBody);

    /**
     * A piece of the body, in order. The buffer is read-only and valid only during the call: copy or write out
     * what is needed before returning.
     */
    void onBody(ByteBuffer piece);

    /** The end-line of the frame with its continuation flag. */
    void onEnd(EndFlag flag);

    /**
     * The frame is refused; see {@link MsrpProtocolException#status()} and
     * {@link MsrpProtocolException#answerable()}.
     */
    void onRejected(MsrpProtocolException reason);
}
