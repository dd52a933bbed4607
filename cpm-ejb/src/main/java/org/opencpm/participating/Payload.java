package org.opencpm.participating;

import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.DispositionRequest;
import org.opencpm.message.imdn.ImdnDocument;

/**
 * What the PF reads from a standalone message's body.
 *
 * @param cpim          the CPIM wrapper, or null for a bare body
 * @param payloadType   the MIME type of the content the user gets (no parameters, lower case)
 * @param notification  the disposition notification carried, or null for a message
 * @param imdnMessageId the CPIM {@code imdn.Message-ID}, or null
 * @param disposition   the notifications the sender asked for ({@link DispositionRequest#none()} when none)
 * @param dateTime      the CPIM DateTime, or null
 * @param subject       the CPIM Subject, or null
 * @param transientIndication an indication that is worthless later (isComposing, RFC 3994): never deferred
 */
public record Payload(CpimMessage cpim, String payloadType, ImdnDocument notification, String imdnMessageId,
                      DispositionRequest disposition, String dateTime, String subject, boolean transientIndication) {

    /** A body that is the content itself, not wrapped in CPIM: nothing to read from it but its type. */
    public static Payload bare(String payloadType, boolean transientIndication) {
        return new Payload(null, payloadType, null, null, DispositionRequest.none(), null, null, transientIndication);
    }

    public boolean isNotification() {
        return notification != null;
    }
}
