package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code a=file-date} attribute of RFC 5547 (sec 6): when the file was created, last modified and last read,
 * each an RFC 5322 date-time in quotes, e.g. {@code creation:"Mon, 15 May 2006 15:01:31 +0300"}. The dates are
 * kept as written (printable ASCII, bounded); each kind at most once, at least one.
 */
public final class FileDate {

    /** RFC 5322 dates are about 31 characters; comments and folding are not expected here. */
    public static final int MAX_DATE_LENGTH = 64;
    static final String ATTRIBUTE = "file-date";
    private static final String[] KINDS = {"creation", "modification", "read"};

    /** Indexed like {@link #KINDS}; null when not given. */
    private final String[] dates;

    private FileDate(String[] dates) {
        boolean any = false;
        for (String d : dates) {
            if (d != null) {
                any = true;
                if (d.isEmpty() || d.length() > MAX_DATE_LENGTH
                        || !d.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"')) {
                    throw FileSyntax.malformed(ATTRIBUTE, "date of 1 to " + MAX_DATE_LENGTH
                            + " printable characters expected");
                }
            }
        }
        if (!any) {
            throw FileSyntax.malformed(ATTRIBUTE, "no date");
        }
        this.dates = dates;
    }

    /**
     * The dates given, each as an RFC 5322 date-time or null.
     *
     * @throws SdpFormatException if none is given or one is not a printable string of at most 64 characters
     */
    public static FileDate of(String creation, String modification, String read) {
        return new FileDate(new String[] {creation, modification, read});
    }

    /**
     * Parses what follows {@code a=file-date:}.
     *
     * @throws SdpFormatException saying what is malformed
     */
    public static FileDate parse(String value) {
        String[] dates = new String[KINDS.length];
        int at = 0;
        while (at < value.length()) {
            int colon = value.indexOf(':', at);
            int kind = colon < 0 ? -1 : List.of(KINDS).indexOf(value.substring(at, colon));
            if (kind < 0) {
                throw FileSyntax.malformed(ATTRIBUTE, "unknown date parameter");
            }
            if (dates[kind] != null) {
                throw FileSyntax.malformed(ATTRIBUTE, KINDS[kind] + " given twice");
            }
            dates[kind] = FileSyntax.quotedAfter(ATTRIBUTE, value, colon + 1, KINDS[kind] + " date");
            at = colon + dates[kind].length() + 3;
            if (at < value.length() && (value.charAt(at) != ' ' || ++at == value.length())) {
                throw FileSyntax.malformed(ATTRIBUTE, "dates not separated by one space");
            }
        }
        return new FileDate(dates);
    }

    public Optional<String> creation() {
        return Optional.ofNullable(dates[0]);
    }

    public Optional<String> modification() {
        return Optional.ofNullable(dates[1]);
    }

    public Optional<String> read() {
        return Optional.ofNullable(dates[2]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileDate f && Arrays.equals(dates, f.dates);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dates);
    }

    /** As written after {@code a=file-date:}: creation, modification, read. */
    @Override
    public String toString() {
        List<String> params = new ArrayList<>(KINDS.length);
        for (int i = 0; i < KINDS.length; i++) {
            if (dates[i] != null) {
                params.add(KINDS[i] + ":\"" + dates[i] + '"');
            }
        }
        return String.join(" ", params);
    }
}
