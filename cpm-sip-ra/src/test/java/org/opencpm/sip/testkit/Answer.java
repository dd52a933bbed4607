package org.opencpm.sip.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link SipTestAgent} answers an INVITE (initial or re-INVITE): a status, an optional body, extra headers, a
 * delay before the final response and, for an initial INVITE, whether 180 Ringing goes first. A status below 200
 * leaves the INVITE unanswered after that provisional response (for tests that CANCEL it).
 */
public record Answer(int status, String contentType, byte[] body, Map<String, List<String>> headers, Duration delay,
                     boolean ringing) {

    public Answer {
        headers = Map.copyOf(headers);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        if ((contentType == null) != (body == null)) {
            throw new IllegalArgumentException("a body needs a content type and the other way round");
        }
    }

    /** This status, no body, at once, 180 Ringing first. */
    public static Answer status(int status) {
        return new Answer(status, null, null, Map.of(), Duration.ZERO, true);
    }

    /** 200 with this body (an SDP answer, say). */
    public static Answer ok(String contentType, byte[] body) {
        return status(200).withBody(contentType, body);
    }

    public static Answer ok(String contentType, String body) {
        return ok(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public Answer withBody(String contentType, byte[] body) {
        return new Answer(status, contentType, body, headers, delay, ringing);
    }

    /** Adds a header value; a name given twice gives two header fields. */
    public Answer withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
        values.add(value);
        more.put(name, List.copyOf(values));
        return new Answer(status, contentType, body, more, delay, ringing);
    }

    /** The final response goes this long after the INVITE arrived (180 Ringing, if any, at once). */
    public Answer after(Duration delay) {
        return new Answer(status, contentType, body, headers, delay, ringing);
    }

    public Answer withoutRinging() {
        return new Answer(status, contentType, body, headers, delay, false);
    }
}
