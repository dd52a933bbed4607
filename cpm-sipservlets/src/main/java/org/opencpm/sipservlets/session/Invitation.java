package org.opencpm.sipservlets.session;

import java.util.List;
import java.util.Objects;
import org.opencpm.msrp.sdp.SessionDescription;

/**
 * An invitation as it goes from function to function: the offer, what it is for, who sends it and to whom, and the
 * headers that travel end to end (Conversation-ID, Contribution-ID, Subject, Accept-Contact...).
 *
 * @param fromHeader     the From the next hop presents (the sender's, or a group's for copies from the CF)
 * @param senderIdentity the authenticated sender, for P-Asserted-Identity; null for an anonymous one
 * @param target         the address of record invited
 * @param group          the group's address, or the ad-hoc list's, for a session to a group; null for 1-1
 */
public record Invitation(SessionChain chain, SessionDescription offer, ServiceKind kind, String fromHeader,
                         String senderIdentity, String target, List<String> headerLines, String group) {

    public Invitation {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fromHeader, "fromHeader");
        Objects.requireNonNull(target, "target");
        headerLines = List.copyOf(headerLines);
    }

    public Invitation withOffer(SessionDescription newOffer) {
        return new Invitation(chain, newOffer, kind, fromHeader, senderIdentity, target, headerLines, group);
    }

    public Invitation retargeted(String newTarget, String newFromHeader) {
        return new Invitation(chain, offer, kind, newFromHeader, senderIdentity, newTarget, headerLines, group);
    }
}
