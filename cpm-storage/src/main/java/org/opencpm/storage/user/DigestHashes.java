package org.opencpm.storage.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * HA1 = H(username ":" realm ":" password) as lower-case hex, for the MD5 algorithm of RFC 2617 (section 3.2.2.2)
 * and SHA-256 of RFC 7616 (section 3.4.2), which RFC 8760 brings to SIP. The input is encoded in UTF-8, the
 * charset RFC 7616 defines.
 */
public final class DigestHashes {

    private DigestHashes() {
    }

    public static String ha1Md5(String username, String realm, String password) {
        return ha1("MD5", username, realm, password);
    }

    public static String ha1Sha256(String username, String realm, String password) {
        return ha1("SHA-256", username, realm, password);
    }

    /** H(text) of RFC 7616 section 3.4: the lower-case hex digest of the UTF-8 text ("MD5" or "SHA-256"). */
    public static String hex(String algorithm, String text) {
        return HexFormat.of().formatHex(digest(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String ha1(String algorithm, String username, String realm, String password) {
        return hex(algorithm, Objects.requireNonNull(username, "username") + ':'
                + Objects.requireNonNull(realm, "realm") + ':' + Objects.requireNonNull(password, "password"));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide MD5 and SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
