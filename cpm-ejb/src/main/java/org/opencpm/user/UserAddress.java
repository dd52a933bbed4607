package org.opencpm.user;

import java.util.Locale;
import java.util.Objects;

/**
 * A user's address of record in canonical form, {@code sip:user@domain}: scheme and host lower-case, no port, no
 * URI parameters or headers. The user part keeps its case, as SIP compares it case-sensitively (RFC 3261 19.1.4).
 * <p>
 * The user part is restricted to ASCII letters, digits and the RFC 3261 marks {@code - _ . ! ~ * ' ( ) +}.
 * RFC 3261 also allows {@code & = $ , ; ? /} and %HH escapes, but escapes make two spellings of one user equal,
 * {@code ; ?} collide with URI parameters and headers in lenient parsers, and {@code /} cannot appear in the
 * admin API's paths; none of them is worth that in a user name.
 */
public final class UserAddress {

    public static final int MAX_LENGTH = 256;
    public static final int MAX_USER_LENGTH = 64;

    private static final String FIELD = "address";
    private static final String SCHEME = "sip:";
    private static final String USER_MARKS = "-_.!~*'()+";

    private final String user;
    private final String domain;

    private UserAddress(String user, String domain) {
        this.user = user;
        this.domain = domain;
    }

    /** The user part, also the digest username. */
    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    /** The canonical {@code sip:user@domain}. */
    public String uri() {
        return SCHEME + user + '@' + domain;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserAddress that && user.equals(that.user) && domain.equals(that.domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, domain);
    }

    @Override
    public String toString() {
        return uri();
    }

    /**
     * Parses an address given for a new account: a {@code sip:} URI in {@code homeDomain} (already canonical).
     *
     * @throws InvalidUserException on field {@code address}, saying what is wrong
     */
    public static UserAddress parse(String address, String homeDomain) {
        if (address == null || address.isEmpty()) {
            throw invalid("is required");
        }
        if (address.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters");
        }
        if (!address.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw invalid("must be a SIP URI of the form sip:user@" + homeDomain);
        }
        int at = address.indexOf('@', SCHEME.length());
        if (at < 0) {
            throw invalid("must be of the form sip:user@" + homeDomain);
        }
        String user = address.substring(SCHEME.length(), at);
        checkUser(user);
        return new UserAddress(user, checkHost(hostOf(address.substring(at + 1)), homeDomain));
    }

    /**
     * Parses an address naming an existing account: as {@link #parse}, and also accepts the scheme-less
     * {@code user@domain}.
     */
    public static UserAddress parseReference(String reference, String homeDomain) {
        if (reference != null && !hasScheme(reference)) {
            return parse(SCHEME + reference, homeDomain);
        }
        return parse(reference, homeDomain);
    }

    private static boolean hasScheme(String reference) {
        int colon = reference.indexOf(':');
        int at = reference.indexOf('@');
        return colon >= 0 && (at < 0 || colon < at);
    }

    private static void checkUser(String user) {
        if (user.isEmpty()) {
            throw invalid("must have a user part before the @");
        }
        if (user.length() > MAX_USER_LENGTH) {
            throw invalid("must have a user part of at most " + MAX_USER_LENGTH + " characters");
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || USER_MARKS.indexOf(c) >= 0;
            if (!allowed) {
                throw invalid("must have a user part of only ASCII letters, digits and - _ . ! ~ * ' ( ) +");
            }
        }
    }

    /**
     * The {@code host[:port]} of what follows the @ of a SIP URI ({@code host[:port][;params][?headers]}), lower-case,
     * with parameters and headers dropped.
     */
    public static String hostOf(String hostPart) {
        int end = hostPart.length();
        for (int i = 0; i < hostPart.length(); i++) {
            char c = hostPart.charAt(i);
            if (c == ';' || c == '?') {
                end = i;
                break;
            }
        }
        return hostPart.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String checkHost(String host, String homeDomain) {
        if (host.equals(homeDomain)) {
            return homeDomain;
        }
        if (host.startsWith(homeDomain + ':')) {
            throw invalid("must not have a port");
        }
        throw invalid("must be in the home domain " + homeDomain);
    }

    private static InvalidUserException invalid(String message) {
        return new InvalidUserException(FIELD, message);
    }
}
