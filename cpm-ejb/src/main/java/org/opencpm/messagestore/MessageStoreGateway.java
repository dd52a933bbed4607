package org.opencpm.messagestore;

import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.StandaloneMessage;

/** Delivers a standalone message to the recipient's Message Storage Server (OMA CPM SD 5.2.2.1.3, 5.2.5.3). */
public interface MessageStoreGateway {

    /** Stores the message for its recipient as a stored object (SD 5.2.2.1.3), or throws. */
    void deliver(StandaloneMessage message) throws HandOverRefusedException;

    /** Hands a deferred message over to the recipient's store as a temporary object (SD 5.2.5.3), or throws. */
    void handOver(StandaloneMessage message) throws HandOverRefusedException;
}
