package org.opencpm.preference;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opencpm.user.UserAddress;

/**
 * The canonical form of an address in a preference document, so that the Participating Function can compare a
 * sender with the blacklist or the user's own address by string equality:
 * <ul>
 * <li>{@code sip:} and {@code sips:} URIs become {@code sip:user@host}, host lower-case, without password, port,
 * parameters or headers (as {@link org.opencpm.user.UserAddress} does for our own users; an address is blocked or
 * forwarded to whatever transport reaches it). A user part is required: a bare host names no one.</li>
 * <li>{@code tel:} URIs must be global numbers (RFC 3966 section 5.1.4) and become {@code tel:+digits}, without
 * visual separators or parameters; a local number means nothing without its context.</li>
 * </ul>
 */
public final class CanonicalUri {

    public static final int MAX_LENGTH = 256;

    // RFC 3261 25.1: unreserved, user-unreserved and escaped.
    private static final Pattern USER = Pattern.compile("(?:[A-Za-z0-9\\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+");
    // A DNS name (RFC 1123 labels, optional final dot dropped), which also covers IPv4; or an IPv6 reference.
    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern GLOBAL_NUMBER = Pattern.compile("\\+[0-9\\-.()]*[0-9][0-9\\-.()]*");

    private CanonicalUri() {
    }

    /**
     * The canonical form of {@code uri}.
     *
     * @throws IllegalArgumentException if it is not a usable sip:, sips: or tel: URI; the message says why
     */
    public static String of(String uri) {
        if (uri == null || uri.isEmpty()) {
            throw new IllegalArgumentException("must be a sip:, sips: or tel: URI");
        }
        if (uri.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        int colon = uri.indexOf(':');
        String scheme = colon < 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = uri.substring(colon + 1);
        return switch (scheme) {
            case "sip", "sips" -> sip(rest);
            case "tel" -> tel(rest);
            default -> throw new IllegalArgumentException("must be a sip:, sips: or tel: URI");
        };
    }

    private static String sip(String rest) {
        int at = rest.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("must be of the form sip:user@host");
        }
        String user = rest.substring(0, at);
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("must not contain a password");
        }
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("must have a user part of RFC 3261 characters before the @");
        }
        String host = hostOf(rest.substring(at + 1));
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("must have a host name or IP address after the @");
        }
        return "sip:" + user + '@' + host;
    }

    /** The host of {@code host[:port][;params][?headers]}, lower-case, without port, parameters and headers. */
    private static String hostOf(String hostPart) {
        String hostPort = UserAddress.hostOf(hostPart);
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']') + 1)
                : hostPort.indexOf(':');
        if (portColon < 0) {
            return stripFinalDot(hostPort);
        }
        if (!PORT.matcher(hostPort.substring(portColon + 1)).matches()) {
            throw new IllegalArgumentException("must have a numeric port, if any");
        }
        return stripFinalDot(hostPort.substring(0, portColon));
    }

    private static String stripFinalDot(String host) {
        return host.endsWith(".") && host.length() > 1 ? host.substring(0, host.length() - 1) : host;
    }

    private static String tel(String rest) {
        int semicolon = rest.indexOf(';');
        String number = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (!GLOBAL_NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("must be a global number, tel:+ followed by digits");
        }
        StringBuilder digits = new StringBuilder("tel:+");
        number.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
        return digits.toString();
    }
}
