package org.opencpm.storage.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * HA1 against the worked examples of the RFCs. RFC 2617 prints HA1 itself; RFC 7616 prints only the final
 * response, so HA1 is checked by completing the qop=auth computation from it.
 */
class DigestHashesTest {

    @Test
    void rfc2617Md5Ha1() {
        String ha1 = DigestHashes.ha1Md5("Mufasa", "testrealm@host.com", "Circle Of Life");

        assertEquals("939e7578ed9e3c518a452acee763bce9", ha1);
        assertEquals("6629fae49393a05397450978507c4ef1", response("MD5", ha1, "GET", "/dir/index.html",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b"));
    }

    @Test
    void rfc7616Md5Ha1() {
        String ha1 = DigestHashes.ha1Md5("Mufasa", "http-auth@example.org", "Circle of Life");

        assertEquals("8ca523f5e9506fed4657c9700eebdbec", response("MD5", ha1, "GET", "/dir/index.html",
                RFC7616_NONCE, "00000001", RFC7616_CNONCE));
    }

    @Test
    void rfc7616Sha256Ha1() {
        String ha1 = DigestHashes.ha1Sha256("Mufasa", "http-auth@example.org", "Circle of Life");

        assertEquals(64, ha1.length());
        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                response("SHA-256", ha1, "GET", "/dir/index.html", RFC7616_NONCE, "00000001", RFC7616_CNONCE));
    }

    @Test
    void nonAsciiPasswordIsHashedAsUtf8() {
        assertEquals(hex("MD5", "bob:opencpm.test:pässwörd"), DigestHashes.ha1Md5("bob", "opencpm.test", "pässwörd"));
    }

    private static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    /** KD(HA1, nonce:nc:cnonce:qop:H(method:uri)) with qop=auth. */
    private static String response(String algorithm, String ha1, String method, String uri, String nonce, String nc,
            String cnonce) {
        String ha2 = hex(algorithm, method + ':' + uri);
        return hex(algorithm, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ":auth:" + ha2);
    }

    private static String hex(String algorithm, String input) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
