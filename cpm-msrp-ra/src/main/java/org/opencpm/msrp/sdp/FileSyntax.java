package org.opencpm.msrp.sdp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The lexical pieces of the RFC 5547 sec 6 attributes, shared by their codecs. */
final class FileSyntax {

    /** Eighteen digits always fit a long; more is refused rather than overflowed. */
    private static final int MAX_DIGITS = 18;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FileSyntax() {
    }

    static SdpFormatException malformed(String attribute, String detail) {
        return new SdpFormatException("SDP a=" + attribute + " malformed: " + detail);
    }

    /**
     * An RFC 4566 integer ({@code POS-DIGIT *DIGIT}), or zero when {@code zero} allows it (an empty file's size).
     *
     * @throws SdpFormatException naming {@code what}
     */
    static long integer(String attribute, String what, String value, boolean zero) {
        boolean digits = !value.isEmpty() && value.length() <= MAX_DIGITS
                && value.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits || value.charAt(0) == '0' && !(zero && value.equals("0"))) {
            throw malformed(attribute, what + (zero ? " not a number" : " not a positive number"));
        }
        return Long.parseLong(value);
    }

    /** RFC 4566 sec 9 token: visible ASCII other than the separators it leaves out. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean tokenChar = c == 0x21 || c >= 0x23 && c <= 0x27 || c == 0x2A || c == 0x2B || c == 0x2D
                    || c == 0x2E || c >= 0x30 && c <= 0x39 || c >= 0x41 && c <= 0x5A || c >= 0x5E && c <= 0x7E;
            if (!tokenChar) {
                return false;
            }
        }
        return true;
    }

    /** A token of at most {@code max} characters. */
    static String token(String attribute, String what, String value, int max) {
        if (value.length() > max || !isToken(value)) {
            throw malformed(attribute, what + " not a token of at most " + max + " characters");
        }
        return value;
    }

    /**
     * The text of a {@code filename-string} (RFC 5547 sec 6): UTF-8, with the bytes it may not hold literally
     * ({@code %}, {@code "}, NUL, CR, LF) percent-encoded.
     */
    static String decodeFilename(String attribute, String encoded) {
        if (encoded.isEmpty()) {
            throw malformed(attribute, "empty quoted string");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (lo < 0 || encoded.charAt(i + 1) > 0x7f || encoded.charAt(i + 2) > 0x7f) {
                    throw malformed(attribute, "bad percent-encoding");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '"' || c == '\0' || c == '\r' || c == '\n') {
                throw malformed(attribute, "unencoded character in quoted string");
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < encoded.length() ? i + 2 : i + 1;
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(attribute, "quoted string not UTF-8");
        }
    }

    /** {@code text} as a {@code filename-string}: the inverse of {@link #decodeFilename}. */
    static String encodeFilename(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '"' || c == '\0' || c == '\r' || c == '\n') {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The text between the quote at {@code from} and the next one, which closes it: a filename-string or date holds
     * no literal quote. The closing quote is at {@code from + 1 + length}.
     */
    static String quotedAfter(String attribute, String value, int from, String what) {
        if (from >= value.length() || value.charAt(from) != '"') {
            throw malformed(attribute, what + " not quoted");
        }
        int close = value.indexOf('"', from + 1);
        if (close < 0) {
            throw malformed(attribute, "quoted string not closed");
        }
        return value.substring(from + 1, close);
    }
}
