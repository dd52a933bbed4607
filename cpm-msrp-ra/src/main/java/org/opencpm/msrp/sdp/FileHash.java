package org.opencpm.msrp.sdp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code hash} selector of {@code a=file-selector} (RFC 5547 sec 6): an algorithm from the IANA Hash Function
 * Textual Names ({@code sha-1} is the one RFC 5547 names) and the file's digest, written as upper-case hex bytes
 * separated by colons.
 */
public final class FileHash {

    /** Digests longer than SHA-512's are refused. */
    public static final int MAX_BYTES = 64;
    static final int MAX_ALGORITHM_LENGTH = 32;
    private static final String ATTRIBUTE = "file-selector";

    private final String algorithm;
    private final byte[] digest;

    private FileHash(String algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /**
     * A hash of {@code algorithm}, e.g. {@code sha-1}, with the file's digest.
     *
     * @throws SdpFormatException if the algorithm is not a token or the digest is empty or too long
     */
    public static FileHash of(String algorithm, byte[] digest) {
        FileSyntax.token(ATTRIBUTE, "hash algorithm", Objects.requireNonNull(algorithm, "algorithm"),
                MAX_ALGORITHM_LENGTH);
        if (digest.length == 0 || digest.length > MAX_BYTES) {
            throw FileSyntax.malformed(ATTRIBUTE, "hash of 1 to " + MAX_BYTES + " bytes expected");
        }
        return new FileHash(algorithm, digest.clone());
    }

    /**
     * Parses {@code algorithm:XX:XX:...}, what follows {@code hash:}.
     *
     * @throws SdpFormatException if it is malformed
     */
    static FileHash parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw FileSyntax.malformed(ATTRIBUTE, "hash without value");
        }
        String hex = value.substring(colon + 1);
        // hash-value = 2HEXDIG *(":" 2HEXDIG)
        if (hex.length() % 3 != 2 || hex.length() > 3 * MAX_BYTES) {
            throw FileSyntax.malformed(ATTRIBUTE, "hash value not colon-separated hex bytes");
        }
        byte[] digest = new byte[(hex.length() + 1) / 3];
        for (int i = 0; i < digest.length; i++) {
            int at = 3 * i;
            if (i > 0 && hex.charAt(at - 1) != ':' || !isHex(hex.charAt(at)) || !isHex(hex.charAt(at + 1))) {
                throw FileSyntax.malformed(ATTRIBUTE, "hash value not colon-separated hex bytes");
            }
            digest[i] = (byte) Integer.parseInt(hex, at, at + 2, 16);
        }
        return of(value.substring(0, colon), digest);
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f';
    }

    public String algorithm() {
        return algorithm;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** Whether this is a hash of {@code name}, compared without case as RFC 5547 tokens are. */
    public boolean isAlgorithm(String name) {
        return algorithm.equalsIgnoreCase(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileHash h && algorithm.toLowerCase(Locale.ROOT).equals(h.algorithm.toLowerCase(
                Locale.ROOT)) && Arrays.equals(digest, h.digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.toLowerCase(Locale.ROOT).hashCode() + Arrays.hashCode(digest);
    }

    /** As written after {@code hash:}: {@code sha-1:72:24:5F:...}. */
    @Override
    public String toString() {
        return algorithm + ':' + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
