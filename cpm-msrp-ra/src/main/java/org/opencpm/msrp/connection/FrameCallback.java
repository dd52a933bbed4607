package org.opencpm.msrp.connection;

/** Told what became of a data frame handed to a connection: exactly one of the two is called. */
public interface FrameCallback {

    /** The frame's bytes went out to the socket. */
    void written();

    /** The connection closed before the frame went out. */
    void dropped();
}
