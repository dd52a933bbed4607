package org.opencpm.messagestore.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The start of an object's text from the first octets of its body, for a view of the store: a {@code text/*} body,
 * or the {@code text/*} content inside a {@code message/cpim} (RFC 3862: CPIM headers, a blank line, the MIME
 * headers of the content, a blank line, the content). Only bodies kept as they are (7bit, 8bit, binary, or no
 * {@code Content-Transfer-Encoding}): a base64 or quoted-printable start is not worth decoding for a glance.
 */
final class Excerpts {

    /** The octets of a body read for an excerpt: CPIM headers and a few hundred characters. */
    static final int MAX_OCTETS = 4096;
    /** The longest excerpt. */
    static final int MAX_CHARACTERS = 500;

    private static final Set<String> AS_THEY_ARE = Set.of("7bit", "8bit", "binary");

    private Excerpts() {
    }

    /** Whether an object with these headers can have an excerpt, so its body is worth fetching. */
    static boolean wanted(String contentType, String transferEncoding) {
        ContentType type = parse(contentType);
        return type != null && asTheyAre(transferEncoding)
                && (type.match("text/*") || type.match("message/cpim"));
    }

    /**
     * The excerpt of a body that starts with {@code octets}, or null when the object has no text to show. The first
     * {@value #MAX_OCTETS} octets are looked at; more than these means that the body goes on.
     */
    static StoredItem.Excerpt of(String contentType, String transferEncoding, byte[] octets) {
        ContentType type = parse(contentType);
        if (type == null || !asTheyAre(transferEncoding)) {
            return null;
        }
        int length = Math.min(octets.length, MAX_OCTETS);
        boolean goesOn = octets.length > MAX_OCTETS;
        if (type.match("text/*")) {
            return text(octets, 0, length, charset(type), goesOn);
        }
        if (!type.match("message/cpim")) {
            return null;
        }
        int mimeHeaders = afterBlankLine(octets, 0, length);
        int content = mimeHeaders < 0 ? -1 : afterBlankLine(octets, mimeHeaders, length);
        if (content < 0) {
            return null;
        }
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(octets, mimeHeaders, content - mimeHeaders));
        } catch (MessagingException e) {
            return null;
        }
        ContentType inner = parse(headers.getHeader("Content-Type", null));
        if (inner == null || !inner.match("text/*")
                || !asTheyAre(headers.getHeader("Content-Transfer-Encoding", null))) {
            return null;
        }
        return text(octets, content, length, charset(inner), goesOn);
    }

    private static StoredItem.Excerpt text(byte[] octets, int from, int to, Charset charset, boolean more) {
        String text = new String(octets, from, to - from, charset);
        if (more) {
            // the octets may end inside a character
            text = text.replaceAll("\uFFFD+$", "");
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_CHARACTERS));
        int i = 0;
        for (; i < text.length() && clean.length() < MAX_CHARACTERS; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            clean.append(c == '\n' || c == '\t' || !Character.isISOControl(c) ? c : ' ');
        }
        boolean truncated = more || !text.substring(i).isBlank();
        if (clean.length() > 0 && Character.isHighSurrogate(clean.charAt(clean.length() - 1))) {
            // not half a character
            clean.setLength(clean.length() - 1);
            truncated = true;
        }
        return new StoredItem.Excerpt(truncated ? clean.toString() : clean.toString().stripTrailing(), truncated);
    }

    /** The index after the first empty line at or after {@code from} (CRLF or LF line ends), or -1. */
    private static int afterBlankLine(byte[] octets, int from, int to) {
        boolean lineStart = true;
        for (int i = from; i < to; i++) {
            if (lineStart && octets[i] == '\n') {
                return i + 1;
            }
            if (lineStart && octets[i] == '\r' && i + 1 < to && octets[i + 1] == '\n') {
                return i + 2;
            }
            lineStart = octets[i] == '\n';
        }
        return -1;
    }

    private static Charset charset(ContentType type) {
        String name = type.getParameter("charset");
        if (name != null) {
            try {
                return Charset.forName(name.trim());
            } catch (IllegalArgumentException e) {
                // an unknown or malformed charset: UTF-8 shows ASCII right and marks the rest
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean asTheyAre(String transferEncoding) {
        return transferEncoding == null || AS_THEY_ARE.contains(transferEncoding.trim().toLowerCase(Locale.ROOT));
    }

    private static ContentType parse(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return new ContentType(contentType);
        } catch (ParseException e) {
            return null;
        }
    }
}
