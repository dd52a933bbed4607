package org.opencpm.rest.preference;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAddress;

/**
 * The user-id and password of an {@code Authorization: Basic} header (RFC 7617), read as UTF-8. The user-id names a
 * user of the home domain as {@code alice}, {@code alice@domain} or {@code sip:alice@domain}; since a user-id
 * cannot hold a colon, a leading {@code sip:} is taken as that scheme, not as a user named "sip".
 */
record BasicCredentials(String userId, String password) {

    private static final String SCHEME = "Basic ";
    private static final String SIP = "sip:";

    static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int from = decoded.toLowerCase(Locale.ROOT).startsWith(SIP) ? SIP.length() : 0;
        int colon = decoded.indexOf(':', from);
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** The user part of the home domain's user the user-id names, if it names one. */
    Optional<String> username(String homeDomain) {
        boolean bare = userId.indexOf('@') < 0 && !userId.toLowerCase(Locale.ROOT).startsWith(SIP);
        try {
            return Optional.of(UserAddress.parseReference(bare ? userId + '@' + homeDomain : userId, homeDomain)
                    .user());
        } catch (InvalidUserException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[userId=" + userId + "]";
    }
}
