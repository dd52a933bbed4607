package org.opencpm.msrp.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code type} selector of {@code a=file-selector} (RFC 5547 sec 6): the file's media type, with parameters
 * written {@code ;name="value"}, the value quoted and percent-encoded as a file name is, with no white space.
 *
 * @param type the top-level type, e.g. {@code image}
 * @param subtype e.g. {@code jpeg}
 * @param parameters in order, values decoded
 */
public record FileType(String type, String subtype, Map<String, String> parameters) {

    public static final int MAX_PARAMETERS = 8;
    static final int MAX_VALUE_LENGTH = 256;
    private static final String ATTRIBUTE = "file-selector";

    /** @throws SdpFormatException if a name is not an RFC 2045 token or a bound is broken */
    public FileType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
        if (!Sdp.isMimeToken(type) || !Sdp.isMimeToken(subtype)) {
            throw FileSyntax.malformed(ATTRIBUTE, "type not a media type");
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw FileSyntax.malformed(ATTRIBUTE, "type with more than " + MAX_PARAMETERS + " parameters");
        }
        parameters.forEach((name, value) -> {
            if (!Sdp.isMimeToken(name) || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
                throw FileSyntax.malformed(ATTRIBUTE, "type parameter malformed");
            }
        });
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * A type from {@code type/subtype}, with parameters if any written as in the selector.
     *
     * @throws SdpFormatException if it is malformed
     */
    public static FileType of(String mediaType) {
        return parse(mediaType);
    }

    /** Parses what follows {@code type:}. */
    static FileType parse(String value) {
        int semicolon = value.indexOf(';');
        String media = semicolon < 0 ? value : value.substring(0, semicolon);
        int slash = media.indexOf('/');
        if (slash < 0) {
            throw FileSyntax.malformed(ATTRIBUTE, "type not a media type");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        int at = semicolon;
        while (at >= 0) {
            int eq = value.indexOf('=', at);
            if (eq < 0) {
                throw FileSyntax.malformed(ATTRIBUTE, "type parameter malformed");
            }
            String name = value.substring(at + 1, eq);
            String raw = FileSyntax.quotedAfter(ATTRIBUTE, value, eq + 1, "type parameter value");
            if (parameters.put(name, FileSyntax.decodeFilename(ATTRIBUTE, raw)) != null) {
                throw FileSyntax.malformed(ATTRIBUTE, "type parameter " + name + " given twice");
            }
            // Past the closing quote.
            at = eq + raw.length() + 3;
            if (at == value.length()) {
                break;
            }
            if (value.charAt(at) != ';') {
                throw FileSyntax.malformed(ATTRIBUTE, "type parameter malformed");
            }
        }
        return new FileType(media.substring(0, slash), media.substring(slash + 1), parameters);
    }

    /** {@code type/subtype}, without parameters. */
    public String mediaType() {
        return type + '/' + subtype;
    }

    /** Whether the media types are the same, compared without case (RFC 2045 sec 5.1); parameters aside. */
    public boolean isMediaType(String mediaType) {
        return mediaType().toLowerCase(Locale.ROOT).equals(mediaType.toLowerCase(Locale.ROOT));
    }

    /** As written after {@code type:}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(mediaType());
        parameters.forEach((name, value) -> b.append(';').append(name).append("=\"")
                .append(FileSyntax.encodeFilename(value)).append('"'));
        return b.toString();
    }
}
