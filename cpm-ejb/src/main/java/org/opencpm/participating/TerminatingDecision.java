package org.opencpm.participating;

import java.util.List;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.registrar.ActiveContact;

/** What the terminating PF does with a standalone message (OMA CPM SD 5.2.2.1.3), one of the listed ways. */
public sealed interface TerminatingDecision {

    /** Refuse it: the sender gets this final status. */
    record Reject(int status, String reason) implements TerminatingDecision {
    }

    /** Hand it to the Interworking Selection Function. */
    record Interwork() implements TerminatingDecision {
    }

    /** Deliver it to the recipient's Message Storage Server. */
    record Store() implements TerminatingDecision {
    }

    /** Send it on to the recipient's forward-to address. */
    record Forward(String target) implements TerminatingDecision {
    }

    /** Keep it in the deferred queue (5.2.5). */
    record Defer(DeferReason reason) implements TerminatingDecision {
    }

    /** Send it to these suitable registered devices under the policy. */
    record Deliver(List<ActiveContact> devices, MultiDevicePolicy policy) implements TerminatingDecision {
    }

    enum DeferReason {
        /** The user's preferences say defer. */
        PREFERENCE,
        /** The user does not want to be disturbed. */
        DO_NOT_DISTURB,
        /** No client is registered. */
        NOT_REGISTERED,
        /** Clients are registered, but none is suitable for this message. */
        NO_SUITABLE_CLIENT,
        /** Delivery was tried and every client failed (5.2.2.1.5 last paragraph, 5.1.5 item 5). */
        DELIVERY_FAILED
    }
}
