package org.opencpm.participating;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Collects the final answers of the devices a message was sent to and decides the one answer for the sender:
 * 200 as soon as one device accepted (OMA CPM SD 5.1.5, all-devices policy); when all have failed, a 6xx if any
 * device gave one (RFC 3261 section 16.7 step 6), the shared status if all agree, else 480.
 */
public final class DeliveryOutcome {

    private final int branches;
    private final List<Integer> failures = new ArrayList<>();
    private int finals;
    private boolean answered;

    public DeliveryOutcome(int branches) {
        if (branches < 1) {
            throw new IllegalArgumentException("at least one device");
        }
        this.branches = branches;
    }

    /** Records one device's final status; returns the status to send the sender now, if it is time to. */
    public synchronized OptionalInt onFinalResponse(int status) {
        if (status < 200) {
            throw new IllegalArgumentException("not a final status: " + status);
        }
        finals++;
        if (status < 300) {
            if (answered) {
                return OptionalInt.empty();
            }
            answered = true;
            return OptionalInt.of(200);
        }
        failures.add(status);
        if (answered || failures.size() < branches) {
            return OptionalInt.empty();
        }
        answered = true;
        return OptionalInt.of(bestFailure());
    }

    /** True once every device has given its final answer. */
    public synchronized boolean allDevicesAnswered() {
        return finals >= branches;
    }

    private int bestFailure() {
        for (int status : failures) {
            if (status >= 600) {
                return status;
            }
        }
        int first = failures.get(0);
        return failures.stream().allMatch(s -> s == first) ? first : 480;
    }
}
