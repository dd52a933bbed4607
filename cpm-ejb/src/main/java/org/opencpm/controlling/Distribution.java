package org.opencpm.controlling;

import java.util.List;
import org.opencpm.message.imdn.DispositionRequest;

/**
 * A message the CF sends to several recipients with its notifications routed back through it.
 *
 * @param routeAddress the address notifications come back to (the group's, or the ad-hoc address)
 * @param messageId    the message's {@code imdn.Message-ID}
 * @param sender       the sender's address, whom the notifications are for
 * @param fromHeader   the From the aggregates carry ({@code "Team" <sip:team@example.com>})
 * @param recipients   the addresses the copies went to
 * @param requested    the notifications the sender asked for
 */
public record Distribution(String routeAddress, String messageId, String sender, String fromHeader,
                           List<String> recipients, DispositionRequest requested) {

    public Distribution {
        recipients = List.copyOf(recipients);
    }
}
