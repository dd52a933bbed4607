package org.opencpm.participating;

import java.util.ArrayList;
import java.util.List;
import org.opencpm.preference.MultiDevicePolicy;

/**
 * Follows the delivery of one message to a recipient's devices and says what to do next (OMA CPM SD 5.1.5):
 * with {@link MultiDevicePolicy#ALL} every device is tried at once and the message counts as delivered when the
 * first accepts; with {@link MultiDevicePolicy#FIRST_ACCEPTING} the devices are tried one after another until one
 * accepts. The message failed when every device refused or did not answer within the deadline.
 */
public final class DeliveryProgress {

    /** What the caller does after an event. */
    public sealed interface Step {
    }

    /** Send the message to these devices (indexes in the device list). */
    public record Send(List<Integer> devices) implements Step {
    }

    /** The first device accepted: the message is delivered. */
    public record Delivered() implements Step {
    }

    /** No device accepted. */
    public record Failed(int lastStatus) implements Step {
    }

    /** Nothing to do (more answers are awaited, or the outcome was already given). */
    public record Wait() implements Step {
    }

    private final int devices;
    private final MultiDevicePolicy policy;
    private final boolean[] answered;
    private int next;
    private int open;
    private int lastStatus = 480;
    private boolean decided;

    public DeliveryProgress(int devices, MultiDevicePolicy policy) {
        if (devices < 1) {
            throw new IllegalArgumentException("at least one device");
        }
        this.devices = devices;
        this.policy = policy;
        this.answered = new boolean[devices];
    }

    public synchronized Send start() {
        return sendMore();
    }

    /** A final response from device {@code index}. */
    public synchronized Step onFinalResponse(int index, int status) {
        if (status < 200) {
            throw new IllegalArgumentException("not a final status: " + status);
        }
        if (answered[index]) {
            return new Wait();
        }
        answered[index] = true;
        open--;
        if (status < 300) {
            if (decided) {
                return new Wait();
            }
            decided = true;
            return new Delivered();
        }
        lastStatus = status;
        return afterFailure();
    }

    /** The device at {@code index} did not answer in time. */
    public synchronized Step onDeadline(int index) {
        return answered[index] ? new Wait() : onFinalResponse(index, 408);
    }

    /** True once the outcome was given and no answer is outstanding. */
    public synchronized boolean finished() {
        return decided && open == 0;
    }

    /** True once delivered or failed. */
    public synchronized boolean decided() {
        return decided;
    }

    private Step afterFailure() {
        if (decided) {
            return new Wait();
        }
        if (next < devices) {
            return sendMore();
        }
        if (open > 0) {
            return new Wait();
        }
        decided = true;
        return new Failed(lastStatus);
    }

    private Send sendMore() {
        List<Integer> batch = new ArrayList<>();
        int until = policy == MultiDevicePolicy.ALL ? devices : Math.min(devices, next + 1);
        while (next < until) {
            batch.add(next++);
        }
        open += batch.size();
        return new Send(batch);
    }
}
