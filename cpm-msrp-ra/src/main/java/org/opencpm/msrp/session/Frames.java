package org.opencpm.msrp.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.FrameWriter;
import org.opencpm.msrp.codec.MsrpFrame;
import org.opencpm.msrp.codec.MsrpRequest;

/** Frames as the bytes a connection queues: each one whole, so that frames never interleave on the wire. */
public final class Frames {

    /** Start line and headers of a frame with a body, beyond which its bytes are the body and the end-line. */
    static final int HEAD_ROOM = 512;

    private Frames() {
    }

    /** A frame without body: a response, a REPORT, a binding SEND. */
    public static byte[] encode(MsrpFrame frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEAD_ROOM);
        try {
            new FrameWriter(out).write(frame, EndFlag.COMPLETE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A request with its body, e.g. one chunk; the transaction id must not occur in it as an end-line. */
    public static byte[] encode(MsrpRequest request, ByteBuffer body, EndFlag flag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEAD_ROOM + body.remaining());
        try {
            new FrameWriter(out).write(request, body, flag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
