package org.opencpm.sipservlets.participating;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.sipservlets.session.ServiceKind;
import org.opencpm.sipservlets.session.SessionPolicy;

/** The service provider's size limits on sessions, and the headers that belong to one INVITE hop. Pure. */
final class SessionLimits {

    /** Session-timer and capability headers describe one hop's dialog, not the session end to end. */
    private static final Set<String> SESSION_HOP_HEADERS = Set.of("session-expires", "x", "min-se", "supported",
            "k", "allow", "allow-events", "u", "accept", "accept-encoding", "accept-language");

    private SessionLimits() {
    }

    /**
     * Why the announced size is over the provider's limit, if it is: the file-selector's size for a file (SD
     * 5.2.4, RFC 5547 sec 6), {@code a=max-size} for a large message (SD 5.2.2.1.5).
     */
    static Optional<String> tooLarge(ServiceKind kind, MsrpMedia media, SessionPolicy policy) {
        if (kind == ServiceKind.FILE_TRANSFER) {
            long size = fileSize(media);
            if (size > policy.maxFileBytes()) {
                return Optional.of("file of " + size + " bytes over the limit of " + policy.maxFileBytes());
            }
        } else if (kind == ServiceKind.LARGE_MESSAGE && media.maxSize().isPresent()
                && media.maxSize().getAsLong() > policy.maxLargeMessageBytes()) {
            return Optional.of("large message over the limit of " + policy.maxLargeMessageBytes() + " bytes");
        }
        return Optional.empty();
    }

    /** The size parameter of the file-selector (RFC 5547 sec 6), or -1. */
    static long fileSize(MsrpMedia media) {
        return media.fileSelector().map(f -> f.size().orElse(-1L)).orElse(-1L);
    }

    static List<String> withoutSessionHeaders(List<String> lines) {
        return lines.stream()
                .filter(line -> !SESSION_HOP_HEADERS.contains(
                        line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
