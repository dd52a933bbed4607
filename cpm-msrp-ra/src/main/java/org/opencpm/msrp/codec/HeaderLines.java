package org.opencpm.msrp.codec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the header lines of one incoming frame into {@link MsrpHeaders}, one line at a time. */
final class HeaderLines {

    private final MsrpHeaders.Builder builder = MsrpHeaders.builder();
    private final Set<String> seen = new HashSet<>();
    private List<MsrpUri> toPath;
    private List<MsrpUri> fromPath;

    /**
     * Adds one header line, without its CRLF.
     *
     * @throws MsrpProtocolException (400) if it is malformed or repeats a header that may appear once
     */
    void add(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw MsrpProtocolException.badRequest("MSRP header line without colon");
        }
        String name = line.substring(0, colon);
        if (!Syntax.isHeaderName(name)) {
            throw MsrpProtocolException.badRequest("MSRP header name malformed");
        }
        // RFC 4975 sec 9 has exactly one SP after the colon; any run of blanks is read the same way.
        String value = trimBlanks(line.substring(colon + 1));
        String known = MsrpHeaders.KNOWN.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
        if (known == null) {
            builder.header(name, value);
            return;
        }
        if (!seen.add(known)) {
            throw MsrpProtocolException.badRequest("MSRP header " + known + " appears twice");
        }
        switch (known) {
            case MsrpHeaders.TO_PATH -> builder.toPath(toPath = MsrpPath.parse(value));
            case MsrpHeaders.FROM_PATH -> builder.fromPath(fromPath = MsrpPath.parse(value));
            case MsrpHeaders.MESSAGE_ID -> builder.messageId(value);
            case MsrpHeaders.BYTE_RANGE -> builder.byteRange(ByteRange.parse(value));
            case MsrpHeaders.SUCCESS_REPORT -> builder.successReport(SuccessReport.parse(value));
            case MsrpHeaders.FAILURE_REPORT -> builder.failureReport(FailureReport.parse(value));
            case MsrpHeaders.STATUS -> builder.status(ReportStatus.parse(value));
            default -> builder.contentType(value);
        }
    }

    private static String trimBlanks(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    /** The To-Path read so far, null before it: what a response to a refused frame needs. */
    List<MsrpUri> toPath() {
        return toPath;
    }

    /** The From-Path read so far, null before it. */
    List<MsrpUri> fromPath() {
        return fromPath;
    }

    /** @throws MsrpProtocolException (400) without To-Path or From-Path */
    MsrpHeaders build() {
        return builder.build();
    }
}
