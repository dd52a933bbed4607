package org.opencpm.msrp.codec;

/**
 * The Byte-Range header (RFC 4975 sec 9): {@code start-end/total}, 1-based and inclusive, where end and total may be
 * {@code *} (unknown, held as {@link #UNKNOWN}). The end is what the sender announced; receivers place a chunk by
 * its start and the bytes that actually arrive, because the RFC's own examples count the line end before the
 * end-line into the range ({@code 1-25/25} for a 23-byte body).
 */
public record ByteRange(long start, long end, long total) {

    public static final long UNKNOWN = -1;
    /** {@code 1-*}{@code /*}: a chunk that starts the message, length and total unknown. */
    public static final ByteRange OPEN = new ByteRange(1, UNKNOWN, UNKNOWN);
    /** Eighteen digits always fit a long; more is refused rather than overflowed. */
    private static final int MAX_DIGITS = 18;

    /** @throws MsrpProtocolException (400) when the numbers contradict each other */
    public ByteRange {
        if (start < 1 || end < UNKNOWN || total < UNKNOWN
                || end != UNKNOWN && end < start - 1
                || total != UNKNOWN && (start - 1 > total || end > total)) {
            throw MsrpProtocolException.badRequest("MSRP Byte-Range inconsistent");
        }
    }

    /** The range of a message of {@code size} bytes sent in one chunk. */
    public static ByteRange whole(long size) {
        return new ByteRange(1, size, size);
    }

    /**
     * Parses a Byte-Range value.
     *
     * @throws MsrpProtocolException (400) if it is malformed or inconsistent
     */
    public static ByteRange parse(String value) {
        int dash = value.indexOf('-');
        int slash = value.indexOf('/');
        if (dash < 0 || slash < dash) {
            throw malformed();
        }
        long start = number(value.substring(0, dash), false);
        long end = number(value.substring(dash + 1, slash), true);
        long total = number(value.substring(slash + 1), true);
        return new ByteRange(start, end, total);
    }

    public boolean hasEnd() {
        return end != UNKNOWN;
    }

    public boolean hasTotal() {
        return total != UNKNOWN;
    }

    /** As written on the wire, e.g. {@code 1-25/25} or {@code 1-*}{@code /*}. */
    @Override
    public String toString() {
        return start + "-" + (hasEnd() ? Long.toString(end) : "*") + '/' + (hasTotal() ? Long.toString(total) : "*");
    }

    private static long number(String s, boolean starAllowed) {
        if (starAllowed && s.equals("*")) {
            return UNKNOWN;
        }
        if (!Syntax.isDigits(s, 1, MAX_DIGITS)) {
            throw malformed();
        }
        return Long.parseLong(s);
    }

    private static MsrpProtocolException malformed() {
        return MsrpProtocolException.badRequest("MSRP Byte-Range malformed");
    }
}
