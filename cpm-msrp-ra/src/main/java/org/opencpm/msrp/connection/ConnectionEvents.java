package org.opencpm.msrp.connection;

import org.opencpm.msrp.codec.FrameHandler;

/** What a connection tells its owner: the frames it reads, through a parser, and its end. */
public interface ConnectionEvents {

    /** The handler of the frames read on {@code connection}; called once, before the reader starts. */
    FrameHandler handlerFor(MsrpConnection connection);

    /** The connection closed, for {@code reason}; called once, on the thread that closed it. */
    void closed(MsrpConnection connection, String reason);
}
