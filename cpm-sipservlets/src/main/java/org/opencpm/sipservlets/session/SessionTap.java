package org.opencpm.sipservlets.session;

import java.nio.ByteBuffer;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.sdp.SessionDescription;

/**
 * What a function in the media path keeps of a session it relays (the PF recording it, OMA CPM SD 5.2.1.2.2-3).
 * {@link #passed} runs on the MSRP reader threads, as {@link org.opencpm.msrp.api.RelayTap} does, and must not
 * block; the others under the session chain's lock.
 */
public interface SessionTap {

    /** The session is established: {@code answer} is the SDP the tapped user's side agreed to. */
    void established(SessionDescription answer);

    /**
     * A piece of a SEND passed on; see {@link org.opencpm.msrp.api.RelayTap#passed}.
     *
     * @param fromCaller whether it came from the inviting side
     */
    void passed(boolean fromCaller, String messageId, String contentType, ByteRange range, ByteBuffer body,
                EndFlag flag);

    /** The session is over: what had not arrived whole is dropped. Called once at least. */
    void ended();
}
