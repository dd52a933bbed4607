package org.opencpm.msrp.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers of an MSRP frame (RFC 4975 sec 9). To-Path and From-Path are always there; the others are optional.
 * Headers this class does not know by name are kept in order as {@link MsrpHeader}s. Success-Report and
 * Failure-Report answer with their RFC defaults when absent, while {@link #builder(MsrpHeaders)} copies only what
 * was written, so a frame passed on keeps its exact headers.
 */
public final class MsrpHeaders {

    static final String TO_PATH = "To-Path";
    static final String FROM_PATH = "From-Path";
    static final String MESSAGE_ID = "Message-ID";
    static final String BYTE_RANGE = "Byte-Range";
    static final String SUCCESS_REPORT = "Success-Report";
    static final String FAILURE_REPORT = "Failure-Report";
    static final String STATUS = "Status";
    static final String CONTENT_TYPE = "Content-Type";
    /** The names above: each may appear at most once and never as an {@link MsrpHeader}. */
    static final List<String> KNOWN = List.of(TO_PATH, FROM_PATH, MESSAGE_ID, BYTE_RANGE, SUCCESS_REPORT,
            FAILURE_REPORT, STATUS, CONTENT_TYPE);

    private final List<MsrpUri> toPath;
    private final List<MsrpUri> fromPath;
    private final String messageId;
    private final ByteRange byteRange;
    private final SuccessReport successReport;
    private final FailureReport failureReport;
    private final ReportStatus status;
    private final String contentType;
    private final List<MsrpHeader> others;

    private MsrpHeaders(Builder b) {
        if (b.toPath == null) {
            throw MsrpProtocolException.badRequest("MSRP frame missing To-Path");
        }
        if (b.fromPath == null) {
            throw MsrpProtocolException.badRequest("MSRP frame missing From-Path");
        }
        this.toPath = b.toPath;
        this.fromPath = b.fromPath;
        this.messageId = b.messageId;
        this.byteRange = b.byteRange;
        this.successReport = b.successReport;
        this.failureReport = b.failureReport;
        this.status = b.status;
        this.contentType = b.contentType;
        this.others = List.copyOf(b.others);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding exactly the headers of {@code headers}, to change some of them. */
    public static Builder builder(MsrpHeaders headers) {
        Builder b = new Builder();
        b.toPath = headers.toPath;
        b.fromPath = headers.fromPath;
        b.messageId = headers.messageId;
        b.byteRange = headers.byteRange;
        b.successReport = headers.successReport;
        b.failureReport = headers.failureReport;
        b.status = headers.status;
        b.contentType = headers.contentType;
        b.others.addAll(headers.others);
        return b;
    }

    /** To-Path: the next hop first, the destination last. */
    public List<MsrpUri> toPath() {
        return toPath;
    }

    /** From-Path: the previous hop first, the sender last. */
    public List<MsrpUri> fromPath() {
        return fromPath;
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    public Optional<ByteRange> byteRange() {
        return Optional.ofNullable(byteRange);
    }

    /** Success-Report, {@code no} when absent (RFC 4975 sec 7.1.1). */
    public SuccessReport successReport() {
        return successReport == null ? SuccessReport.NO : successReport;
    }

    /** Failure-Report, {@code yes} when absent (RFC 4975 sec 7.1.1). */
    public FailureReport failureReport() {
        return failureReport == null ? FailureReport.YES : failureReport;
    }

    /** The Status of a REPORT. */
    public Optional<ReportStatus> status() {
        return Optional.ofNullable(status);
    }

    /** The Content-Type as written, parameters included. */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** Extension and MIME headers other than Content-Type, in order. */
    public List<MsrpHeader> others() {
        return others;
    }

    /** The first of {@link #others()} called {@code name}, case-insensitively (RFC 4975 sec 9 uses ABNF strings). */
    public Optional<String> header(String name) {
        return others.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(MsrpHeader::value).findFirst();
    }

    /** Equal when the same headers were written with equal values, in the same order for {@link #others()}. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MsrpHeaders)) {
            return false;
        }
        MsrpHeaders h = (MsrpHeaders) o;
        return toPath.equals(h.toPath) && fromPath.equals(h.fromPath) && Objects.equals(messageId, h.messageId)
                && Objects.equals(byteRange, h.byteRange) && successReport == h.successReport
                && failureReport == h.failureReport && Objects.equals(status, h.status)
                && Objects.equals(contentType, h.contentType) && others.equals(h.others);
    }

    @Override
    public int hashCode() {
        return Objects.hash(toPath, fromPath, messageId, byteRange, successReport, failureReport, status, contentType,
                others);
    }

    /** The header lines as written on the wire, separated by CRLF. */
    @Override
    public String toString() {
        return String.join("\r\n", lines());
    }

    /** The header lines in the order RFC 4975 sec 9 gives: paths first, the content's headers last. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(TO_PATH + ": " + MsrpPath.format(toPath));
        lines.add(FROM_PATH + ": " + MsrpPath.format(fromPath));
        addIf(lines, MESSAGE_ID, messageId);
        addIf(lines, BYTE_RANGE, byteRange);
        addIf(lines, SUCCESS_REPORT, successReport == null ? null : successReport.token());
        addIf(lines, FAILURE_REPORT, failureReport == null ? null : failureReport.token());
        addIf(lines, STATUS, status);
        others.stream().filter(h -> !h.isMime()).forEach(h -> lines.add(h.name() + ": " + h.value()));
        others.stream().filter(MsrpHeader::isMime).forEach(h -> lines.add(h.name() + ": " + h.value()));
        addIf(lines, CONTENT_TYPE, contentType);
        return lines;
    }

    private static void addIf(List<String> lines, String name, Object value) {
        if (value != null) {
            lines.add(name + ": " + value);
        }
    }

    /** Builds headers; each setter checks its value as the parser would and refuses it with a 400 reason. */
    public static final class Builder {

        private List<MsrpUri> toPath;
        private List<MsrpUri> fromPath;
        private String messageId;
        private ByteRange byteRange;
        private SuccessReport successReport;
        private FailureReport failureReport;
        private ReportStatus status;
        private String contentType;
        private final List<MsrpHeader> others = new ArrayList<>();

        private Builder() {
        }

        public Builder toPath(List<MsrpUri> path) {
            this.toPath = MsrpPath.checked(path, TO_PATH);
            return this;
        }

        public Builder fromPath(List<MsrpUri> path) {
            this.fromPath = MsrpPath.checked(path, FROM_PATH);
            return this;
        }

        /** RFC 4975 sec 9: Message-ID = ident. */
        public Builder messageId(String id) {
            if (id != null && !Syntax.isIdent(id)) {
                throw MsrpProtocolException.badRequest("MSRP Message-ID malformed");
            }
            this.messageId = id;
            return this;
        }

        public Builder byteRange(ByteRange range) {
            this.byteRange = range;
            return this;
        }

        public Builder successReport(SuccessReport value) {
            this.successReport = value;
            return this;
        }

        public Builder failureReport(FailureReport value) {
            this.failureReport = value;
            return this;
        }

        public Builder status(ReportStatus value) {
            this.status = value;
            return this;
        }

        /** A media type, {@code type/subtype} with optional parameters. */
        public Builder contentType(String value) {
            if (value != null && !isMediaType(value)) {
                throw MsrpProtocolException.badRequest("MSRP Content-Type malformed");
            }
            this.contentType = value;
            return this;
        }

        /** Adds an extension or MIME header; the names {@link MsrpHeaders} knows have setters of their own. */
        public Builder header(String name, String value) {
            if (KNOWN.stream().anyMatch(name::equalsIgnoreCase)) {
                throw new IllegalArgumentException(name + " has a setter of its own");
            }
            others.add(new MsrpHeader(name, value));
            return this;
        }

        /** @throws MsrpProtocolException (400) without To-Path or From-Path */
        public MsrpHeaders build() {
            return new MsrpHeaders(this);
        }

        /** RFC 4975 sec 9 defers to RFC 2045: type "/" subtype, both tokens, then parameters. */
        private static boolean isMediaType(String value) {
            int semi = value.indexOf(';');
            String type = (semi < 0 ? value : value.substring(0, semi)).trim();
            int slash = type.indexOf('/');
            return slash > 0 && Syntax.isToken(type.substring(0, slash)) && Syntax.isToken(type.substring(slash + 1))
                    && !Syntax.hasControl(value);
        }
    }
}
