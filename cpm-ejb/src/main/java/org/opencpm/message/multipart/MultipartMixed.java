package org.opencpm.message.multipart;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code multipart/mixed} framing of RFC 2046 sec 5.1 over bytes: the boundary parameter, the body parts
 * between delimiter lines (preamble and epilogue ignored), and each part's header fields. Lines end in CRLF; a
 * bare LF is tolerated as some clients send it.
 */
public final class MultipartMixed {

    public static final String MEDIA_TYPE = "multipart/mixed";
    // RFC 2046 sec 5.1.1 bcharsnospace; a space is allowed too, though not last
    private static final String BCHARS_PUNCTUATION = "'()+_,-./:=?";
    // RFC 2045 sec 5.1
    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";
    private static final int MAX_BOUNDARY = 70;

    /** One body part: its header fields in order, names as sent, and its content. */
    public record Part(List<String[]> headers, byte[] body) {

        /** The one value of a header field matched case-insensitively, null when absent. */
        public String header(String name) {
            String value = null;
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    if (value != null) {
                        throw new MultipartFormatException("multipart part has more than one " + name);
                    }
                    value = h[1];
                }
            }
            return value;
        }
    }

    private MultipartMixed() {
    }

    /**
     * A header value without its parameters, lower case: the type/subtype of a Content-Type (RFC 2045 sec 5.1),
     * the disposition type of a Content-Disposition, both case-insensitive.
     */
    public static String bareValue(String value) {
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The boundary parameter of a {@code multipart/mixed} Content-Type, quoted or not. */
    public static String boundary(String contentType) {
        if (contentType == null || !MEDIA_TYPE.equals(bareValue(contentType))) {
            throw new MultipartFormatException("Content-Type must be " + MEDIA_TYPE);
        }
        String boundary = null;
        int i = contentType.indexOf(';');
        while (i >= 0 && i < contentType.length()) {
            int eq = contentType.indexOf('=', i);
            if (eq < 0) {
                throw new MultipartFormatException("Content-Type parameters malformed");
            }
            String name = contentType.substring(i + 1, eq).strip();
            if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || TSPECIALS.indexOf(c) >= 0)) {
                throw new MultipartFormatException("Content-Type parameters malformed");
            }
            int start = skipSpace(contentType, eq + 1);
            int end;
            String value;
            if (start < contentType.length() && contentType.charAt(start) == '"') {
                end = contentType.indexOf('"', start + 1);
                if (end < 0) {
                    throw new MultipartFormatException("Content-Type parameters malformed");
                }
                value = contentType.substring(start + 1, end);
                end++;
            } else {
                end = start;
                while (end < contentType.length() && contentType.charAt(end) != ';') {
                    end++;
                }
                value = contentType.substring(start, end).strip();
            }
            if (name.equalsIgnoreCase("boundary")) {
                if (boundary != null) {
                    throw new MultipartFormatException("multipart boundary given twice");
                }
                boundary = value;
            }
            i = skipSpace(contentType, end);
            if (i < contentType.length() && contentType.charAt(i) != ';') {
                throw new MultipartFormatException("Content-Type parameters malformed");
            }
        }
        if (boundary == null) {
            throw new MultipartFormatException("multipart boundary missing");
        }
        checkBoundary(boundary);
        return boundary;
    }

    /** A Content-Type value for {@code boundary}, quoted only when it is not a token. */
    public static String contentType(String boundary) {
        checkBoundary(boundary);
        boolean token = boundary.chars().noneMatch(c -> c == ' ' || TSPECIALS.indexOf(c) >= 0);
        return MEDIA_TYPE + ";boundary=" + (token ? boundary : '"' + boundary + '"');
    }

    public static void checkBoundary(String boundary) {
        boolean ok = !boundary.isEmpty() && boundary.length() <= MAX_BOUNDARY && !boundary.endsWith(" ")
                && boundary.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z') || c == ' ' || BCHARS_PUNCTUATION.indexOf(c) >= 0);
        if (!ok) {
            throw new MultipartFormatException("multipart boundary malformed");
        }
    }

    public static List<Part> parse(byte[] body, String boundary) {
        // ISO-8859-1 maps each byte to one char, so indexes in the text are indexes in the bytes.
        String text = new String(body, ISO_8859_1);
        String dash = "--" + boundary;
        int delimiter = text.startsWith(dash) ? 0 : nextDelimiter(text, dash, 0);
        if (delimiter < 0) {
            throw new MultipartFormatException("multipart has no delimiter line");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int after = delimiter + dash.length();
            if (text.startsWith("--", after)) {
                return parts;
            }
            // RFC 2046 sec 5.1.1 transport-padding: white space a gateway may add after a delimiter
            int start = lineEnd(text, skipSpace(text, after));
            if (start < 0) {
                throw new MultipartFormatException("multipart delimiter line malformed");
            }
            int next = nextDelimiter(text, dash, start);
            if (next < 0) {
                throw new MultipartFormatException("multipart has no close delimiter");
            }
            // The line break before a delimiter belongs to the delimiter (RFC 2046 sec 5.1.1).
            int end = next - 1;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            parts.add(part(text, body, start, Math.max(start, end)));
            delimiter = next;
        }
    }

    /** Index of the next {@code --boundary} at the start of a line at or after {@code from}, or -1. */
    private static int nextDelimiter(String text, String dash, int from) {
        int lf = text.indexOf("\n" + dash, Math.max(0, from - 1));
        return lf < 0 ? -1 : lf + 1;
    }

    private static Part part(String text, byte[] body, int start, int end) {
        List<String[]> headers = new ArrayList<>();
        int line = start;
        while (true) {
            if (line >= end) {
                if (line == start) {
                    return new Part(headers, new byte[0]);
                }
                throw new MultipartFormatException("multipart part headers not ended by a blank line");
            }
            int lf = text.indexOf('\n', line);
            int next = lf < 0 || lf >= end ? end : lf + 1;
            String content = text.substring(line, lf < 0 || lf >= end ? end : lf);
            if (content.endsWith("\r")) {
                content = content.substring(0, content.length() - 1);
            }
            if (content.isEmpty()) {
                return new Part(headers, Arrays.copyOfRange(body, next, end));
            }
            header(headers, content);
            line = next;
        }
    }

    // RFC 5322 sec 2.2: name ":" value, a line starting with white space continues the one before.
    private static void header(List<String[]> headers, String line) {
        if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
            if (headers.isEmpty()) {
                throw new MultipartFormatException("multipart part header malformed");
            }
            String[] last = headers.get(headers.size() - 1);
            last[1] = (last[1] + ' ' + line.strip()).strip();
            return;
        }
        int colon = line.indexOf(':');
        String name = colon < 0 ? "" : line.substring(0, colon).strip();
        if (name.isEmpty() || name.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new MultipartFormatException("multipart part header malformed");
        }
        headers.add(new String[] {name, line.substring(colon + 1).strip()});
    }

    /** The body of {@code parts} between {@code boundary} delimiters; refuses a part that contains the boundary. */
    public static byte[] write(String boundary, List<Part> parts) {
        checkBoundary(boundary);
        String dash = "--" + boundary;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            if (new String(part.body(), ISO_8859_1).contains(dash)) {
                throw new MultipartFormatException("multipart boundary occurs in a part");
            }
            StringBuilder head = new StringBuilder(dash).append("\r\n");
            for (String[] h : part.headers()) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            out.writeBytes(head.append("\r\n").toString().getBytes(ISO_8859_1));
            out.writeBytes(part.body());
            out.writeBytes("\r\n".getBytes(ISO_8859_1));
        }
        out.writeBytes((dash + "--\r\n").getBytes(ISO_8859_1));
        return out.toByteArray();
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The index after the CRLF or LF at {@code at}, or -1 when there is none there. */
    private static int lineEnd(String s, int at) {
        if (s.startsWith("\r\n", at)) {
            return at + 2;
        }
        return s.startsWith("\n", at) ? at + 1 : -1;
    }
}
