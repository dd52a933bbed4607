package org.opencpm.msrp.api;

import java.nio.ByteBuffer;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;

/**
 * Sees what a bridge passes on, for an application in the media path that keeps a copy (a PF recording a session,
 * OMA CPM SD 5.2.1.2.2-3). Called on the receiving leg's reader thread once each piece of a SEND is queued on the
 * other leg, in the order the pieces arrive on that leg: it must be quick and must not block, or the relay waits
 * for it. The body is the relay's own buffer, valid only during the call.
 */
public interface RelayTap {

    /**
     * @param from        the leg the piece arrived on
     * @param messageId   the MSRP Message-ID
     * @param contentType the chunk's Content-Type, or null when it carried none (a later chunk, RFC 4975 sec 7.1)
     * @param range       the bytes of the message the piece covers
     * @param flag        {@link EndFlag#COMPLETE} on the message's last piece, {@link EndFlag#ABORTED} when its
     *                    sender gave it up
     */
    void passed(MsrpSession from, String messageId, String contentType, ByteRange range, ByteBuffer body,
                EndFlag flag);
}
