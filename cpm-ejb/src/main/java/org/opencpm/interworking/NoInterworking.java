package org.opencpm.interworking;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.StandaloneMessage;

/** The gateway while no Interworking Function is deployed: every hand-over is refused, so the sender learns it. */
@ApplicationScoped
public class NoInterworking implements InterworkingGateway {

    @Override
    public void handOver(StandaloneMessage message) {
        throw new HandOverRefusedException("no interworking function is available");
    }
}
