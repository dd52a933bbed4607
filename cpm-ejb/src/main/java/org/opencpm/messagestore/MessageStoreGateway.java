package org.opencpm.messagestore;

import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.StandaloneMessage;

/** Delivers a standalone message to the recipient's Message Storage Server (OMA CPM SD 5.2.2.1.3, 5.2.5.3). */
public interface MessageStoreGateway {

    /** Stores the message for its recipient, or throws {@link HandOverRefusedException}. */
    void deliver(StandaloneMessage message);
}
