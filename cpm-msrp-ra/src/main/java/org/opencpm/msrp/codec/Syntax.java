package org.opencpm.msrp.codec;

import java.util.Optional;

/** Character classes and small checks of the RFC 4975 sec 9 grammar, shared by the codec classes. */
final class Syntax {

    /** RFC 4975 sec 9: ident = ALPHANUM 3*31ident-char, so 4 to 32 characters in all. */
    static final int IDENT_MIN = 4;
    static final int IDENT_MAX = 32;

    private Syntax() {
    }

    static boolean isAlphanum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpperAlpha(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** RFC 4975 sec 9: transaction ids and Message-IDs. */
    static boolean isIdent(String s) {
        if (s == null || s.length() < IDENT_MIN || s.length() > IDENT_MAX || !isAlphanum(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlphanum(c) && c != '.' && c != '-' && c != '+' && c != '%' && c != '=') {
                return false;
            }
        }
        return true;
    }

    /** RFC 4975 sec 9 token (that of RFC 3261): URI parameters and, after a first ALPHA, header names. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlphanum(c) && "-.!%*_+`'~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4975 sec 9: hname = ALPHA *token. */
    static boolean isHeaderName(String s) {
        return !s.isEmpty() && Character.isLetter(s.charAt(0)) && s.charAt(0) < 128 && isToken(s);
    }

    /** RFC 4975 sec 9: other-method = 1*UPALPHA. */
    static boolean isMethod(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isUpperAlpha(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The constant of {@code type} named {@code value} in any case, as ABNF strings of RFC 4975 sec 9 match. */
    static <E extends Enum<E>> Optional<E> constant(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** utf8text of RFC 4975 sec 9 has no control characters but HTAB; a CR or LF would break the framing. */
    static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
