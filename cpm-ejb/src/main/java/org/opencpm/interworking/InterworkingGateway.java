package org.opencpm.interworking;

import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.StandaloneMessage;

/** Hands a standalone message to the Interworking Selection Function (OMA CPM SD 5.2.2.1.3, 5.3.1). */
public interface InterworkingGateway {

    /** Takes the message for interworking, or throws {@link HandOverRefusedException}. */
    void handOver(StandaloneMessage message);
}
