package org.opencpm.recording;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** What the record composers read from a request as received: its end-to-end headers and a CPIM DateTime. Pure. */
final class RecordedFields {

    private RecordedFields() {
    }

    /** The value of the end-to-end SIP header {@code name} among {@code headerLines} ({@code Name: value}), or null. */
    static String header(List<String> headerLines, String name) {
        for (String line : headerLines) {
            if (line.length() > name.length() && line.regionMatches(true, 0, name, 0, name.length())
                    && line.charAt(name.length()) == ':') {
                String value = line.substring(name.length() + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** The CPIM DateTime (RFC 3862), else {@code now}: a client's clock format is no reason not to record. */
    static Instant date(String cpimDateTime, Instant now) {
        if (cpimDateTime != null) {
            try {
                return OffsetDateTime.parse(cpimDateTime.trim()).toInstant();
            } catch (DateTimeParseException e) {
                // the time of recording then
            }
        }
        return now;
    }
}
