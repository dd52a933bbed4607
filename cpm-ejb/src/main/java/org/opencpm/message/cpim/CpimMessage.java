package org.opencpm.message.cpim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable {@code message/cpim} message (RFC 3862): message headers, MIME content headers, body. Every instance
 * has passed the same checks, whether parsed or built: From and To present and of the form
 * {@code [Formal-name] <URI>}, DateTime (if any) RFC 3339, each header prefix declared by NS, a Content-Type, a
 * Content-Length (if any) that counts the body, and the size bounds below.
 */
public final class CpimMessage {

    public static final String MEDIA_TYPE = "message/cpim";
    /** The CPIM header namespace of RFC 5438 sec 6.1, conventionally under the prefix {@code imdn}. */
    public static final String IMDN_NAMESPACE = "urn:ietf:params:imdn";

    /**
     * Largest whole message accepted; it also bounds the work any one message can cause. Pager mode stops at 1300
     * bytes long before this; a large message kept for deferred delivery (OMA CPM SD 5.2.2.1.5) is read whole, up to
     * this.
     */
    public static final int MAX_MESSAGE_SIZE = 32 * 1024 * 1024;
    /** Largest header block, blank line included, measured as written with CRLF line ends. */
    public static final int MAX_HEADER_BLOCK_SIZE = 64 * 1024;
    /** Most headers in one block. */
    public static final int MAX_HEADERS = 200;

    private static final byte[] CRLF = {'\r', '\n'};

    private final List<CpimHeader> headers;
    private final List<CpimHeader> contentHeaders;
    private final byte[] body;
    private final Map<String, String> namespaces;
    private final String fromUri;
    private final String toUri;

    private CpimMessage(List<CpimHeader> headers, List<CpimHeader> contentHeaders, byte[] body) {
        this.headers = List.copyOf(headers);
        this.contentHeaders = List.copyOf(contentHeaders);
        this.body = body;
        CpimRules.checkBounds(this.headers);
        CpimRules.checkBounds(this.contentHeaders);
        if (CpimRules.blockSize(this.headers) + CpimRules.blockSize(this.contentHeaders) + body.length
                > MAX_MESSAGE_SIZE) {
            throw new CpimFormatException(CpimRules.MESSAGE_TOO_LARGE);
        }
        this.headers.forEach(CpimRules::checkMessageHeader);
        this.namespaces = CpimRules.namespaces(this.headers);
        CpimRules.checkPrefixes(this.headers, namespaces);

        // RFC 3862 sec 4.1 and 4.2: one From, at least one To; cc takes the same form (sec 4.3).
        this.fromUri = CpimRules.nameAddrUri(
                CpimRules.exactlyOne(CpimRules.find(this.headers, "From"), "From", CpimRules.MESSAGE_BLOCK));
        List<CpimHeader> to = CpimRules.find(this.headers, "To");
        if (to.isEmpty()) {
            throw new CpimFormatException(CpimRules.MESSAGE_BLOCK + " missing To");
        }
        this.toUri = CpimRules.nameAddrUri(to.get(0));
        to.forEach(CpimRules::nameAddrUri);
        CpimRules.find(this.headers, "cc").forEach(CpimRules::nameAddrUri);
        CpimRules.atMostOne(CpimRules.find(this.headers, "DateTime"), "DateTime", CpimRules.MESSAGE_BLOCK)
                .ifPresent(CpimRules::checkDateTime);

        this.contentHeaders.forEach(CpimRules::checkContentHeader);
        CpimRules.checkContentType(CpimRules.exactlyOne(
                CpimRules.findContent(this.contentHeaders, "Content-Type"), "Content-Type", CpimRules.CONTENT_BLOCK));
        CpimRules.atMostOne(
                CpimRules.findContent(this.contentHeaders, "Content-Length"), "Content-Length", CpimRules.CONTENT_BLOCK)
                .ifPresent(h -> CpimRules.checkContentLength(h, body));
    }

    /** For the parser, which hands over a body array of its own. */
    static CpimMessage of(List<CpimHeader> headers, List<CpimHeader> contentHeaders, byte[] body) {
        return new CpimMessage(headers, contentHeaders, body);
    }

