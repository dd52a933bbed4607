package org.opencpm.messagestore.folders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
