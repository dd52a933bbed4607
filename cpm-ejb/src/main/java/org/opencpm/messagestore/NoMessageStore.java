package org.opencpm.messagestore;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.StandaloneMessage;

/** The gateway while no Message Storage Server is configured: every delivery to it is refused. */
@ApplicationScoped
public class NoMessageStore implements MessageStoreGateway {

    @Override
    public void deliver(StandaloneMessage message) {
        throw new HandOverRefusedException("no message storage server is available");
    }
}
