package org.opencpm.participating;

import java.util.List;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.DispositionRequest;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.imdn.ImdnMessages;

/**
 * What the PF reads from a standalone message's body.
 *
 * @param cpim          the CPIM wrapper, or null for a bare body
 * @param payloadType   the MIME type of the content the user gets (no parameters, lower case)
 * @param notifications the disposition notifications carried: one for an IMDN, several for an aggregate of
 *                      them (RFC 5438 sec 8.3), none for a message
 * @param imdnMessageId the CPIM {@code imdn.Message-ID}, or null
 * @param disposition   the notifications the sender asked for ({@link DispositionRequest#none()} when none)
 * @param dateTime      the CPIM DateTime, or null
 * @param subject       the CPIM Subject, or null
 * @param transientIndication an indication that is worthless later (isComposing, RFC 3994): never deferred
 */
public record Payload(CpimMessage cpim, String payloadType, List<ImdnDocument> notifications, String imdnMessageId,
                      DispositionRequest disposition, String dateTime, String subject, boolean transientIndication) {

    public Payload {
        notifications = List.copyOf(notifications);
    }

    /** A body that is the content itself, not wrapped in CPIM: nothing to read from it but its type. */
    public static Payload bare(String payloadType, boolean transientIndication) {
        return new Payload(null, payloadType, List.of(), null, DispositionRequest.none(), null, null,
                transientIndication);
    }

    /** The one notification of an IMDN; null for a message or an aggregate. */
    public ImdnDocument notification() {
        return notifications.size() == 1 && !isAggregate() ? notifications.get(0) : null;
    }

    /** Whether the body carries notifications, one or aggregated, rather than a message. */
    public boolean isNotification() {
        return !notifications.isEmpty();
    }

    /** Whether the body is an aggregate of notifications, however many it holds. */
    public boolean isAggregate() {
        return cpim != null && ImdnMessages.isAggregate(cpim);
    }
}
