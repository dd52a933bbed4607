package org.opencpm.msrp.api;

import org.opencpm.msrp.chunk.ChunkSink;

/**
 * The events of a session, in the order they happen on its connection. Calls come on the thread that reads the
 * connection, one at a time per connection: a listener that takes its time slows that connection down, which is
 * the back-pressure a slow receiver exerts. Closing comes on whichever thread closes.
 *
 * <p>In WildFly this is also the message listener type of the MSRP resource adapter's inbound side: a
 * message-driven bean implementing it, activated with an {@code applicationName}, receives the events of the
 * sessions created with {@link SessionOptions#forApplication}.
 */
public interface MsrpSessionListener {

    /**
     * The first chunk of a new message has arrived (any chunk of it: chunks may come out of order). Return where
     * its bytes go: the connector writes every chunk at its Byte-Range offset (RFC 4975 sec 5.1), so a
     * {@link org.opencpm.msrp.chunk.FileChannelSink} keeps memory flat whatever the size, and a
     * {@link org.opencpm.msrp.chunk.MemorySink} suits short chat messages.
     *
     * @throws MessageRefusedException to refuse the message with its status, e.g. 415 for a content type not
     *     accepted or 413 for a size not accepted; the sender is told in the response (RFC 4975 sec 7.3.1)
     */
    ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException;

    /** Every byte of the message is in its sink. */
    default void onMessageReceived(MsrpSession session, IncomingMessage message, long size) {
    }

    /**
     * The message ends without being complete: its sender aborted it ({@code #}), it broke a bound, or the session
     * closed. {@code contiguousBytes} bytes from the first are in the sink: where a resumed file transfer
     * (RFC 5547 {@code a=file-range}) picks up, in a new session whose listener returns
     * {@link org.opencpm.msrp.chunk.FileChannelSink#resuming} on the same file for the same Message-ID.
     */
    default void onMessageAborted(MsrpSession session, IncomingMessage message, long contiguousBytes) {
    }

    /** A REPORT arrived on a message this side sent (RFC 4975 sec 7.1.2). */
    default void onReport(MsrpSession session, MsrpReport report) {
    }

    /** The session is bound to its connection: the binding SEND was answered, or the peer's first request came. */
    default void onConnected(MsrpSession session) {
    }

    /** The session is closed and its resources released; for {@link CloseReason#CONNECTION_LOST} end the dialog. */
    default void onClosed(MsrpSession session, CloseReason reason) {
    }
}
