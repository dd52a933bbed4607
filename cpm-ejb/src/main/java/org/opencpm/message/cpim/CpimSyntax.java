package org.opencpm.message.cpim;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lexical rules of RFC 3862 sec 3 (ABNF collected in sec 3.6), over decoded header text. */
final class CpimSyntax {

    // RFC 3339 sec 5.6 date-time; ranges are checked after the match.
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?(?:[Zz]|[+-](\\d{2}):(\\d{2}))");
    // RFC 3986 sec 3.1
    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    // RFC 2045 sec 5.1
    private static final String MIME_TSPECIALS = "()<>@,;:\\\"/[]?=";
    private static final int SHOWN_NAME_LENGTH = 40;

    private CpimSyntax() {
    }

    /** NAMECHAR: printable ASCII less {@code " ( ) , . / : ; < = > ? @ [ \ ] { }}. */
    private static boolean isNameChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2a || c == 0x2b || c == 0x2d
                || (c >= 0x5e && c <= 0x60) || c == 0x7c || c == 0x7e
                || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Name = 1*NAMECHAR. */
    private static boolean isName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Header-name = [ Name-prefix "." ] Name; a second dot fails, as Name has none. */
    static boolean isHeaderName(String s) {
        int dot = s.indexOf('.');
        return dot < 0 ? isName(s) : isName(s.substring(0, dot)) && isName(s.substring(dot + 1));
    }

    /** A MIME content header name: RFC 5322 sec 3.6.8 field-name, printable ASCII but the colon. */
    static boolean isFieldName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** A Content-Type value: type "/" subtype, each an RFC 2045 token; its parameters are not checked. */
    static boolean isMediaType(String value) {
        String type = mediaType(value);
        int slash = type.indexOf('/');
        return slash > 0 && isMimeToken(type.substring(0, slash)) && isMimeToken(type.substring(slash + 1));
    }

    /** The type/subtype of a Content-Type value, parameters dropped, lower-case (RFC 2045 sec 5.1). */
    static String mediaType(String value) {
        int semi = value.indexOf(';');
        return strip(semi < 0 ? value : value.substring(0, semi)).toLowerCase(Locale.ROOT);
    }

    private static boolean isMimeToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || MIME_TSPECIALS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Header parameters {@code *( ";" Param-name "=" Param-value )} starting at {@code from}: the index after the
     * last one, or -1 when one is malformed. Param-value is a Token, a Number (a Token too) or a String.
     */
    static int parametersEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ';') {
            int nameEnd = i + 1;
            while (nameEnd < s.length() && isNameChar(s.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == i + 1 || nameEnd == s.length() || s.charAt(nameEnd) != '=') {
                return -1;
            }
            int valueStart = nameEnd + 1;
            int valueEnd = valueStart < s.length() && s.charAt(valueStart) == '"'
                    ? quotedStringEnd(s, valueStart)
                    : tokenEnd(s, valueStart);
            if (valueEnd <= valueStart) {
                return -1;
            }
            i = valueEnd;
        }
        return i;
    }

    // TOKENCHAR = NAMECHAR / "." / UCS-high
    private static int tokenEnd(String s, int from) {
        int i = from;
        while (i < s.length() && (isNameChar(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) >= 0x80)) {
            i++;
        }
        return i;
    }

    /** String = DQUOTE *( Str-char / Escape ) DQUOTE (escapes: sec 2.3): the index after the closing quote, or -1. */
    private static int quotedStringEnd(String s, int from) {
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** HEADERCHAR excludes the controls; HTAB is let through as whitespace. */
    static boolean hasControlChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Drops leading and trailing SP and HTAB only. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * The URI of a From, To or cc value {@code [ Formal-name ] "<" URI ">"} (RFC 3862 sec 4.1 to 4.3), or null when
     * the value has another form. An unquoted Formal-name may be any text without quotes or angle brackets, wider
     * than the {@code 1*(Token SP)} of the ABNF, as clients put parentheses and commas in display names.
     */
    static String nameAddrUri(String value) {
        int lt;
        if (value.startsWith("\"")) {
            lt = quotedStringEnd(value, 0);
            if (lt < 0) {
                return null;
            }
            while (lt < value.length() && isWhitespace(value.charAt(lt))) {
                lt++;
            }
            if (lt == value.length() || value.charAt(lt) != '<') {
                return null;
            }
        } else {
            lt = value.indexOf('<');
            if (lt < 0 || value.substring(0, lt).indexOf('"') >= 0 || value.substring(0, lt).indexOf('>') >= 0) {
                return null;
            }
        }
        if (!value.endsWith(">") || value.length() - 1 <= lt) {
            return null;
        }
        String uri = value.substring(lt + 1, value.length() - 1);
        return isUri(uri) ? uri : null;
    }

    /** An NS value {@code [ Name-prefix SP ] "<" URI ">"} (RFC 3862 sec 4.6) as prefix to URI, or null. */
    static Map.Entry<String, String> namespace(String value) {
        int lt = value.indexOf('<');
        if (lt < 0 || !value.endsWith(">") || value.length() - 1 <= lt) {
            return null;
        }
        String prefix = strip(value.substring(0, lt));
        String uri = value.substring(lt + 1, value.length() - 1);
        if ((!prefix.isEmpty() && !isName(prefix)) || !isUri(uri)) {
            return null;
        }
        return Map.entry(prefix, uri);
    }

    /** Scheme ":" and more (RFC 3986 sec 3), with nothing in it that would end a header token early. */
    private static boolean isUri(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0 || colon == s.length() - 1 || !URI_SCHEME.matcher(s.substring(0, colon)).matches()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3339 sec 5.6 date-time with real calendar ranges; second 60 is a leap second (sec 5.7). */
    static boolean isDateTime(String s) {
        Matcher m = DATE_TIME.matcher(s);
        if (!m.matches()) {
            return false;
        }
        int month = number(m, 2);
        if (month < 1 || month > 12) {
            return false;
        }
        int day = number(m, 3);
        if (day < 1 || day > YearMonth.of(number(m, 1), month).lengthOfMonth()) {
            return false;
        }
        if (number(m, 4) > 23 || number(m, 5) > 59 || number(m, 6) > 60) {
            return false;
        }
        return m.group(7) == null || (number(m, 7) <= 23 && number(m, 8) <= 59);
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** A validated header name for a reason phrase: printable ASCII already, kept short here. */
    static String shown(String name) {
        return name.length() <= SHOWN_NAME_LENGTH ? name : name.substring(0, SHOWN_NAME_LENGTH) + "...";
    }
}
