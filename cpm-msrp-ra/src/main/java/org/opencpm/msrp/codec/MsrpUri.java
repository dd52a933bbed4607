package org.opencpm.msrp.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An MSRP URI (RFC 4975 sec 6): {@code msrp://host:port/session-id;tcp} or {@code msrps://...}, with optional
 * userinfo, session-id and URI parameters. The text is kept as received so that a path goes on unchanged; equality
 * follows sec 6.1: scheme and host case-insensitive, userinfo ignored, port exact (present versus absent is a
 * difference), session-id case-sensitive, transport case-insensitive. Other URI parameters do not count.
 */
public final class MsrpUri {

    public static final String MSRP = "msrp";
    public static final String MSRPS = "msrps";
    public static final String TCP = "tcp";
    /** The port IANA registered for MSRP, used when a URI has none (RFC 4975 sec 6.2). */
    public static final int DEFAULT_PORT = 2855;
    /** Longest URI accepted; it bounds the work one path entry can cause. */
    public static final int MAX_LENGTH = 1024;

    private final String text;
    private final boolean secure;
    private final String userinfo;
    private final String host;
    private final int port;
    private final String sessionId;
    private final String transport;
    private final List<String> parameters;

    private MsrpUri(String text, boolean secure, String userinfo, String host, int port, String sessionId,
            String transport, List<String> parameters) {
        this.text = text;
        this.secure = secure;
        this.userinfo = userinfo;
        this.host = host;
        this.port = port;
        this.sessionId = sessionId;
        this.transport = transport;
        this.parameters = List.copyOf(parameters);
    }

    /**
     * Parses an MSRP URI.
     *
     * @throws MsrpProtocolException (400) saying in one line what is wrong
     */
    public static MsrpUri parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_LENGTH) {
            throw MsrpProtocolException.badRequest("MSRP URI too long");
        }
        int sep = text.indexOf("://");
        if (sep < 0) {
            throw malformed("scheme");
        }
        String scheme = text.substring(0, sep);
        boolean secure;
        if (scheme.equalsIgnoreCase(MSRP)) {
            secure = false;
        } else if (scheme.equalsIgnoreCase(MSRPS)) {
            secure = true;
        } else {
            throw malformed("scheme");
        }
        int from = sep + 3;
        int authorityEnd = from;
        while (authorityEnd < text.length() && text.charAt(authorityEnd) != '/' && text.charAt(authorityEnd) != ';') {
            authorityEnd++;
        }
        String authority = text.substring(from, authorityEnd);
        int at = authority.lastIndexOf('@');
        String userinfo = at < 0 ? null : authority.substring(0, at);
        if (userinfo != null && !isUserinfo(userinfo)) {
            throw malformed("userinfo");
        }
        String hostPort = authority.substring(at + 1);
        int portSep = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.indexOf(':');
        String host = portSep < 0 ? hostPort : hostPort.substring(0, portSep);
        if (!isHost(host)) {
            throw malformed("host");
        }
        int port = portSep < 0 ? -1 : port(hostPort.substring(portSep + 1));

        int pos = authorityEnd;
        String sessionId = null;
        if (pos < text.length() && text.charAt(pos) == '/') {
            int end = text.indexOf(';', pos);
            sessionId = text.substring(pos + 1, end < 0 ? text.length() : end);
            if (!isSessionId(sessionId)) {
                throw malformed("session-id");
            }
            pos = end < 0 ? text.length() : end;
        }
        // RFC 4975 sec 6: the transport parameter is required and comes first.
        if (pos >= text.length()) {
            throw malformed("transport");
        }
        String[] params = text.substring(pos + 1).split(";", -1);
        String transport = params[0];
        if (transport.isEmpty() || !transport.chars().allMatch(c -> Syntax.isAlphanum((char) c))) {
            throw malformed("transport");
        }
        List<String> parameters = new ArrayList<>();
        for (int i = 1; i < params.length; i++) {
            if (!isParameter(params[i])) {
                throw malformed("parameter");
            }
            parameters.add(params[i]);
        }
        return new MsrpUri(text, secure, userinfo, host, port, sessionId, transport, parameters);
    }

    /**
     * The URI of a local endpoint: {@code msrp[s]://host:port/sessionId;tcp}. An IPv6 address may be given with or
     * without its brackets.
     *
     * @throws MsrpProtocolException if a part breaks the RFC 4975 sec 6 syntax
     */
    public static MsrpUri of(boolean secure, String host, int port, String sessionId) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? '[' + host + ']' : host;
        return parse((secure ? MSRPS : MSRP) + "://" + h + ':' + port + '/' + sessionId + ';' + TCP);
    }

    /** {@code msrps}: the connection runs over TLS. */
    public boolean secure() {
        return secure;
    }

    public Optional<String> userinfo() {
        return Optional.ofNullable(userinfo);
    }

    /** The host as written; an IPv6 address keeps its brackets. */
    public String host() {
        return host;
    }

    /** The explicit port, or -1 if the URI has none. */
    public int port() {
        return port;
    }

    /** The explicit port, or the MSRP default of RFC 4975 sec 6.2. */
    public int effectivePort() {
        return port < 0 ? DEFAULT_PORT : port;
    }

    /** The session-id; relays' URIs (RFC 4976) may have none. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    public String transport() {
        return transport;
    }

    /** Whether the transport is TCP, the only one RFC 4975 defines. */
    public boolean isTcp() {
        return TCP.equalsIgnoreCase(transport);
    }

    /** The URI parameters after the transport, as written ({@code name} or {@code name=value}). */
    public List<String> parameters() {
        return parameters;
    }

    /** The URI as it was parsed. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MsrpUri)) {
            return false;
        }
        MsrpUri u = (MsrpUri) o;
        return secure == u.secure && port == u.port && normalHost().equals(u.normalHost())
                && Objects.equals(sessionId, u.sessionId) && transport.equalsIgnoreCase(u.transport);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secure, port, normalHost(), sessionId, transport.toLowerCase(Locale.ROOT));
    }

    /** RFC 4975 sec 6.1: percent-encoded unreserved characters are decoded before comparing, case is ignored. */
    private String normalHost() {
        StringBuilder b = new StringBuilder(host.length());
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%' && i + 2 < host.length()) {
                char d = (char) Integer.parseInt(host.substring(i + 1, i + 3), 16);
                if (isUnreserved(d)) {
                    b.append(d);
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static MsrpProtocolException malformed(String part) {
        return MsrpProtocolException.badRequest("MSRP URI " + part + " malformed");
    }

    private static int port(String digits) {
        if (!Syntax.isDigits(digits, 1, 5) || Integer.parseInt(digits) > 65535) {
            throw malformed("port");
        }
        return Integer.parseInt(digits);
    }

    /** RFC 3986 sec 2.3. */
    private static boolean isUnreserved(char c) {
        return Syntax.isAlphanum(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** RFC 3986 sec 2.2, without ';' which ends the authority of an MSRP URI. */
    private static boolean isSubDelim(char c) {
        return "!$&'()*+,=".indexOf(c) >= 0;
    }

    /** Unreserved, sub-delims and percent-encoded octets, plus whatever else {@code extra} allows. */
    private static boolean isEncodedText(String s, String extra) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && !isSubDelim(c) && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUserinfo(String s) {
        return isEncodedText(s, ":");
    }

    /** RFC 3986 sec 3.2.2: a bracketed IPv6 literal, or a reg-name (which covers IPv4); never empty here. */
    private static boolean isHost(String s) {
        if (s.startsWith("[")) {
            return s.length() > 2 && s.endsWith("]")
                    && s.substring(1, s.length() - 1).chars().allMatch(c -> Character.digit(c, 16) >= 0
                            || c == ':' || c == '.');
        }
        return !s.isEmpty() && isEncodedText(s, "");
    }

    /** RFC 4975 sec 6: session-id = 1*( unreserved / "+" / "=" / "/" ). */
    private static boolean isSessionId(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isUnreserved(c) && c != '+' && c != '=' && c != '/') {
                return false;
            }
        }
        return true;
    }

    /** RFC 4975 sec 6: URI-parameter = token ["=" token]. */
    private static boolean isParameter(String s) {
        int eq = s.indexOf('=');
        return eq < 0 ? Syntax.isToken(s) : Syntax.isToken(s.substring(0, eq)) && Syntax.isToken(s.substring(eq + 1));
    }
}
