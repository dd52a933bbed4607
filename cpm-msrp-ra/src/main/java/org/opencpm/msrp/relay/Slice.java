package org.opencpm.msrp.relay;

import java.nio.ByteBuffer;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.MsrpRequest;

/**
 * A piece of an incoming chunk on its way out: the whole chunk when it fits the relay's buffer, else one slice of
 * it with its own Byte-Range (RFC 4975 sec 7.1). The bytes are the relay's buffer: valid until {@link
 * Outlet#pass} returns.
 *
 * @param request the incoming SEND, whose headers the outgoing ones keep
 * @param range the Byte-Range of this piece
 * @param message the message it belongs to, told when the piece fails further on
 */
record Slice(MsrpRequest request, ByteRange range, byte[] bytes, int length, EndFlag flag, RelayedMessage message) {

    /** The body, a fresh view for each leg it goes out on. */
    ByteBuffer body() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    /** The piece failed further on: its sender hears of it once per message, as its Failure-Report asks. */
    void fail(int code, String comment) {
        message.fail(request, range, code, comment);
    }
}
