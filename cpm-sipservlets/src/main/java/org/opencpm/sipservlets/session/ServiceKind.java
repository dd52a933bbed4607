package org.opencpm.sipservlets.session;

import java.util.Locale;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.MsrpMedia;

/** What an MSRP session is for, read from the invitation's service tags and media (protocol-facts 1). */
public enum ServiceKind {
    /** A 1-1 CPM session (OMA CPM SD 5.2.3.1). */
    CHAT("urn:urn-7:3gpp-service.ims.icsi.oma.cpm.session"),
    /** A standalone message over 1300 bytes (SD 5.2.2.1.5). */
    LARGE_MESSAGE("urn:urn-7:3gpp-service.ims.icsi.oma.cpm.largemsg"),
    /** A file transfer (SD 5.2.4, RFC 5547). */
    FILE_TRANSFER("urn:urn-7:3gpp-service.ims.icsi.oma.cpm.filetransfer");

    private final String icsi;

    ServiceKind(String icsi) {
        this.icsi = icsi;
    }

    /** The ICSI, plain as in P-Asserted-Service (RFC 6050). */
    public String icsi() {
        return icsi;
    }

    /**
     * The kind of an invitation: a file-selector makes a file transfer (RFC 5547 sec 6); the large-message ICSI in
     * the service headers or feature tags, or a send-only stream without one, a large message; anything else a chat.
     *
     * @param serviceText the Accept-Contact, P-Preferred-Service and P-Asserted-Service values, in any form
     */
    public static ServiceKind of(String serviceText, MsrpMedia media, Direction direction) {
        String text = serviceText == null ? "" : serviceText.toLowerCase(Locale.ROOT).replace("%3a", ":");
        if (media.fileSelector().isPresent() || text.contains(FILE_TRANSFER.icsi)) {
            return FILE_TRANSFER;
        }
        if (text.contains(LARGE_MESSAGE.icsi) || text.contains("+g.oma.sip-im.large-message")) {
            return LARGE_MESSAGE;
        }
        if (text.contains(CHAT.icsi) || direction == Direction.SENDRECV) {
            return CHAT;
        }
        return LARGE_MESSAGE;
    }
}
