package org.opencpm.sipservlets.participating;

import java.util.Locale;
import java.util.Set;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipFactory;
import org.opencpm.sip.api.SipServletRequest;

/** Builds the MESSAGE a device gets, the same whether the message arrives now or comes out of the queue. */
final class DeliveryRequests {

    /** The CPM pager-mode service, asserted towards the device (RFC 6050; protocol-facts 1). */
    static final String CPM_MSG_SERVICE = "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.msg";

    /**
     * Headers that belong to one hop or that the PF sets itself; everything else travels end to end
     * (Conversation-ID, Contribution-ID, InReplyTo-Contribution-ID, Reply-To, Subject, Accept-Contact, ...).
     */
    static final Set<String> HOP_BY_HOP = Set.of("via", "v", "route", "record-route", "max-forwards", "call-id", "i",
            "cseq", "from", "f", "to", "t", "contact", "m", "content-length", "l", "content-type", "c",
            "authorization", "proxy-authorization", "proxy-require", "p-preferred-identity", "p-asserted-identity",
            "p-preferred-service", "p-asserted-service", "p-served-user",
            // The option tags this hop needed (e.g. recipient-list-message, RFC 5365): not the device's concern.
            "require");

    private DeliveryRequests() {
    }

    static boolean endToEnd(String headerName) {
        return !HOP_BY_HOP.contains(headerName.toLowerCase(Locale.ROOT));
    }

    static SipServletRequest create(SipFactory factory, SipApplicationSession app, StandaloneMessage message,
                                    String target) {
        SipServletRequest request = factory.createRequest(app, "MESSAGE", factory.createAddress(message.fromHeader()),
                factory.createAddress("<" + message.recipientAddress() + ">"));
        request.setRequestURI(factory.createURI(target));
        for (String line : message.headerLines()) {
            int colon = line.indexOf(':');
            request.addHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        if (message.senderIdentity() != null) {
            // RFC 3325: the identity the PF authenticated; left out for anonymous senders (RFC 3323 section 4.1).
            request.setHeader("P-Asserted-Identity", "<" + message.senderIdentity() + ">");
        }
        request.setHeader("P-Asserted-Service", CPM_MSG_SERVICE);
        request.setContent(message.body(), message.contentType());
        return request;
    }
}
