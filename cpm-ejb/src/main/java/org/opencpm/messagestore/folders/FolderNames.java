package org.opencpm.messagestore.folders;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One level of a CPM folder name made from untrusted text (an identity, a Conversation-ID, a Contribution-ID):
 * the same text always gives the same name, different texts different names, and every name is safe in any IMAP
 * server's mailbox syntax.
 * <p>
 * Letters, digits and {@code - _ + : @ ; ! ' ,} stay as they are, so {@code tel:+15550100} and UUIDs read as
 * themselves; every other character becomes {@code =XX} per UTF-8 byte: the hierarchy delimiters ({@code .} in
 * James, {@code /} elsewhere), the LIST wildcards {@code % *} (which James also refuses in names), quotes,
 * backslash, {@code &} (the modified UTF-7 shift), {@code #} (namespace prefix), {@code ( ) [ ] { }}, spaces,
 * control characters (CR, LF) and all non-ASCII. A name longer than {@value #MAX_LENGTH} characters keeps its
 * first part and ends with {@code ~} and 16 hex digits of the SHA-256 of the text: {@code ~} is never written
 * otherwise, so a shortened name cannot equal a plain one, and James' 200-character bound on a mailbox's full name
 * holds for the default folder and two levels (see cpm-cms' CmsSettings).
 * <p>
 * {@link #identifierOf} reads a name back, and tells names {@link #of} makes from any other text: a folder name
 * coming from the store or from a client is checked with it before it is used.
 */
public final class FolderNames {

    /** The longest name of one level. */
    public static final int MAX_LENGTH = 80;
    /** Longer input is refused rather than hashed: no identifier the PF records is anywhere near this. */
    public static final int MAX_INPUT_LENGTH = 8192;

    private static final String SAFE_MARKS = "-_+:@;!',";
    private static final char ESCAPE = '=';
    private static final char SHORTENED = '~';
    private static final int HASH_HEX_DIGITS = 16;

    private FolderNames() {
    }

    /**
     * The name of one folder level for {@code text}.
     *
     * @throws IllegalArgumentException for null, empty, longer than {@value #MAX_INPUT_LENGTH} characters, or not
     *                                  valid UTF-16 (a lone surrogate would make two texts one name)
     */
    public static String of(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a folder name needs some text");
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("folder name text longer than " + MAX_INPUT_LENGTH + " characters");
        }
        StringBuilder name = new StringBuilder(Math.min(text.length() * 3, MAX_INPUT_LENGTH));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length()
                        || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw new IllegalArgumentException("folder name text is not valid UTF-16");
                }
                escape(name, text.substring(i, i + 2));
                i++;
            } else if (safe(c)) {
                name.append(c);
            } else {
                escape(name, String.valueOf(c));
            }
        }
        return name.length() <= MAX_LENGTH ? name.toString() : shortened(name, text);
    }

    /**
     * The identifier {@code name} was made of, or empty for a shortened name (its hash cannot be undone).
     *
     * @throws IllegalArgumentException when {@link #of} makes no such name from any text: other characters, an
     *                                  escape of a character that is kept as it is, lower-case hex, bytes that are not
     *                                  UTF-8, a misplaced {@code ~} or a malformed hash
     */
    public static Optional<String> identifierOf(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            throw notAName("empty or longer than " + MAX_LENGTH + " characters");
        }
        int marker = name.indexOf(SHORTENED);
        if (marker < 0) {
            return Optional.of(utf8(unescape(name), false));
        }
        // shortened() keeps 63 characters, or 62 or 61 so as not to cut an escape
        int kept = MAX_LENGTH - 1 - HASH_HEX_DIGITS;
        String hash = name.substring(marker + 1);
        if (marker < kept - 2 || marker > kept || hash.length() != HASH_HEX_DIGITS
                || !hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw notAName("not a shortened name (" + kept + " characters at most, ~, " + HASH_HEX_DIGITS
                    + " lower-case hex digits)");
        }
        utf8(unescape(name.substring(0, marker)), true);
        return Optional.empty();
    }

    /** Whether {@link #of} makes {@code name} from some text (see {@link #identifierOf}). */
    public static boolean isName(String name) {
        try {
            identifierOf(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The bytes of an escaped name: safe characters as they are, {@code =XX} of any other byte, nothing else. */
    private static byte[] unescape(String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (safe(c)) {
                bytes.write(c);
            } else if (c == ESCAPE && i + 2 < name.length() && upperHex(name.charAt(i + 1))
                    && upperHex(name.charAt(i + 2))) {
                int b = HexFormat.fromHexDigits(name, i + 1, i + 3);
                if (b < 0x80 && safe((char) b)) {
                    throw notAName("escapes a character that is written as it is");
                }
                bytes.write(b);
                i += 2;
            } else {
                throw notAName("has a character that is neither kept nor an =XX escape");
            }
        }
        return bytes.toByteArray();
    }

    private static boolean upperHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }

    /**
     * The text of UTF-8 {@code bytes}, refusing malformed ones (encoded surrogates included: {@link #of} refuses lone
     * ones). A shortened name's kept part may end inside a character, which is then left out.
     */
    private static String utf8(byte[] bytes, boolean mayEndInsideACharacter) {
        int length = bytes.length - (mayEndInsideACharacter ? incompleteEnd(bytes) : 0);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notAName("is not UTF-8");
        }
    }

    /** How many of the last bytes start a UTF-8 sequence that the bytes end before completing (0 to 3). */
    private static int incompleteEnd(byte[] bytes) {
        for (int back = 1; back <= Math.min(3, bytes.length); back++) {
            int b = bytes[bytes.length - back] & 0xFF;
            if (b < 0x80) {
                return 0;
            }
            if (b >= 0xC0) {
                // only C2..F4 start a sequence; anything else is left for the decoder to refuse
                int sequence = b < 0xC2 || b > 0xF4 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return back < sequence ? back : 0;
            }
        }
        return 0;
    }

    private static IllegalArgumentException notAName(String why) {
        return new IllegalArgumentException("not a folder name made by FolderNames: " + why);
    }

    private static boolean safe(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SAFE_MARKS.indexOf(c) >= 0;
    }

    private static void escape(StringBuilder name, String character) {
        for (byte b : character.getBytes(StandardCharsets.UTF_8)) {
            name.append(ESCAPE).append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
    }

    /** The first characters (never half an {@code =XX}), {@code ~} and the start of the text's SHA-256. */
    private static String shortened(StringBuilder name, String text) {
        int keep = MAX_LENGTH - 1 - HASH_HEX_DIGITS;
        // an escape is 3 characters: do not cut inside one
        if (name.charAt(keep - 1) == ESCAPE) {
            keep -= 1;
        } else if (name.charAt(keep - 2) == ESCAPE) {
            keep -= 2;
        }
        return name.substring(0, keep) + SHORTENED + HexFormat.of().formatHex(sha256(text)).substring(0, HASH_HEX_DIGITS);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
