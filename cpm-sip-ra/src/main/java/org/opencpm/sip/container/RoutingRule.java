package org.opencpm.sip.container;

import java.util.Locale;
import java.util.Objects;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.Header;
import javax.sip.message.Request;
import java.util.ListIterator;

/**
 * One rule of the application router: which servlet gets an initial request, by method, Request-URI user and host,
 * and a feature tag the request must carry in an Accept-Contact header (e.g. a CPM ICSI). {@code *} matches
 * anything. The first matching rule wins.
 */
public record RoutingRule(String method, String user, String host, String featureTag, String servlet) {

    public static final String ANY = "*";

    public RoutingRule {
        Objects.requireNonNull(servlet, "servlet");
        method = method.toUpperCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
    }

    public boolean matches(Request request) {
        if (!ANY.equals(method) && !method.equals(request.getMethod())) {
            return false;
        }
        URI uri = request.getRequestURI();
        if (!ANY.equals(user) || !ANY.equals(host)) {
            if (!(uri instanceof SipURI sipUri)) {
                return false;
            }
            if (!ANY.equals(user) && !user.equals(sipUri.getUser())) {
                return false;
            }
            if (!ANY.equals(host) && !host.equalsIgnoreCase(sipUri.getHost())) {
                return false;
            }
        }
        return ANY.equals(featureTag) || acceptContactHas(request, featureTag);
    }

    private static boolean acceptContactHas(Request request, String tag) {
        ListIterator<?> headers = request.getHeaders("Accept-Contact");
        while (headers != null && headers.hasNext()) {
            // RFC 3841: feature tags are matched case-insensitively; the ICSI value is %-encoded inside quotes.
            String value = ((Header) headers.next()).toString().toLowerCase(Locale.ROOT);
            if (value.contains(tag.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return method + " " + user + "@" + host + " " + featureTag + " -> " + servlet;
    }
}
