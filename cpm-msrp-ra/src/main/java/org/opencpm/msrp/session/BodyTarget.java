package org.opencpm.msrp.session;

import java.nio.ByteBuffer;
import org.opencpm.msrp.codec.EndFlag;

/** Where the body of the request being read goes, piece by piece, until its end-line. */
public interface BodyTarget {

    /** Drops whatever arrives. */
    BodyTarget DISCARD = new BodyTarget() {
        @Override
        public void body(ByteBuffer piece) {
        }

        @Override
        public void end(EndFlag flag) {
        }

        @Override
        public void abort() {
        }
    };

    /** A piece of the body; valid only during the call. */
    void body(ByteBuffer piece);

    /** The end-line, with its flag. */
    void end(EndFlag flag);

    /** The parser refused the frame midway: nothing more of it comes, and its refusal is answered elsewhere. */
    void abort();
}
