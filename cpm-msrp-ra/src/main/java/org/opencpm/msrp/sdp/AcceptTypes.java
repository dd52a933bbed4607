package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** Whether {@code pattern} ({@code *}, {@code type/*} or a type) covers {@code type}. */
    public static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) {
            return true;
        }
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = type.toLowerCase(Locale.ROOT);
        return p.endsWith("/*") ? t.startsWith(p.substring(0, p.length() - 1)) : p.equals(t);
    }

    /**
     * The types both sides take, in the order of {@code supported}: a concrete supported type the offer covers,
     * and for a supported wildcard the offered entries it covers. An answerer that accepts only these never gets
     * what it cannot pass on, and never promises what the offerer would refuse.
     */
    public static List<String> intersect(List<String> offered, List<String> supported) {
        Set<String> common = new LinkedHashSet<>();
        for (String s : supported) {
            if (s.equals("*") || s.endsWith("/*")) {
                offered.stream().filter(o -> matches(s, o)).forEach(common::add);
            } else if (offered.stream().anyMatch(o -> matches(o, s))) {
                common.add(s);
            }
        }
        return List.copyOf(common);
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
