package org.opencpm.message.cpim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checks a CPIM message must pass, applied alike to parsed and to built messages. */
final class CpimRules {

    static final String MESSAGE_BLOCK = "CPIM header block";
    static final String CONTENT_BLOCK = "CPIM content header block";
    static final String MESSAGE_TOO_LARGE = "CPIM message too large";
    static final String BLOCK_TOO_LARGE = "CPIM header block too large";
    static final String TOO_MANY_HEADERS = "CPIM header block has more than " + CpimMessage.MAX_HEADERS + " headers";

    private CpimRules() {
    }

    /** Size of a header block as written: CRLF line ends and the blank line that closes it. */
    static long blockSize(List<CpimHeader> block) {
        long size = 2;
        for (CpimHeader h : block) {
            size += h.toLine().getBytes(StandardCharsets.UTF_8).length + 2L;
        }
        return size;
    }

    static void checkBounds(List<CpimHeader> block) {
        if (block.size() > CpimMessage.MAX_HEADERS) {
            throw new CpimFormatException(TOO_MANY_HEADERS);
        }
        if (blockSize(block) > CpimMessage.MAX_HEADER_BLOCK_SIZE) {
            throw new CpimFormatException(BLOCK_TOO_LARGE);
        }
    }

    /** RFC 3862 sec 3.1: Header-name; sec 3.2: parameters and a value free of controls. */
    static void checkMessageHeader(CpimHeader h) {
        if (!CpimSyntax.isHeaderName(h.name())) {
            throw new CpimFormatException("CPIM header name malformed");
        }
        String parameters = h.parameters();
        if (!parameters.isEmpty() && CpimSyntax.parametersEnd(parameters, 0) != parameters.length()) {
            throw malformedParameter(h.name());
        }
        checkNoControls(h);
    }

    static void checkContentHeader(CpimHeader h) {
        if (!CpimSyntax.isFieldName(h.name())) {
            throw new CpimFormatException("CPIM content header name malformed");
        }
        checkNoControls(h);
    }

    static CpimFormatException malformedParameter(String name) {
        return new CpimFormatException("CPIM header " + CpimSyntax.shown(name) + " has a malformed parameter");
    }

    private static void checkNoControls(CpimHeader h) {
        if (CpimSyntax.hasControlChar(h.value()) || CpimSyntax.hasControlChar(h.parameters())) {
            throw new CpimFormatException("CPIM header " + CpimSyntax.shown(h.name()) + " has a control character");
        }
    }

    /**
     * The NS declarations as prefix to URI (RFC 3862 sec 4.6), the default namespace under "". They hold for the
     * whole block whatever their position, so a client that writes NS after its use is still understood.
     */
    static Map<String, String> namespaces(List<CpimHeader> headers) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        for (CpimHeader h : find(headers, "NS")) {
            Map.Entry<String, String> ns = CpimSyntax.namespace(h.value());
            if (ns == null) {
                throw new CpimFormatException("CPIM NS header malformed");
            }
            String earlier = namespaces.putIfAbsent(ns.getKey(), ns.getValue());
            if (earlier != null && !earlier.equals(ns.getValue())) {
                throw new CpimFormatException("CPIM NS prefix " + CpimSyntax.shown(ns.getKey()) + " declared twice");
            }
        }
        return Collections.unmodifiableMap(namespaces);
    }

    /** RFC 3862 sec 3.4: a prefixed header name needs an NS declaration of its prefix, imdn included. */
    static void checkPrefixes(List<CpimHeader> headers, Map<String, String> namespaces) {
        for (CpimHeader h : headers) {
            int dot = h.name().indexOf('.');
            String prefix = dot > 0 ? h.name().substring(0, dot) : null;
            if (prefix != null && !namespaces.containsKey(prefix)) {
                throw new CpimFormatException(
                        "CPIM header prefix " + CpimSyntax.shown(prefix) + " has no NS declaration");
            }
        }
    }

    /** The URI of a From, To or cc header (RFC 3862 sec 4.1 to 4.3). */
    static String nameAddrUri(CpimHeader h) {
        String uri = CpimSyntax.nameAddrUri(h.value());
        if (uri == null) {
            throw new CpimFormatException(
                    "CPIM " + CpimSyntax.shown(h.name()) + " not of the form [Formal-name] <URI>");
        }
        return uri;
    }

    /** The one header in {@code found}, the headers called {@code name}, if any; more than one is an error. */
    static Optional<CpimHeader> atMostOne(List<CpimHeader> found, String name, String blockName) {
        if (found.size() > 1) {
            throw new CpimFormatException(blockName + " has more than one " + name);
        }
        return found.stream().findFirst();
    }

    /** The one header in {@code found}, the headers called {@code name}, which must be there. */
    static CpimHeader exactlyOne(List<CpimHeader> found, String name, String blockName) {
        return atMostOne(found, name, blockName)
                .orElseThrow(() -> new CpimFormatException(blockName + " missing " + name));
    }

    /** RFC 3862 sec 4.4: DateTime is an RFC 3339 date-time. */
    static void checkDateTime(CpimHeader h) {
        if (!CpimSyntax.isDateTime(h.value())) {
            throw new CpimFormatException("CPIM DateTime not RFC 3339");
        }
    }

    static void checkContentType(CpimHeader h) {
        if (!CpimSyntax.isMediaType(h.value())) {
            throw new CpimFormatException("CPIM Content-Type malformed");
        }
    }

    /** Content-Length counts the body; one trailing line end that some senders add after it is let through. */
    static void checkContentLength(CpimHeader h, byte[] body) {
        String value = h.value();
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CpimFormatException("CPIM Content-Length malformed");
        }
        long declared = Long.parseLong(value);
        int n = body.length;
        int lineEnd = n >= 2 && body[n - 2] == '\r' && body[n - 1] == '\n' ? 2 : n >= 1 && body[n - 1] == '\n' ? 1 : 0;
        if (declared != n && declared != n - lineEnd) {
            throw new CpimFormatException("CPIM Content-Length does not match the body");
        }
    }

    /**
     * The headers called {@code name}: the exact-case matches (RFC 3862 names are case-sensitive), or when there
     * are none the case-insensitive ones, as some clients write {@code Content-type} or {@code from}.
     */
    static List<CpimHeader> find(List<CpimHeader> block, String name) {
        List<CpimHeader> exact = new ArrayList<>();
        List<CpimHeader> loose = new ArrayList<>();
        for (CpimHeader h : block) {
            if (h.name().equals(name)) {
                exact.add(h);
            } else if (h.name().equalsIgnoreCase(name)) {
                loose.add(h);
            }
        }
        return exact.isEmpty() ? loose : exact;
    }

    /** The MIME content headers called {@code name}, case-insensitively (RFC 2045 sec 3). */
    static List<CpimHeader> findContent(List<CpimHeader> block, String name) {
        return block.stream().filter(h -> h.name().equalsIgnoreCase(name)).toList();
    }

    /** Namespace URIs match exactly, or for URNs regardless of case (RFC 8141 sec 3.1, and clients vary). */
    static boolean sameNamespace(String a, String b) {
        return a.equals(b) || (a.regionMatches(true, 0, "urn:", 0, 4) && a.equalsIgnoreCase(b));
    }
}
