package org.opencpm.rest.deferral;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;

/**
 * A message body as JSON can carry it: as text when the content type is textual ({@code text/*},
 * {@code message/cpim}, {@code *+xml}) and the bytes decode in its charset (UTF-8 unless the type names another),
 * else base64.
 *
 * @param text   the body as text, or base64
 * @param base64 whether {@code text} is base64
 */
record BodyText(String text, boolean base64) {

    static BodyText of(String contentType, byte[] body) {
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean textual = mediaType.startsWith("text/") || mediaType.equals("message/cpim")
                || mediaType.endsWith("+xml");
        Charset charset = textual ? charset(parts) : null;
        if (charset != null) {
            try {
                return new BodyText(charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body)).toString(), false);
            } catch (CharacterCodingException e) {
                // not text after all: shown as it is, in base64
            }
        }
        return new BodyText(Base64.getEncoder().encodeToString(body), true);
    }

    /** The charset parameter's charset, UTF-8 without one, null for one this JVM does not know. */
    private static Charset charset(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("charset")) {
                String name = parameter.substring(equals + 1).trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
