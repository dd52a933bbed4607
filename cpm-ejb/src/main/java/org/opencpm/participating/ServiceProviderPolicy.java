package org.opencpm.participating;

import java.time.Duration;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.ExpiredHandling;
import org.opencpm.preference.MultiDevicePolicy;

/**
 * The service provider's choices where the user has set none (OMA CPM SD 5.2.5 note 1, 5.1.5) and the timing of
 * delivery.
 *
 * @param deferredDelivery default delivery option for deferred messages
 * @param expiredHandling  default handling of expired deferred messages
 * @param multiDevice      default multi-device policy
 * @param deviceDeadline   how long one delivery attempt may take before the device counts as failed; below the
 *                         32 s of SIP Timer F so that the sender, whose own transaction runs as long, gets a
 *                         final answer (202 after deferral) in time
 * @param pushWindow       how many deferred messages to one user may be in flight at once
 */
public record ServiceProviderPolicy(DeferredDelivery deferredDelivery, ExpiredHandling expiredHandling,
                                    MultiDevicePolicy multiDevice, Duration deviceDeadline, int pushWindow) {

    public static ServiceProviderPolicy defaults() {
        return new ServiceProviderPolicy(DeferredDelivery.PUSH, ExpiredHandling.DISCARD, MultiDevicePolicy.ALL,
                Duration.ofSeconds(8), 16);
    }
}
