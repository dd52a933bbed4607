package org.opencpm.msrp.sdp;

import java.util.Locale;
import java.util.Optional;

/** Small checks of RFC 4566 shared by the SDP classes. */
final class Sdp {

    private Sdp() {
    }

    /** Each value must be a non-empty run of visible ASCII (RFC 4566 sec 9 non-ws-string), else the line is bad. */
    static void checkTokens(String line, String... values) {
        for (String v : values) {
            if (v == null || v.isEmpty() || !v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new SdpFormatException("SDP " + line + " line malformed");
            }
        }
    }

    /** Text of a line (RFC 4566 sec 9 text): anything but NUL, CR and LF. */
    static void checkText(String line, String value) {
        if (value.indexOf('\0') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new SdpFormatException("SDP " + line + " line malformed");
        }
    }

    /** The constant of {@code type} named {@code value} in any case: RFC 4145 values are matched so. */
    static <E extends Enum<E>> Optional<E> constant(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code IP6} for an address with a colon, {@code IP4} for the rest (an IPv4 address or a host name). */
    static String addrType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    /** RFC 2045 token: visible ASCII without tspecials. */
    static boolean isMimeToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
