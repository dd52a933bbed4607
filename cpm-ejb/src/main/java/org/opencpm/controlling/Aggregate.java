package org.opencpm.controlling;

import org.opencpm.message.cpim.CpimMessage;

/**
 * Notifications ready to go to the sender of a tracked message: {@code body} is a plain IMDN or an aggregate of
 * {@code count} of them, from {@code fromHeader} (the group, or the ad-hoc address) on behalf of the recipients.
 */
public record Aggregate(String senderAddress, String fromHeader, String routeAddress, CpimMessage body, int count) {
}