    /**
     * Parses a {@code message/cpim} body.
     *
     * @throws CpimFormatException saying in one line what is wrong
     */
    public static CpimMessage parse(byte[] raw) {
        return CpimParser.parse(Objects.requireNonNull(raw, "raw"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The message headers in order. */
    public List<CpimHeader> headers() {
        return headers;
    }

    /** The first value of the header called {@code name}; an exact-case match wins over a case-insensitive one. */
    public Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** Every value of the header called {@code name}, in order, matched as {@link #header(String)} does. */
    public List<String> headers(String name) {
        return values(CpimRules.find(headers, name));
    }

    /** The From value as written, e.g. {@code Alice <sip:alice@example.com>}. */
    public String from() {
        return header("From").orElseThrow();
    }

    /** The URI inside the angle brackets of From. */
    public String fromUri() {
        return fromUri;
    }

    /** The first To value as written. */
    public String to() {
        return header("To").orElseThrow();
    }

    /** The URI inside the angle brackets of the first To. */
    public String toUri() {
        return toUri;
    }

    public Optional<String> dateTime() {
        return header("DateTime");
    }

    /** The first Subject, without any {@code ;lang=} parameter (kept in {@link CpimHeader#parameters()}). */
    public Optional<String> subject() {
        return header("Subject");
    }

    /** The NS declarations as prefix to namespace URI, in order; the default namespace has prefix "". */
    public Map<String, String> namespaces() {
        return namespaces;
    }

    /**
     * The value of extension header {@code localName} in namespace {@code namespaceUri}, under whatever prefix the
     * sender bound to it: {@code extension(IMDN_NAMESPACE, "Message-ID")} finds {@code imdn.Message-ID}, or
     * {@code x.Message-ID} after {@code NS: x <urn:ietf:params:imdn>}.
     */
    public Optional<String> extension(String namespaceUri, String localName) {
        return extensions(namespaceUri, localName).stream().findFirst();
    }

    /** Every value of extension header {@code localName} in namespace {@code namespaceUri}, in order. */
    public List<String> extensions(String namespaceUri, String localName) {
        for (Map.Entry<String, String> ns : namespaces.entrySet()) {
            if (CpimRules.sameNamespace(ns.getValue(), namespaceUri)) {
                List<String> values = headers(prefixed(ns.getKey(), localName));
                if (!values.isEmpty()) {
                    return values;
                }
            }
        }
        return List.of();
    }

    /** The prefix the message binds to {@code namespaceUri} (the first, if several), "" for the default one. */
    public Optional<String> prefixOf(String namespaceUri) {
        return namespaces.entrySet().stream()
                .filter(ns -> CpimRules.sameNamespace(ns.getValue(), namespaceUri))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** {@code prefix.localName}, or just {@code localName} in the default namespace. */
    public static String prefixed(String prefix, String localName) {
        return prefix.isEmpty() ? localName : prefix + '.' + localName;
    }

    /** The MIME content headers in order. */
    public List<CpimHeader> contentHeaders() {
        return contentHeaders;
    }

    /** The Content-Type of the body, as written, parameters included. */
    public String contentType() {
        return contentHeader("Content-Type").orElseThrow();
    }

    /** The type/subtype of the body, lower-case, without parameters, e.g. {@code text/plain}. */
    public String contentMediaType() {
        return CpimSyntax.mediaType(contentType());
    }

    public Optional<String> contentDisposition() {
        return contentHeader("Content-Disposition");
    }

    /** A content header by name, case-insensitively as MIME has it (RFC 2045 sec 3). */
    public Optional<String> contentHeader(String name) {
        return values(CpimRules.findContent(contentHeaders, name)).stream().findFirst();
    }

    /** The body, byte for byte as received or given. */
    public byte[] body() {
        return body.clone();
    }

    /**
     * This message with one more message header, placed before the header now at {@code index} (or last when
     * {@code index} is the number of headers); checked as any message is.
     *
     * @throws CpimFormatException when the result breaks a rule, e.g. an undeclared prefix
     */
    public CpimMessage withHeaderAt(int index, String name, String value) {
        List<CpimHeader> added = new ArrayList<>(headers);
        added.add(index, new CpimHeader(name, value));
        return new CpimMessage(added, contentHeaders, body);
    }

    /** The message as written: CRLF line ends, header names and order as held, the body unchanged. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBlock(out, headers);
        writeBlock(out, contentHeaders);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void writeBlock(ByteArrayOutputStream out, List<CpimHeader> block) {
        for (CpimHeader h : block) {
            out.writeBytes(h.toLine().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
    }

    private static List<String> values(List<CpimHeader> found) {
        return found.stream().map(CpimHeader::value).toList();
    }

    /**
     * Builds a message; headers go out in the order they are added. {@link #build()} checks the result as
     * {@link CpimMessage#parse(byte[])} would, so two From headers or an undeclared prefix fail there.
     */
    public static final class Builder {

        private final List<CpimHeader> headers = new ArrayList<>();
        private final List<CpimHeader> contentHeaders = new ArrayList<>();
        private byte[] body = new byte[0];

        private Builder() {
        }

        /** From, as {@code [Formal-name] <URI>}. */
        public Builder from(String nameAddr) {
            return header("From", nameAddr);
        }

        /** A To, as {@code [Formal-name] <URI>}; may be added more than once. */
        public Builder to(String nameAddr) {
            return header("To", nameAddr);
        }

        /** DateTime, an RFC 3339 date-time such as {@code 2006-04-04T12:16:49-05:00}. */
        public Builder dateTime(String dateTime) {
            return header("DateTime", dateTime);
        }

        public Builder subject(String subject) {
            return header("Subject", subject);
        }

        /** An NS declaration; an empty prefix declares the default namespace. */
        public Builder namespace(String prefix, String uri) {
            Objects.requireNonNull(prefix, "prefix");
            return header("NS", (prefix.isEmpty() ? "" : prefix + ' ') + '<' + uri + '>');
        }

        public Builder header(String name, String value) {
            headers.add(new CpimHeader(name, value));
            return this;
        }

        public Builder contentType(String contentType) {
            return contentHeader("Content-Type", contentType);
        }

        public Builder contentHeader(String name, String value) {
            contentHeaders.add(new CpimHeader(name, value));
            return this;
        }

        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        /** @throws CpimFormatException as {@link CpimMessage#parse(byte[])} would on the same message */
        public CpimMessage build() {
            return new CpimMessage(headers, contentHeaders, body.clone());
        }
    }
}
