package org.opencpm.authentication;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an Authorization or Proxy-Authorization header value ({@code Digest username="...", ...}).
 * Parsing is total: anything that is not a well-formed digest credential gives an empty result.
 */
public record DigestResponse(String username, String realm, String nonce, String uri, String response,
                             String algorithm, String qop, String nc, String cnonce, String opaque) {

    private static final int MAX_LENGTH = 4096;

    public static Optional<DigestResponse> parse(String headerValue) {
        if (headerValue == null || headerValue.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String v = headerValue.trim();
        if (!v.regionMatches(true, 0, "Digest ", 0, 7)) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        int i = 7;
        int n = v.length();
        while (i < n) {
            while (i < n && (v.charAt(i) == ' ' || v.charAt(i) == ',' || v.charAt(i) == '\t')) {
                i++;
            }
            int eq = v.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = v.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < n && v.charAt(i) == '"') {
                int close = v.indexOf('"', i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                value = v.substring(i + 1, close);
                i = close + 1;
            } else {
                int comma = v.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                value = v.substring(i, end).trim();
                i = end;
            }
            if (params.put(key, value) != null) {
                return Optional.empty(); // a repeated parameter is malformed (RFC 7616 section 3.4)
            }
        }
        String username = params.get("username");
        String nonce = params.get("nonce");
        String response = params.get("response");
        String uri = params.get("uri");
        if (username == null || nonce == null || response == null || uri == null) {
            return Optional.empty();
        }
        String qop = params.get("qop");
        if (qop != null && (params.get("nc") == null || params.get("cnonce") == null)) {
            return Optional.empty();
        }
        return Optional.of(new DigestResponse(username, params.get("realm"), nonce, uri, response,
                params.getOrDefault("algorithm", "MD5"), qop, params.get("nc"), params.get("cnonce"),
                params.get("opaque")));
    }
}
