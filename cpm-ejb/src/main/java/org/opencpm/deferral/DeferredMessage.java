package org.opencpm.deferral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A standalone message (or disposition notification) waiting in a user's deferred queue, with everything needed
 * to deliver it later exactly as it arrived.
 *
 * @param id                 queue identity; null for a message not stored yet
 * @param recipient          user name of the recipient in the home domain
 * @param fromHeader         the SIP From value to deliver with (name-addr, no tag)
 * @param senderIdentity     the sender's authenticated address for P-Asserted-Identity, null when anonymous
 * @param headerLines        end-to-end SIP headers to reproduce, as {@code Name: value}, in order
 * @param contentType        SIP Content-Type of the body
 * @param body               the body, unchanged
 * @param notification       true for a disposition notification (RFC 5438), false for a message
 * @param imdnMessageId      the CPIM {@code imdn.Message-ID}, or null
 * @param dispositionRequest the CPIM {@code imdn.Disposition-Notification} value, or null
 * @param subject            subject for listings and in-band notifications, or null
 * @param deferredAt         when it was queued
 * @param expiresAt          when it expires undelivered (service provider policy)
 */
public record DeferredMessage(UUID id, String recipient, String fromHeader, String senderIdentity,
                              List<String> headerLines, String contentType, byte[] body, boolean notification,
                              String imdnMessageId, String dispositionRequest, String subject, Instant deferredAt,
                              Instant expiresAt) {

    public DeferredMessage {
        headerLines = headerLines == null ? List.of() : List.copyOf(headerLines);
        body = body == null ? new byte[0] : body;
    }

    public DeferredMessage withId(UUID newId) {
        return new DeferredMessage(newId, recipient, fromHeader, senderIdentity, headerLines, contentType, body,
                notification, imdnMessageId, dispositionRequest, subject, deferredAt, expiresAt);
    }
}
