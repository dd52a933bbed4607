package org.opencpm.participating;

import java.util.List;
import org.opencpm.deferral.DeferredMessage;

/**
 * A pager-mode standalone message (or disposition notification) on its way to one recipient of the home domain,
 * as the terminating PF handles it, whether it just arrived or comes out of the deferred queue.
 *
 * @param recipient        user name of the recipient
 * @param recipientAddress the recipient's address of record
 * @param fromHeader       the From to deliver with (name-addr, no tag)
 * @param senderIdentity   the sender's authenticated address; null when the sender is anonymous to the recipient
 * @param anonymous        the sender asked not to be disclosed (RFC 3323)
 * @param blacklistKey     the identity the recipient's blacklist is checked against (the authenticated sender,
 *                         also when anonymous); null for messages the server generates
 * @param headerLines      end-to-end SIP headers to reproduce, {@code Name: value}
 * @param contentType      the SIP Content-Type
 * @param body             the body, unchanged end to end
 * @param payload          what was read from the body
 */
public record StandaloneMessage(String recipient, String recipientAddress, String fromHeader, String senderIdentity,
                                boolean anonymous, String blacklistKey, List<String> headerLines,
                                String contentType, byte[] body, Payload payload) {

    public StandaloneMessage {
        headerLines = List.copyOf(headerLines);
    }

    public MessageFacts facts() {
        return new MessageFacts(blacklistKey, anonymous, payload.isNotification(), payload.payloadType(), body.length);
    }

    /** The same message for another recipient (forwarding). */
    public StandaloneMessage retargeted(String newRecipient, String newAddress) {
        return new StandaloneMessage(newRecipient, newAddress, fromHeader, senderIdentity, anonymous, blacklistKey,
                headerLines, contentType, body, payload);
    }

    /** What goes into the deferred queue: enough to deliver it later as it arrived. */
    public DeferredMessage toDeferred() {
        return new DeferredMessage(null, recipient, fromHeader, anonymous ? null : senderIdentity, headerLines,
                contentType, body, payload.isNotification(), payload.imdnMessageId(),
                payload.disposition().any() ? payload.disposition().toHeaderValue() : null, payload.subject(), null,
                null);
    }

    /** A message out of the deferred queue; its body was checked when it was queued. */
    public static StandaloneMessage fromDeferred(DeferredMessage d, String recipientAddress) {
        // A file kept for the user (SD 5.2.4.5) is queued with a descriptor no client can send.
        Payload payload = KeptFileTransfer.isKeptFile(d.contentType()) ? Payload.bare(KeptFileTransfer.MEDIA_TYPE, false)
                : PayloadInspector.inspect(d.contentType(), d.body());
        return new StandaloneMessage(d.recipient(), recipientAddress, d.fromHeader(), d.senderIdentity(),
                d.senderIdentity() == null, d.senderIdentity(), d.headerLines(), d.contentType(), d.body(), payload);
    }
}
