package org.opencpm.sipservlets.participating;

import org.opencpm.message.imdn.ImdnDocument;

/**
 * Where the PF hands the notifications it generates for a message that asked for them to be routed through an
 * intermediary (IMDN-Record-Route, RFC 5438 sec 6.4): the Controlling Function, which aggregates them (OMA CPM SD
 * 5.2.6.1). An interface, so the PF does not depend on the CF's classes.
 */
public interface RoutedNotifications {

    /**
     * Offers {@code doc}, which {@code notifier} is owed to {@code originalSender}, to the intermediary at
     * {@code routeAddress}; false when it does not take it and the PF should send it straight to the sender.
     */
    boolean offer(String routeAddress, String originalSender, String notifier, ImdnDocument doc);
}
