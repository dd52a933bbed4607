package org.opencpm.message.resourcelists;

import java.util.Locale;
import java.util.Objects;
import org.opencpm.message.SafeXml;

/**
 * One {@code <entry>} of a resource list: the recipient's URI, its optional {@code <display-name>} (null when
 * absent) and its RFC 5364 copy control. Only {@code sip:}, {@code sips:} and {@code tel:} URIs are recipients a
 * MESSAGE URI-list service can send to, so the constructor admits no others.
 */
public record ResourceEntry(String uri, String displayName, CopyControl copyControl) {

    public ResourceEntry {
        if (uri == null || uri.isBlank()) {
            throw new ResourceListFormatException("resource list entry uri missing");
        }
        if (!hasRecipientScheme(uri)) {
            throw new ResourceListFormatException("resource list entry uri must be sip, sips or tel");
        }
        // A URI is printable ASCII (RFC 3986 sec 2); a space or control would also break the Request-URI it becomes.
        if (uri.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new ResourceListFormatException("resource list entry uri not printable ASCII");
        }
        if (displayName != null && !SafeXml.canCarry(displayName)) {
            throw new ResourceListFormatException("resource list display-name has a character XML cannot carry");
        }
        Objects.requireNonNull(copyControl, "copyControl");
    }

    /** A {@link CopyControl#TO} recipient without a display name. */
    public ResourceEntry(String uri) {
        this(uri, null, CopyControl.TO);
    }

    // Schemes are case-insensitive (RFC 3986 sec 3.1); something must follow the colon.
    private static boolean hasRecipientScheme(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 0 || colon == uri.length() - 1) {
            return false;
        }
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("sip") || scheme.equals("sips") || scheme.equals("tel");
    }
}
