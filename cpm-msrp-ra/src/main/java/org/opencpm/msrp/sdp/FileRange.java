package org.opencpm.msrp.sdp;

/**
 * The {@code a=file-range} attribute of RFC 5547 (sec 6 and 8): the part of the file the transfer carries,
 * {@code start-stop} counted from 1 and inclusive, the stop {@code *} (held as {@link #UNKNOWN}) when the file's
 * end is not known. A transfer resumed after an interruption offers the range from the first byte missing.
 */
public record FileRange(long start, long stop) {

    public static final long UNKNOWN = -1;
    static final String ATTRIBUTE = "file-range";

    /** @throws SdpFormatException if start is below 1 or stop before start */
    public FileRange {
        if (start < 1 || stop != UNKNOWN && stop < start) {
            throw FileSyntax.malformed(ATTRIBUTE, "range must start at 1 or later and not stop before its start");
        }
    }

    /** The range from {@code start} to the end of the file. */
    public static FileRange from(long start) {
        return new FileRange(start, UNKNOWN);
    }

    /**
     * Parses what follows {@code a=file-range:}.
     *
     * @throws SdpFormatException saying what is malformed
     */
    public static FileRange parse(String value) {
        int dash = value.indexOf('-');
        if (dash < 0) {
            throw FileSyntax.malformed(ATTRIBUTE, "no dash between start and stop");
        }
        long start = FileSyntax.integer(ATTRIBUTE, "start", value.substring(0, dash), false);
        String stop = value.substring(dash + 1);
        return new FileRange(start, stop.equals("*") ? UNKNOWN : FileSyntax.integer(ATTRIBUTE, "stop", stop, false));
    }

    public boolean hasStop() {
        return stop != UNKNOWN;
    }

    /** The bytes before the range: what a sender resuming at it has delivered already. */
    public long bytesBefore() {
        return start - 1;
    }

    /** As written after {@code a=file-range:}. */
    @Override
    public String toString() {
        return start + "-" + (hasStop() ? Long.toString(stop) : "*");
    }
}
