package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The format lists of {@code a=accept-types} and {@code a=accept-wrapped-types} (RFC 4975 sec 8.6): media types
 * {@code type/subtype}, with {@code type/*} and {@code *} as wildcards, compared case-insensitively.
 */
public final class AcceptTypes {

    private AcceptTypes() {
    }

    /**
     * Parses a space-separated format list.
     *
     * @throws SdpFormatException if an entry is not a media type or wildcard
     */
    static List<String> parse(String attribute, String value) {
        List<String> types = new ArrayList<>();
        for (String entry : value.trim().split(" +")) {
            if (!isEntry(entry)) {
                throw new SdpFormatException("SDP a=" + attribute + " malformed");
            }
            types.add(entry);
        }
        return List.copyOf(types);
    }

    /** Checks a list given by local code as {@link #parse} would. */
    static List<String> checked(String attribute, List<String> types) {
        for (String t : types) {
            if (!isEntry(t)) {
                throw new SdpFormatException("SDP a=" + attribute + " malformed");
            }
        }
        return List.copyOf(types);
    }

    /** RFC 4975 sec 8.6: format-entry = "*" / type "/" subtype / type "/" "*". */
    private static boolean isEntry(String entry) {
        if (entry.equals("*")) {
            return true;
        }
        int slash = entry.indexOf('/');
        String type = slash < 0 ? "" : entry.substring(0, slash);
        return !type.equals("*") && Sdp.isMimeToken(type)
                && (entry.endsWith("/*") && slash == entry.length() - 2
                        || Sdp.isMimeToken(entry.substring(slash + 1)));
    }
}
